package io.vertomic.fulltext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene 3.3's {@code FuzzyQuery} (no prefix): a term of the index matches when its similarity
 * {@code 1 - distance / min(length of the search term, length of the term)} (Levenshtein distance
 * over UTF-16 chars) exceeds the minimum similarity, and weighs {@code (similarity - minimum) / (1
 * - minimum)}; a search term of at most {@code 1 / (1 - minimum)} chars matches only itself. The
 * best 1,024 terms (by weight, then in term order) are summed without coord. Lucene 9's fuzzy query
 * counts edits instead, at most two, with other weights.
 */
final class Lucene3FuzzyQuery extends Query {
  private static final int MAX_TERMS = 1024;
  private final Term term;
  private final float minimumSimilarity;

  Lucene3FuzzyQuery(Term term, float minimumSimilarity) {
    this.term = term;
    this.minimumSimilarity = minimumSimilarity;
  }

  private record Scored(BytesRef term, float boost) {}

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    String text = term.text();
    if (text.length() <= 1.0f / (1.0f - minimumSimilarity)) {
      return new TermQuery(term); // Lucene 3: too short to be fuzzy, so only the term itself
    }
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), term.field());
    if (terms == null) {
      return new MatchNoDocsQuery();
    }
    float scale = 1.0f / (1.0f - minimumSimilarity);
    List<Scored> found = new ArrayList<>();
    TermsEnum it = terms.iterator();
    for (BytesRef b = it.next(); b != null; b = it.next()) {
      float similarity = similarity(text, b.utf8ToString());
      if (similarity > minimumSimilarity) {
        found.add(new Scored(BytesRef.deepCopyOf(b), (similarity - minimumSimilarity) * scale));
      }
    }
    found.sort(Comparator.comparingDouble((Scored s) -> -s.boost()).thenComparing(Scored::term));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (Scored s : found.subList(0, Math.min(MAX_TERMS, found.size()))) {
      q.add(
          new BoostQuery(new TermQuery(new Term(term.field(), s.term())), s.boost()),
          BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  // Lucene 3's FuzzyTermEnum.similarity with no prefix
  private static float similarity(String text, String target) {
    int n = text.length();
    int m = target.length();
    if (m == 0) {
      return 0.0f;
    }
    int[] p = new int[n + 1];
    int[] d = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      p[i] = i;
    }
    for (int j = 1; j <= m; j++) {
      char t = target.charAt(j - 1);
      d[0] = j;
      for (int i = 1; i <= n; i++) {
        d[i] =
            t != text.charAt(i - 1)
                ? Math.min(Math.min(d[i - 1], p[i]), p[i - 1]) + 1
                : Math.min(Math.min(d[i - 1] + 1, p[i] + 1), p[i - 1]);
      }
      int[] swap = p;
      p = d;
      d = swap;
    }
    return 1.0f - ((float) p[n] / (float) Math.min(n, m));
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(term.field())) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String field) {
    return (term.field().equals(field) ? "" : term.field() + ":")
        + term.text()
        + "~"
        + minimumSimilarity;
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && term.equals(((Lucene3FuzzyQuery) other).term)
        && minimumSimilarity == ((Lucene3FuzzyQuery) other).minimumSimilarity;
  }

  @Override
  public int hashCode() {
    return classHash() ^ term.hashCode() ^ Float.hashCode(minimumSimilarity);
  }
}
