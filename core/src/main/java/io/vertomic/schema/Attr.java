package io.vertomic.schema;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.List;

/**
 * The installed schema of one attribute, read from its entity's datoms.
 *
 * @param tupleAttrs for a composite tuple, the ids of the attributes it is made of; else empty
 * @param tupleType for a homogeneous tuple, its element type; else null
 * @param tupleTypes for a heterogeneous tuple, the element types; else empty
 * @param preds the attribute predicates ({@code :db.attr/preds}) the values must pass
 */
public record Attr(
    long id,
    Keyword ident,
    ValueType type,
    boolean many,
    Unique unique,
    boolean indexed,
    boolean component,
    boolean noHistory,
    boolean fulltext,
    List<Long> tupleAttrs,
    ValueType tupleType,
    List<ValueType> tupleTypes,
    List<Symbol> preds) {

  /** Whether the attribute's datoms are kept in AVET (indexed or unique). */
  public boolean inAvet() {
    return indexed || unique != Unique.NONE;
  }

  /** Whether the attribute's datoms are kept in VAET (references). */
  public boolean isRef() {
    return type == ValueType.REF;
  }

  /** Whether this is a composite tuple, kept up to date from {@link #tupleAttrs}. */
  public boolean isComposite() {
    return !tupleAttrs.isEmpty();
  }

  /** Cardinality as its ident. */
  public Keyword cardinalityIdent() {
    return many ? Idents.CARDINALITY_MANY : Idents.CARDINALITY_ONE;
  }
}
