package io.vertomic.conformance;

import io.vertomic.edn.Symbol;

/**
 * A logic variable of a generated query and what it holds: {@code entity}, {@code tx}, {@code
 * ident} (an attribute's keyword), {@code any} (values of mixed types), or a value type name.
 */
record Var(Symbol sym, String type, Attr attr) {
  static Var of(String name, String type, Attr attr) {
    return new Var(Symbol.of(name), type, attr);
  }

  boolean isEntity() {
    return type.equals("entity");
  }

  boolean isNumeric() {
    return switch (type) {
      case "long", "double", "float", "bigint", "bigdec" -> true;
      default -> false;
    };
  }

  /**
   * Whether {@code <}, {@code min}, {@code max} order its values (one type, comparable; entity ids
   * are not, their order differs between engines).
   */
  boolean isComparable() {
    return !type.equals("any")
        && !type.equals("bytes")
        && !type.equals("boolean")
        && !type.equals("entity");
  }
}
