package io.vertomic.fulltext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Every document a query matches, scored as Lucene 3 scored it. Lucene scores terms, phrases and
 * expanded terms ({@link Lucene3Similarity}); boolean queries are combined here, because Lucene 3
 * multiplied a boolean query's sum by its coordination factor (the share of its clauses a document
 * matches), which today's Lucene no longer does. Every match is wanted (a fulltext call returns
 * them all), so nothing is pruned.
 */
final class Lucene3Scoring {
  private Lucene3Scoring() {}

  /** Documents in ascending order and their scores. */
  record Matches(int[] docs, float[] scores) {
    static final Matches NONE = new Matches(new int[0], new float[0]);

    int size() {
      return docs.length;
    }
  }

  /**
   * The {@code n} best of {@code all}: highest scores first, then lowest documents, which Lucene's
   * top-documents collector keeps of equal scores; in document order again.
   */
  static Matches best(Matches all, int n) {
    if (all.size() <= n) {
      return all;
    }
    Integer[] order = new Integer[all.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) -> {
          int c = Float.compare(all.scores()[y], all.scores()[x]);
          return c != 0 ? c : Integer.compare(all.docs()[x], all.docs()[y]);
        });
    int[] kept = new int[n];
    for (int i = 0; i < n; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    int[] docs = new int[n];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      docs[i] = all.docs()[kept[i]];
      scores[i] = all.scores()[kept[i]];
    }
    return new Matches(docs, scores);
  }

  static Matches matches(IndexSearcher searcher, Query query) throws IOException {
    if (query instanceof BoostQuery b) {
      Matches m = matches(searcher, b.getQuery());
      float[] s = m.scores().clone();
      for (int i = 0; i < s.length; i++) {
        s[i] *= b.getBoost();
      }
      return new Matches(m.docs(), s);
    }
    if (query instanceof BooleanQuery b) {
      return bool(searcher, b);
    }
    if (query instanceof PhraseQuery p && p.getSlop() == 0 && p.getPositions()[0] > 0) {
      return phraseAfterAGap(searcher, p);
    }
    return leaf(searcher, query);
  }

  /**
   * An exact phrase whose first term does not stand first ({@code "by rine were"}: the stop word
   * leaves a gap) as Lucene 3.3's {@code ExactPhraseScorer} matched it: it skipped a match that
   * would start before the value's first position, so {@code "rine were he"} is not found and
   * {@code "rine were x rine were"} is found once. Lucene 9 finds both matches.
   */
  private static Matches phraseAfterAGap(IndexSearcher searcher, PhraseQuery p) throws IOException {
    Term[] terms = p.getTerms();
    int[] at = p.getPositions();
    String field = p.getField();
    IndexReader top = searcher.getIndexReader();
    TermStatistics[] stats = new TermStatistics[terms.length];
    for (int i = 0; i < terms.length; i++) {
      int df = top.docFreq(terms[i]);
      if (df == 0) {
        return Matches.NONE;
      }
      stats[i] = new TermStatistics(terms[i].bytes(), df, top.totalTermFreq(terms[i]));
    }
    CollectionStatistics collection = searcher.collectionStatistics(field);
    if (collection == null) {
      return Matches.NONE;
    }
    Similarity.SimScorer sim = Lucene3Similarity.INSTANCE.scorer(1f, collection, stats);
    int[] docs = new int[16];
    float[] scores = new float[16];
    int n = 0;
    for (LeafReaderContext leaf : top.leaves()) {
      PostingsEnum[] postings = new PostingsEnum[terms.length];
      boolean all = true;
      for (int i = 0; i < terms.length && all; i++) {
        postings[i] = leaf.reader().postings(terms[i], PostingsEnum.POSITIONS);
        all = postings[i] != null;
      }
      NumericDocValues norms = leaf.reader().getNormValues(field);
      if (!all || norms == null) {
        continue;
      }
      for (int d = postings[0].nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; ) {
        int next = d;
        for (PostingsEnum pe : postings) {
          next = Math.max(next, pe.docID() < next ? pe.advance(next) : pe.docID());
        }
        if (next != d) {
          d = postings[0].docID() < next ? postings[0].advance(next) : postings[0].docID();
          continue;
        }
        int[][] positions = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) {
          positions[i] = new int[postings[i].freq()];
          for (int k = 0; k < positions[i].length; k++) {
            positions[i][k] = postings[i].nextPosition();
          }
        }
        int freq = 0;
        for (int first : positions[0]) {
          int start = first - at[0];
          boolean match = start >= 0;
          for (int i = 1; i < terms.length && match; i++) {
            match = Arrays.binarySearch(positions[i], start + at[i]) >= 0;
          }
          if (match) {
            freq++;
          }
        }
        if (freq > 0 && norms.advanceExact(d)) {
          if (n == docs.length) {
            docs = Arrays.copyOf(docs, n * 2);
            scores = Arrays.copyOf(scores, n * 2);
          }
          docs[n] = leaf.docBase + d;
          scores[n++] = sim.score(freq, norms.longValue());
        }
        d = postings[0].nextDoc();
      }
    }
    return new Matches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
  }

  private static Matches leaf(IndexSearcher searcher, Query query) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    int[] docs = new int[16];
    float[] scores = new float[16];
    int n = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (n == docs.length) {
          docs = Arrays.copyOf(docs, n * 2);
          scores = Arrays.copyOf(scores, n * 2);
        }
        docs[n] = leaf.docBase + d;
        scores[n++] = scorer.score();
      }
    }
    return new Matches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
  }

  private static Matches bool(IndexSearcher searcher, BooleanQuery query) throws IOException {
    List<Matches> scoring = new ArrayList<>();
    List<Matches> required = new ArrayList<>();
    List<Matches> optional = new ArrayList<>();
    List<Matches> prohibited = new ArrayList<>();
    for (BooleanClause c : query.clauses()) {
      Matches m = matches(searcher, c.getQuery());
      switch (c.getOccur()) {
        case MUST -> {
          required.add(m);
          scoring.add(m);
        }
        case FILTER -> required.add(m);
        case SHOULD -> {
          optional.add(m);
          scoring.add(m);
        }
        case MUST_NOT -> prohibited.add(m);
      }
    }
    if (scoring.isEmpty()) {
      return Matches.NONE; // Lucene 3 matched nothing with prohibited clauses alone
    }
    int[] candidates = required.isEmpty() ? union(optional) : intersection(required);
    candidates = without(candidates, prohibited);
    float[] sums = new float[candidates.length];
    int[] overlap = new int[candidates.length];
    for (Matches m : scoring) {
      int j = 0;
      for (int i = 0; i < candidates.length; i++) {
        while (j < m.size() && m.docs()[j] < candidates[i]) {
          j++;
        }
        if (j < m.size() && m.docs()[j] == candidates[i]) {
          sums[i] += m.scores()[j];
          overlap[i]++;
        }
      }
    }
    int min = Math.max(1, query.getMinimumNumberShouldMatch());
    int[] docs = new int[candidates.length];
    float[] scores = new float[candidates.length];
    int n = 0;
    for (int i = 0; i < candidates.length; i++) {
      // without required clauses every match counted in overlap is an optional one
      if (required.isEmpty() && overlap[i] < min) {
        continue;
      }
      docs[n] = candidates[i];
      scores[n++] = sums[i] * overlap[i] / scoring.size();
    }
    return new Matches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n));
  }

  private static int[] union(List<Matches> all) {
    int total = 0;
    for (Matches m : all) {
      total += m.size();
    }
    int[] docs = new int[total];
    int n = 0;
    for (Matches m : all) {
      System.arraycopy(m.docs(), 0, docs, n, m.size());
      n += m.size();
    }
    Arrays.sort(docs);
    int out = 0;
    for (int i = 0; i < docs.length; i++) {
      if (out == 0 || docs[out - 1] != docs[i]) {
        docs[out++] = docs[i];
      }
    }
    return Arrays.copyOf(docs, out);
  }

  private static int[] intersection(List<Matches> all) {
    int[] docs = all.get(0).docs();
    for (int k = 1; k < all.size(); k++) {
      int[] other = all.get(k).docs();
      int[] out = new int[Math.min(docs.length, other.length)];
      int n = 0;
      int j = 0;
      for (int d : docs) {
        while (j < other.length && other[j] < d) {
          j++;
        }
        if (j < other.length && other[j] == d) {
          out[n++] = d;
        }
      }
      docs = Arrays.copyOf(out, n);
    }
    return docs;
  }

  private static int[] without(int[] docs, List<Matches> prohibited) {
    if (prohibited.isEmpty()) {
      return docs;
    }
    int[] gone = union(prohibited);
    int[] out = new int[docs.length];
    int n = 0;
    int j = 0;
    for (int d : docs) {
      while (j < gone.length && gone[j] < d) {
        j++;
      }
      if (j == gone.length || gone[j] != d) {
        out[n++] = d;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
