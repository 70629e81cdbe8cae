package io.vertomic.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A fulltext workload (issue 19): {@link FulltextData#QUERY} as EDN text on every call, with the
 * next search of its list as the input, on the 200,000 values of {@link FulltextData} loaded once
 * per engine (untimed) and shared by the three workloads; a run counts the rows of the answer.
 *
 * <p>Vertomic builds a database value's fulltext index lazily, at its first search. That first
 * search is made right after loading, timed and printed on its own, and never measured: the warm-up
 * and the measured runs all search the already indexed value (reads change nothing, so the value
 * stays the same). Before a workload is timed, {@link #check()} runs each of its searches on both
 * engines and compares the answers (values and scores, to a relative 1e-5; entity ids differ); a
 * difference is printed and kept with {@link RealWorkload#problems()}, and still timed.
 */
final class FulltextWorkload implements Workload<RealSession> {
  private static final Map<String, RealDb> LOADED = new HashMap<>();

  private final String name;
  private final Function<FulltextData, List<String>> searches;
  private final Map<String, Integer> next = new HashMap<>();
  private boolean checked;

  private FulltextWorkload(String name, Function<FulltextData, List<String>> searches) {
    this.name = name;
    this.searches = searches;
  }

  static List<FulltextWorkload> all() {
    return List.of(
        new FulltextWorkload("fulltext-term", d -> d.terms),
        new FulltextWorkload("fulltext-phrase", d -> d.phrases),
        new FulltextWorkload("fulltext-prefix", d -> d.prefixes));
  }

  @Override
  public String name() {
    return name;
  }

  /** Runs every search on both engines once and compares the answers; prints how many hits. */
  void check() {
    if (checked) {
      return;
    }
    checked = true;
    List<String> list = searches.apply(FulltextData.get());
    RealDb vertomic = db("vertomic");
    RealDb datomic = db("datomic");
    long[] hits = new long[list.size()];
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String s = list.get(i);
      List<String> v = rows(vertomic.q(FulltextData.QUERY, List.of(s)));
      List<String> d = rows(datomic.q(FulltextData.QUERY, List.of(s)));
      hits[i] = v.size();
      if (!alike(v, d)) {
        differ.add(
            String.format(
                Locale.ROOT,
                "%s: answers differ for the search %s (vertomic %d rows, datomic %d rows)"
                    + "%n  first row only vertomic has: %s%n  first row only datomic has:  %s",
                name,
                s,
                v.size(),
                d.size(),
                firstMissing(v, d),
                firstMissing(d, v)));
      }
    }
    long[] sorted = hits.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "(%s: %d searches, e.g. %s; hits per search median %d, min %d, max %d; %s)%n",
        name,
        list.size(),
        list.subList(0, Math.min(4, list.size())),
        sorted[sorted.length / 2],
        sorted[0],
        sorted[sorted.length - 1],
        differ.isEmpty()
            ? "answers alike on both engines"
            : differ.size() + " answer differently on the engines");
    for (String p : differ) {
      RealWorkload.problems().add(p);
      System.out.println("ANSWERS DIFFER " + p);
    }
  }

  // each row as "value<TAB>score", sorted: the comparable part of an answer
  private static List<String> rows(Object answer) {
    List<String> out = new ArrayList<>();
    for (Object r : (Collection<?>) answer) {
      List<?> row = (List<?>) r;
      out.add(row.get(1) + "\t" + ((Number) row.get(2)).doubleValue());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static boolean alike(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      String[] x = a.get(i).split("\t");
      String[] y = b.get(i).split("\t");
      double sx = Double.parseDouble(x[1]);
      double sy = Double.parseDouble(y[1]);
      if (!x[0].equals(y[0]) || Math.abs(sx - sy) > 1e-5 * Math.max(sx, sy)) {
        return false;
      }
    }
    return true;
  }

  // the first row (value and score) of `rows` that `other` lacks, or "none"
  private static String firstMissing(List<String> rows, List<String> other) {
    java.util.Set<String> values = new java.util.HashSet<>();
    other.forEach(r -> values.add(r.substring(0, r.indexOf('\t'))));
    for (String r : rows) {
      if (!values.contains(r.substring(0, r.indexOf('\t')))) {
        return "[" + r.replace("\t", " ") + "]";
      }
    }
    return "none (same values, scores differ)";
  }

  private static RealDb db(String engine) {
    return LOADED.computeIfAbsent(
        engine,
        k -> {
          FulltextData data = FulltextData.get();
          RealDb db = RealDb.create(engine, "fulltext-" + engine);
          long start = System.nanoTime();
          List<String> txs = data.transactions();
          for (String tx : txs) {
            db.transact(tx);
          }
          double loadS = (System.nanoTime() - start) / 1e9;
          // the first search of the loaded value: Vertomic builds its fulltext index here
          start = System.nanoTime();
          long n = count(db.q(FulltextData.QUERY, List.of(data.terms.get(0))));
          System.out.printf(
              Locale.ROOT,
              "(loaded %d fulltext values into %s: %d transactions in %.1f s; its first search"
                  + " took %.0f ms, %d hits%s; untimed)%n",
              data.values.size(),
              engine,
              txs.size(),
              loadS,
              (System.nanoTime() - start) / 1e6,
              n,
              engine.equals("vertomic") ? " (it builds the in-memory fulltext index)" : "");
          return db;
        });
  }

  private static long count(Object answer) {
    long n = 0;
    for (Object ignored : (Collection<?>) answer) {
      n++;
    }
    return n;
  }

  @Override
  public RealSession setUp(Engine engine, String dbName) {
    RealDb db = db(engine.name());
    List<String> list = searches.apply(FulltextData.get());
    int i = next.merge(engine.name(), 1, Integer::sum);
    List<Object> inputs = List.of(list.get(i % list.size()));
    return new RealSession(() -> count(db.q(FulltextData.QUERY, inputs)));
  }

  @Override
  public long run(RealSession session) {
    return session.op().get();
  }

  @Override
  public int samplesFactor() {
    return 10;
  }

  /** The loaded databases of every engine, deleted (frees the memory for later sections). */
  static void closeAll() {
    LOADED.values().forEach(RealDb::close);
    LOADED.clear();
  }

  /** The workloads by name. */
  static Map<String, FulltextWorkload> byName() {
    Map<String, FulltextWorkload> out = new LinkedHashMap<>();
    all().forEach(w -> out.put(w.name(), w));
    return out;
  }
}
