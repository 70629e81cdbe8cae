/**
 * The fulltext index of {@code :db/fulltext} attributes: one Lucene index per attribute, over every
 * value asserted or retracted, analysed and scored as Datomic's fulltext is (Lucene 3's standard
 * analyser with its English stop words, its query syntax, its TF-IDF scores). It knows datoms and
 * the stored form of its segments ({@code wire.FulltextManifest}), nothing of database views or
 * storage: the caller keeps the hits its view holds and supplies the stored chunks. Internal.
 */
package io.vertomic.fulltext;
