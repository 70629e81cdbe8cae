package io.vertomic.peer;

import io.vertomic.edn.Keyword;

/**
 * The schema of one attribute, as {@link Database#attribute} reports it.
 *
 * @param id the attribute's entity id
 * @param ident e.g. {@code :person/name}
 * @param valueType e.g. {@code :db.type/string}
 * @param cardinality {@code :db.cardinality/one} or {@code :db.cardinality/many}
 * @param unique {@code :db.unique/identity}, {@code :db.unique/value}, or null
 * @param indexed whether the attribute is in the AVET index
 * @param isComponent whether its refs are components
 * @param noHistory whether its past values are dropped
 * @param fulltext whether it has a fulltext index
 */
public record Attribute(
    long id,
    Keyword ident,
    Keyword valueType,
    Keyword cardinality,
    Keyword unique,
    boolean indexed,
    boolean isComponent,
    boolean noHistory,
    boolean fulltext) {}
