package io.vertomic.schema;

import io.vertomic.edn.DbFn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The value types of attributes ({@code :db.type/long} ...) and the Java class each stores. {@link
 * #coerce} turns an accepted input into the stored form, or returns null when it does not fit.
 */
public enum ValueType {
  LONG("long"),
  DOUBLE("double"),
  FLOAT("float"),
  BIGINT("bigint"),
  BIGDEC("bigdec"),
  STRING("string"),
  BOOLEAN("boolean"),
  KEYWORD("keyword"),
  SYMBOL("symbol"),
  INSTANT("instant"),
  UUID("uuid"),
  URI("uri"),
  BYTES("bytes"),
  REF("ref"),
  TUPLE("tuple"),
  /** A database function, {@link DbFn} ({@code #db/fn {...}}). */
  FN("fn");

  private final Keyword ident;

  ValueType(String name) {
    this.ident = Keyword.of("db.type", name);
  }

  /** The ident, e.g. {@code :db.type/long}. */
  public Keyword ident() {
    return ident;
  }

  /** The type whose ident is {@code ident}, or null. */
  public static ValueType of(Keyword ident) {
    for (ValueType t : values()) {
      if (t.ident == ident) {
        return t;
      }
    }
    return null;
  }

  /**
   * The stored form of {@code v} for this type, or null when {@code v} is not of this type. Refs
   * and tuples are resolved by the transaction processor, not here; for them this only checks the
   * Java shape.
   */
  public Object coerce(Object v) {
    return switch (this) {
      case LONG, REF ->
          v instanceof Long
              ? v
              : (v instanceof Integer || v instanceof Short || v instanceof Byte)
                  ? Long.valueOf(((Number) v).longValue())
                  : null;
      case DOUBLE -> v instanceof Double ? v : v instanceof Float f ? Double.valueOf(f) : null;
      case FLOAT ->
          v instanceof Float ? v : v instanceof Double d ? Float.valueOf(d.floatValue()) : null;
      case BIGINT ->
          v instanceof BigInteger ? v : v instanceof Long l ? BigInteger.valueOf(l) : null;
      case BIGDEC -> v instanceof BigDecimal ? v : null;
      case STRING -> v instanceof String ? v : null;
      case BOOLEAN -> v instanceof Boolean ? v : null;
      case KEYWORD -> v instanceof Keyword ? v : null;
      case SYMBOL -> v instanceof Symbol ? v : null;
      case INSTANT -> v instanceof Date ? v : null;
      case UUID -> v instanceof java.util.UUID ? v : null;
      case URI -> v instanceof java.net.URI ? v : null;
      case BYTES -> v instanceof byte[] ? v : null;
      case TUPLE -> v instanceof List<?> ? v : null;
      case FN -> v instanceof DbFn ? v : null;
    };
  }

  /** The type a scalar Java value naturally has (used for heterogeneous tuple checks). */
  static ValueType natural(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return LONG;
    }
    if (v instanceof String) {
      return STRING;
    }
    if (v instanceof Keyword) {
      return KEYWORD;
    }
    if (v instanceof Double) {
      return DOUBLE;
    }
    if (v instanceof Boolean) {
      return BOOLEAN;
    }
    if (v instanceof Date) {
      return INSTANT;
    }
    if (v instanceof UUID) {
      return UUID;
    }
    if (v instanceof URI) {
      return URI;
    }
    if (v instanceof BigInteger) {
      return BIGINT;
    }
    if (v instanceof BigDecimal) {
      return BIGDEC;
    }
    if (v instanceof Float) {
      return FLOAT;
    }
    if (v instanceof Symbol) {
      return SYMBOL;
    }
    return v instanceof byte[] ? BYTES : null;
  }
}
