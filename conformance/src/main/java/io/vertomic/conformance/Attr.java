package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated attribute. {@code type} is the value type's name ({@code "long"}, {@code "ref"},
 * {@code "tuple"}...); a tuple has {@code tupleType} (homogeneous), {@code tupleTypes}
 * (heterogeneous) or {@code tupleAttrs} (composite, derived by the transactor).
 */
public record Attr(
    Keyword ident,
    String type,
    boolean many,
    String unique,
    boolean component,
    boolean index,
    String tupleType,
    List<String> tupleTypes,
    List<Keyword> tupleAttrs) {

  /** A plain attribute of {@code type}. */
  static Attr of(String ident, String type, boolean many) {
    return new Attr(Keyword.of(ident), type, many, null, false, false, null, null, null);
  }

  public boolean isRef() {
    return type.equals("ref");
  }

  public boolean isComposite() {
    return tupleAttrs != null;
  }

  /** Whether values of this attribute are numbers arithmetic and sum/avg apply to. */
  public boolean isNumeric() {
    return switch (type) {
      case "long", "double", "float", "bigint", "bigdec" -> true;
      default -> false;
    };
  }

  /** Whether the AVET index holds it (Datomic's indexRange needs that). */
  public boolean inAvet() {
    return index || unique != null;
  }

  /** The schema map that installs it. */
  public Map<Object, Object> toEdn() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(kw("db/ident"), ident);
    m.put(kw("db/valueType"), kw("db.type/" + type));
    m.put(kw("db/cardinality"), kw(many ? "db.cardinality/many" : "db.cardinality/one"));
    if (unique != null) {
      m.put(kw("db/unique"), kw("db.unique/" + unique));
    }
    if (component) {
      m.put(kw("db/isComponent"), true);
    }
    if (index) {
      m.put(kw("db/index"), true);
    }
    if (tupleType != null) {
      m.put(kw("db/tupleType"), kw("db.type/" + tupleType));
    }
    if (tupleTypes != null) {
      m.put(kw("db/tupleTypes"), tupleTypes.stream().map(t -> kw("db.type/" + t)).toList());
    }
    if (tupleAttrs != null) {
      m.put(kw("db/tupleAttrs"), tupleAttrs);
    }
    return m;
  }

  static Keyword kw(String s) {
    return Keyword.of(s);
  }

  /** The attribute a schema map installs. */
  static Attr fromEdn(Map<?, ?> m) {
    Object tt = m.get(kw("db/tupleType"));
    Object tts = m.get(kw("db/tupleTypes"));
    Object unique = m.get(kw("db/unique"));
    return new Attr(
        (Keyword) m.get(kw("db/ident")),
        ((Keyword) m.get(kw("db/valueType"))).name(),
        kw("db.cardinality/many").equals(m.get(kw("db/cardinality"))),
        unique == null ? null : ((Keyword) unique).name(),
        Boolean.TRUE.equals(m.get(kw("db/isComponent"))),
        Boolean.TRUE.equals(m.get(kw("db/index"))),
        tt == null ? null : ((Keyword) tt).name(),
        tts == null ? null : ((List<?>) tts).stream().map(t -> ((Keyword) t).name()).toList(),
        castKeywords(m.get(kw("db/tupleAttrs"))));
  }

  @SuppressWarnings("unchecked")
  private static List<Keyword> castKeywords(Object o) {
    return o == null ? null : (List<Keyword>) o;
  }
}
