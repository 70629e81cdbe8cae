package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of every value the EDN reader can produce, nested, plus a byte-aware equality. */
final class EdnArbitraries {
  private static final long YEAR_0 = -62167219200000L;
  private static final long YEAR_9999_END = 253402300799999L;
  private static final String NAME_START =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*!_?$%&=<>";
  private static final String NAME_REST = NAME_START + "0123456789.-+#':";

  private EdnArbitraries() {}

  /** Any readable value, nested up to three collections deep. */
  static Arbitrary<Object> values() {
    return Arbitraries.recursive(EdnArbitraries::scalars, EdnArbitraries::collections, 0, 3);
  }

  static Arbitrary<Object> scalars() {
    BigInteger big = BigInteger.TWO.pow(100);
    return Arbitraries.oneOf(
            List.of(
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.longs(),
                Arbitraries.bigIntegers().between(big.negate(), big),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(-0.0),
                Combinators.combine(
                        Arbitraries.bigIntegers().between(big.negate(), big),
                        Arbitraries.integers().between(-20, 20))
                    .as(BigDecimal::new),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.chars().all(),
                names().map(Keyword::of),
                names().map(Symbol::of),
                Arbitraries.of("?e", "_", "...", "$", "%", ".", "/", "-", "+", "<=")
                    .map(Symbol::of),
                Arbitraries.longs().between(YEAR_0, YEAR_9999_END).map(Date::new),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new),
                Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .ofMaxLength(8)
                    .map(s -> URI.create("https://example.com/" + s + "?q=" + s)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12)))
        .injectNull(0.03);
  }

  /** {@code name} or {@code ns/name}, valid for keywords and symbols alike. */
  static Arbitrary<String> names() {
    Arbitrary<String> part =
        Combinators.combine(
                Arbitraries.of(NAME_START.toCharArray()),
                Arbitraries.strings().withChars(NAME_REST).ofMaxLength(6))
            .as((first, rest) -> first + rest)
            .filter(
                s ->
                    !s.endsWith(":")
                        && !s.equals("nil")
                        && !s.equals("true")
                        && !s.equals("false"));
    return Combinators.combine(part.injectNull(0.5), part)
        .as((ns, name) -> ns == null ? name : ns + "/" + name);
  }

  private static Arbitrary<Object> collections(Arbitrary<Object> inner) {
    Arbitrary<List<Object>> items = inner.list().ofMaxSize(5);
    Arbitrary<Symbol> tags =
        names().filter(n -> n.contains("/") && Character.isLetter(n.charAt(0))).map(Symbol::of);
    return Arbitraries.oneOf(
        List.of(
            items.map(l -> Collections.unmodifiableList(new ArrayList<>(l))),
            items.map(EdnList::copyOf),
            items.map(EdnArbitraries::distinctSet),
            Combinators.combine(items, items).as(EdnArbitraries::distinctMap),
            Combinators.combine(tags, inner).as(Tagged::new)));
  }

  private static Object distinctSet(List<Object> items) {
    Map<Object, Object> byNormal = new LinkedHashMap<>();
    for (Object item : items) {
      byNormal.putIfAbsent(normalize(item), item);
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(byNormal.values()));
  }

  private static Object distinctMap(List<Object> keys, List<Object> values) {
    Set<Object> seen = new LinkedHashSet<>();
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      if (seen.add(normalize(keys.get(i)))) {
        out.put(keys.get(i), values.get(i));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@code v} with every {@code byte[]} replaced by a value that has content equality. */
  static Object normalize(Object v) {
    if (v instanceof byte[] b) {
      return new Bytes(Base64.getEncoder().encodeToString(b));
    } else if (v instanceof EdnList l) {
      return EdnList.copyOf(normalizeAll(l));
    } else if (v instanceof List<?> l) {
      return normalizeAll(l);
    } else if (v instanceof Set<?> s) {
      return new LinkedHashSet<>(normalizeAll(s));
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(normalize(k), normalize(x)));
      return out;
    } else if (v instanceof Tagged t) {
      return new Tagged(t.tag(), normalize(t.value()));
    }
    return v;
  }

  private static List<Object> normalizeAll(Iterable<?> items) {
    List<Object> out = new ArrayList<>();
    items.forEach(x -> out.add(normalize(x)));
    return out;
  }

  /** Deep copy of {@code v} with every set and map iterating in reverse order. */
  static Object reversed(Object v) {
    if (v instanceof EdnList l) {
      return EdnList.copyOf(reversedAll(l, false));
    } else if (v instanceof List<?> l) {
      return reversedAll(l, false);
    } else if (v instanceof Set<?> s) {
      return new LinkedHashSet<>(reversedAll(s, true));
    } else if (v instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      Collections.reverse(entries);
      Map<Object, Object> out = new LinkedHashMap<>();
      entries.forEach(e -> out.put(reversed(e.getKey()), reversed(e.getValue())));
      return out;
    } else if (v instanceof Tagged t) {
      return new Tagged(t.tag(), reversed(t.value()));
    }
    return v;
  }

  private static List<Object> reversedAll(Iterable<?> items, boolean reverseOrder) {
    List<Object> out = new ArrayList<>();
    items.forEach(x -> out.add(reversed(x)));
    if (reverseOrder) {
      Collections.reverse(out);
    }
    return out;
  }

  private record Bytes(String base64) {}
}
