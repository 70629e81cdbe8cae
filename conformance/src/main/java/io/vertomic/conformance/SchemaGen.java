package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a schema: the identity attribute {@code :e/name} every history names its entities with,
 * then scalar attributes of the value types the feature set allows, refs (plain and component) and
 * tuples (homogeneous, heterogeneous, composite).
 */
final class SchemaGen {
  static final Keyword NAME = Keyword.of("e/name");

  private static final Object[][] SCALARS = {
    {"long", Feature.TYPE_LONG},
    {"double", Feature.TYPE_DOUBLE},
    {"float", Feature.TYPE_FLOAT},
    {"bigint", Feature.TYPE_BIGINT},
    {"bigdec", Feature.TYPE_BIGDEC},
    {"string", Feature.TYPE_STRING},
    {"boolean", Feature.TYPE_BOOLEAN},
    {"keyword", Feature.TYPE_KEYWORD},
    {"symbol", Feature.TYPE_SYMBOL},
    {"instant", Feature.TYPE_INSTANT},
    {"uuid", Feature.TYPE_UUID},
    {"uri", Feature.TYPE_URI},
    {"bytes", Feature.TYPE_BYTES},
  };
  private static final String[] TUPLE_ELEMENTS = {"long", "string", "keyword", "double"};

  private SchemaGen() {}

  static List<Attr> generate(Random r, FeatureSet f) {
    List<String> types = new ArrayList<>();
    for (Object[] s : SCALARS) {
      if (f.has((Feature) s[1])) {
        types.add((String) s[0]);
      }
    }
    List<Attr> out = new ArrayList<>();
    out.add(new Attr(NAME, "string", false, "identity", false, false, null, null, null));
    if (types.isEmpty()) {
      types.add("long");
    }
    int n = 3 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String type = types.get(r.nextInt(types.size()));
      boolean many = f.has(Feature.CARDINALITY_MANY) && r.nextInt(4) == 0;
      String unique =
          f.has(Feature.UNIQUE_VALUE)
                  && !type.equals("boolean")
                  && !type.equals("bytes")
                  && r.nextInt(8) == 0
              ? "value"
              : null;
      boolean index = f.has(Feature.INDEX) && !type.equals("bytes") && r.nextInt(3) == 0;
      out.add(
          new Attr(Keyword.of("a", type + i), type, many, unique, false, index, null, null, null));
    }
    if (f.has(Feature.TYPE_REF)) {
      int refs = 1 + r.nextInt(2);
      for (int i = 0; i < refs; i++) {
        boolean many = f.has(Feature.CARDINALITY_MANY) && r.nextBoolean();
        out.add(Attr.of("r/ref" + i, "ref", many));
      }
      if (f.has(Feature.COMPONENT) && r.nextInt(3) > 0) {
        boolean many = f.has(Feature.CARDINALITY_MANY) && r.nextBoolean();
        out.add(new Attr(Keyword.of("r/part"), "ref", many, null, true, false, null, null, null));
      }
    }
    if (f.has(Feature.TUPLE_HOMOGENEOUS) && r.nextInt(3) == 0) {
      String t = TUPLE_ELEMENTS[r.nextInt(TUPLE_ELEMENTS.length)];
      out.add(
          new Attr(
              Keyword.of("t/hom"), "tuple", false, null, false, r.nextBoolean(), t, null, null));
    }
    if (f.has(Feature.TUPLE_HETEROGENEOUS) && r.nextInt(3) == 0) {
      out.add(
          new Attr(
              Keyword.of("t/het"),
              "tuple",
              false,
              null,
              false,
              r.nextBoolean(),
              null,
              List.of("string", "long"),
              null));
    }
    if (f.has(Feature.TUPLE_COMPOSITE) && r.nextInt(3) == 0) {
      List<Keyword> parts = new ArrayList<>();
      for (Attr a : out) {
        if (!a.many()
            && !a.type().equals("tuple")
            && !a.isRef()
            && !a.type().equals("bytes")
            && !a.ident().equals(NAME)
            && parts.size() < 2) {
          parts.add(a.ident());
        }
      }
      if (parts.size() == 2) {
        String unique = r.nextInt(3) == 0 ? "identity" : null;
        out.add(
            new Attr(
                Keyword.of("t/comp"), "tuple", false, unique, false, false, null, null, parts));
      }
    }
    return out;
  }
}
