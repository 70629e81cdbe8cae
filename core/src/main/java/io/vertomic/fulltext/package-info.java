/**
 * The fulltext index of {@code :db/fulltext} attributes: one Lucene index per attribute, over every
 * value asserted or retracted, analysed and scored as Datomic's fulltext is (Lucene 3's standard
 * analyser with its English stop words, its query syntax, its TF-IDF scores). It knows datoms and
 * nothing of database views: the caller keeps the hits its view holds. Internal.
 */
package io.vertomic.fulltext;
