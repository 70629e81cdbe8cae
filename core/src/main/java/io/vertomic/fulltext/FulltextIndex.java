package io.vertomic.fulltext;

import io.vertomic.datom.Datom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The fulltext index of one database value: per {@code :db/fulltext} attribute, a Lucene document
 * for every datom of a string value, assertions and retractions (as Datomic's index holds them).
 * Immutable to its users: {@link #with} returns the index after a transaction and leaves this one
 * as it was.
 *
 * <p>Built lazily, so that writing costs nothing until someone searches: {@link #with} only
 * remembers its datoms; the first search of a value indexes what its ancestors left unindexed as
 * one new Lucene segment per attribute and keeps it. Segments are merged as a binary counter
 * merges, so an attribute has about log(n) of them and each datom is re-indexed about log(n) times.
 */
public final class FulltextIndex {
  /**
   * The most hits a search gives, as Datomic's gives: the best scored, and of equal scores the
   * earliest indexed (Lucene's order). A view then keeps those it holds.
   */
  public static final int MAX_HITS = 10_000;

  /** The index of a database without fulltext values. */
  public static final FulltextIndex EMPTY = new FulltextIndex(Map.of());

  // Either segments (once built), or what they are built from: the parent's plus pending, or
  // every datom that base supplies, or the stored segments that stored supplies. Guarded by this;
  // segments is also read without the lock.
  private volatile Map<Long, List<FulltextSegment>> segments;
  private FulltextIndex parent;
  private List<Datom> pending;
  private Supplier<List<Datom>> base;
  private Supplier<Map<Long, List<FulltextSegment>>> stored;

  private FulltextIndex(Map<Long, List<FulltextSegment>> segments) {
    this.segments = segments;
  }

  private FulltextIndex(
      FulltextIndex parent,
      List<Datom> pending,
      Supplier<List<Datom>> base,
      Supplier<Map<Long, List<FulltextSegment>>> stored) {
    this.parent = parent;
    this.pending = pending;
    this.base = base;
    this.stored = stored;
  }

  /**
   * The index of the datoms {@code all} supplies (each of a fulltext attribute and a string value),
   * asked for at the first search.
   */
  public static FulltextIndex of(Supplier<List<Datom>> all) {
    return new FulltextIndex(null, null, all, null);
  }

  /**
   * The index made of stored segments, per attribute ({@link FulltextSegment#stored}), asked for at
   * the first search.
   */
  public static FulltextIndex stored(Supplier<Map<Long, List<FulltextSegment>>> segments) {
    return new FulltextIndex(null, null, null, segments);
  }

  /**
   * Its segments per attribute, built now where they were not: what an index job stores (the
   * segments {@link FulltextSegment#stored} returns are stored already).
   */
  public Map<Long, List<FulltextSegment>> segments() {
    Map<Long, List<FulltextSegment>> built = segments;
    if (built != null) {
      return built;
    }
    synchronized (this) {
      if (segments == null) {
        segments = build();
        parent = null;
        pending = null;
        base = null;
        stored = null;
      }
      return segments;
    }
  }

  /** This index with documents for {@code datoms} (each of a fulltext attribute and a string). */
  public FulltextIndex with(List<Datom> datoms) {
    return datoms.isEmpty() ? this : new FulltextIndex(this, List.copyOf(datoms), null, null);
  }

  /**
   * The datoms of attribute {@code attr} whose value {@code search} (Lucene's classic syntax)
   * finds, at most {@link #MAX_HITS}, with their scores; none when {@code attr} has no fulltext
   * index. An {@code incorrect} anomaly naming {@code where} when the search does not parse.
   */
  public List<FulltextHit> search(long attr, String search, String where) {
    Query query = Analysis.parse(search, where);
    List<FulltextSegment> segs = segments().getOrDefault(attr, List.of());
    if (segs.isEmpty()) {
      return List.of();
    }
    IndexReader[] readers = new IndexReader[segs.size()];
    int[] starts = new int[segs.size() + 1];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = segs.get(i).reader();
      starts[i + 1] = starts[i] + segs.get(i).docs();
    }
    Lucene3Scoring.Matches m;
    try {
      IndexSearcher searcher = new IndexSearcher(new MultiReader(readers, false));
      searcher.setSimilarity(Lucene3Similarity.INSTANCE);
      searcher.setQueryCache(null);
      m = Lucene3Scoring.best(Lucene3Scoring.matches(searcher, query), MAX_HITS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw Analysis.tooBroad(search, where);
    }
    Datom[] datoms = new Datom[m.size()];
    int from = 0;
    for (int s = 0; s < segs.size(); s++) {
      int to = from;
      while (to < m.size() && m.docs()[to] < starts[s + 1]) {
        to++;
      }
      segs.get(s).datoms(m.docs(), from, to, starts[s], datoms);
      from = to;
    }
    float best = 0;
    for (float sc : m.scores()) {
      best = Math.max(best, sc);
    }
    List<FulltextHit> out = new ArrayList<>(m.size());
    for (int i = 0; i < m.size(); i++) {
      out.add(new FulltextHit(datoms[i], best > 0 ? m.scores()[i] / (double) best : 1.0));
    }
    return out;
  }

  // Walks up to the nearest built ancestor (locking each: a node only ever locks its ancestors)
  // and indexes what lies between, oldest first.
  private Map<Long, List<FulltextSegment>> build() {
    Deque<List<Datom>> batches = new ArrayDeque<>();
    Map<Long, List<FulltextSegment>> from = Map.of();
    for (FulltextIndex n = this; n != null; ) {
      FulltextIndex up;
      synchronized (n) {
        if (n.segments != null) {
          from = n.segments;
          break;
        }
        if (n.base != null) {
          batches.push(n.base.get());
          break;
        }
        if (n.stored != null) {
          from = n.stored.get();
          break;
        }
        batches.push(n.pending);
        up = n.parent;
      }
      n = up;
    }
    Map<Long, List<Datom>> byAttr = new LinkedHashMap<>();
    for (List<Datom> batch : batches) {
      for (Datom d : batch) {
        byAttr.computeIfAbsent(d.a(), a -> new ArrayList<>()).add(d);
      }
    }
    Map<Long, List<FulltextSegment>> out = new HashMap<>(from);
    byAttr.forEach(
        (attr, datoms) -> {
          List<FulltextSegment> segs = new ArrayList<>(out.getOrDefault(attr, List.of()));
          segs.add(FulltextSegment.of(attr, datoms));
          out.put(attr, mergedTail(attr, segs));
        });
    return Map.copyOf(out);
  }

  // A binary counter's carries: the newest two merge while the older is at most twice the newer.
  private static List<FulltextSegment> mergedTail(long attr, List<FulltextSegment> segs) {
    while (segs.size() > 1) {
      int n = segs.size();
      FulltextSegment older = segs.get(n - 2);
      FulltextSegment newer = segs.get(n - 1);
      if (older.docs() > 2 * newer.docs()) {
        break;
      }
      segs.remove(n - 1);
      segs.set(n - 2, FulltextSegment.merged(attr, List.of(older, newer)));
    }
    return List.copyOf(segs);
  }
}
