package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values of each scalar type, drawn from small domains so that generated data repeats values and
 * joins, constants and predicates find matches. Longs stay far below entity ids, so an answer's
 * long is never mistaken for an entity (see {@link IdTokens}).
 */
final class ValueGen {
  private static final double[] DOUBLES = {-1.5, 0.0, 0.25, 2.5, 3.0, 10.75};
  private static final float[] FLOATS = {-2.5f, 0.5f, 1.25f, 4.0f};
  private static final String[] STRINGS = {"", "a", "ab", "abc", "b", "Ivan", "zz top"};
  private static final BigDecimal[] DECIMALS = {
    new BigDecimal("0.5"), new BigDecimal("1.50"), new BigDecimal("-3"), new BigDecimal("12.125")
  };

  private ValueGen() {}

  /** A value of scalar type {@code type} (never a ref or a tuple). */
  static Object scalar(Random r, String type) {
    return switch (type) {
      case "long" -> (long) (r.nextInt(21) - 5);
      case "double" -> DOUBLES[r.nextInt(DOUBLES.length)];
      case "float" -> FLOATS[r.nextInt(FLOATS.length)];
      case "bigint" -> BigInteger.valueOf(r.nextInt(7) - 2).multiply(BigInteger.TEN.pow(20));
      case "bigdec" -> DECIMALS[r.nextInt(DECIMALS.length)];
      case "string" -> STRINGS[r.nextInt(STRINGS.length)];
      case "boolean" -> r.nextBoolean();
      case "keyword" -> Keyword.of("k", "v" + r.nextInt(4));
      case "symbol" -> Symbol.of("s/v" + r.nextInt(4));
      case "instant" -> new Date(1_700_000_000_000L + r.nextInt(5) * 86_400_000L);
      case "uuid" -> new UUID(0x5f0000000000L + r.nextInt(4), 42L);
      case "uri" -> URI.create("http://example.com/" + r.nextInt(4));
      case "bytes" -> new byte[] {(byte) r.nextInt(3), 7};
      default -> throw new IllegalArgumentException("no scalar values of " + type);
    };
  }

  /** A value of attribute {@code a} (not for refs or composite tuples). */
  static Object of(Random r, Attr a) {
    if (a.tupleType() != null) {
      List<Object> t = new ArrayList<>();
      int n = 2 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        t.add(scalar(r, a.tupleType()));
      }
      return t;
    }
    if (a.tupleTypes() != null) {
      List<Object> t = new ArrayList<>();
      for (String type : a.tupleTypes()) {
        t.add(r.nextInt(8) == 0 ? null : scalar(r, type));
      }
      return t;
    }
    return scalar(r, a.type());
  }
}
