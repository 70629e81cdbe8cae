/**
 * Fulltext side by side with Datomic: generated text of many shapes, searches of Lucene's syntax
 * drawn from it, and the comparison of what each engine finds.
 */
package io.vertomic.conformance.fulltext;
