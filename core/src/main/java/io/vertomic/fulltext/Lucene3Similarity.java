package io.vertomic.fulltext;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * Lucene 3's {@code DefaultSimilarity}, the TF-IDF that Datomic's scores come from: a term scores
 * {@code sqrt(freq) * idf^2 * boost * lengthNorm}, with {@code idf = 1 + ln(maxDoc / (docFreq +
 * 1))} (a phrase: the sum of its terms' idf) and {@code lengthNorm = 1 / sqrt(terms)} kept in one
 * byte as Lucene 3 kept it, so that values of nearly equal length tie as they tie in Datomic.
 * Lucene 3's query norm is left out: it scales every score of a search alike, and the scores are
 * divided by the best one.
 */
final class Lucene3Similarity extends Similarity {
  static final Lucene3Similarity INSTANCE = new Lucene3Similarity();

  private Lucene3Similarity() {
    super(true); // Lucene 3 discounted overlapping tokens too
  }

  @Override
  public long computeNorm(FieldInvertState state) {
    int terms = state.getLength() - state.getNumOverlap();
    float lengthNorm = (float) (1.0 / Math.sqrt(terms));
    // Lucene asks that a longer value have a larger norm: store the byte's complement, never 0
    return 256 - (SmallFloat.floatToByte315(lengthNorm) & 0xFF);
  }

  private static float lengthNorm(long norm) {
    return SmallFloat.byte315ToFloat((byte) (256 - norm));
  }

  @Override
  public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
    float idf = 0;
    for (TermStatistics t : terms) {
      idf += (float) (Math.log(collection.maxDoc() / (double) (t.docFreq() + 1)) + 1.0);
    }
    float weight = idf * idf * boost;
    return new SimScorer() {
      @Override
      public float score(float freq, long norm) {
        return (float) Math.sqrt(freq) * weight * lengthNorm(norm);
      }
    };
  }
}
