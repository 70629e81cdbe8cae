package io.vertomic.schema;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads an {@link Attr} from the current datoms of an attribute entity. */
final class AttrReader {
  private AttrReader() {}

  /** The attribute that {@code ds} (datoms of entity {@code e}) define, or null if none. */
  static Attr read(long e, List<Datom> ds, Map<Long, Keyword> idents, Map<Keyword, Long> ids) {
    Keyword ident = null;
    ValueType type = null;
    boolean many = false;
    Unique unique = Unique.NONE;
    boolean indexed = false;
    boolean component = false;
    boolean noHistory = false;
    boolean fulltext = false;
    List<Long> tupleAttrs = List.of();
    ValueType tupleType = null;
    List<ValueType> tupleTypes = List.of();
    for (Datom d : ds) {
      Object v = d.v();
      switch ((int) d.a()) {
        case 10 -> ident = (Keyword) v;
        case 40 -> type = ValueType.of(idents.get((Long) v));
        case 41 -> many = idents.get((Long) v) == Idents.CARDINALITY_MANY;
        case 42 -> unique = Unique.of(idents.get((Long) v));
        case 43 -> component = (Boolean) v;
        case 44 -> indexed = (Boolean) v;
        case 45 -> noHistory = (Boolean) v;
        case 51 -> fulltext = (Boolean) v;
        case 63 -> tupleAttrs = idsOf((List<?>) v, ids);
        case 64 -> tupleType = ValueType.of((Keyword) v);
        case 65 -> tupleTypes = typesOf((List<?>) v);
        default -> {}
      }
    }
    if (ident == null || type == null) {
      return null;
    }
    return new Attr(
        e,
        ident,
        type,
        many,
        unique == null ? Unique.NONE : unique,
        indexed,
        component,
        noHistory,
        fulltext,
        tupleAttrs,
        tupleType,
        tupleTypes,
        Schema.symbols(ds, 66));
  }

  private static List<Long> idsOf(List<?> keywords, Map<Keyword, Long> ids) {
    List<Long> out = new ArrayList<>();
    for (Object k : keywords) {
      Long id = ids.get((Keyword) k);
      out.add(id == null ? -1L : id);
    }
    return List.copyOf(out);
  }

  /** The element types; an unknown type stays as a null element, for the schema check to name. */
  private static List<ValueType> typesOf(List<?> keywords) {
    List<ValueType> out = new ArrayList<>();
    for (Object k : keywords) {
      out.add(ValueType.of((Keyword) k));
    }
    return Collections.unmodifiableList(out);
  }
}
