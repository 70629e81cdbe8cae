package io.vertomic.fulltext;

import io.vertomic.datom.Datom;

/**
 * A datom whose value a search found, and its score: Lucene 3's TF-IDF divided by the best score of
 * the search, so the best hit scores 1.0 (as Datomic's do).
 */
public record FulltextHit(Datom datom, double score) {}
