package io.vertomic.edn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one total order over EDN values, used by {@link Edn#write} to print sets and maps
 * deterministically, and by anyone who needs a stable order of arbitrary values.
 *
 * <p>Values compare first by type rank: nil, booleans, numbers, strings, characters, keywords,
 * symbols, instants ({@link Date}), {@link UUID}s, {@link URI}s, {@code byte[]}, lists and vectors
 * (any {@link List}, {@code Object[]} and {@link Map.Entry}), sets, maps, then anything else.
 * Within a rank: {@code false < true}; numbers numerically across {@link Long}, {@link Integer},
 * {@link BigInteger}, {@link BigDecimal}, {@link Double}, {@link Float} ({@code ##-Inf} first,
 * {@code ##NaN} last; equal values ordered integer, big integer, decimal, floating point, and
 * decimals by scale); the natural order of strings, keywords, symbols, instants, UUIDs and URIs;
 * bytes unsigned lexicographically; sequences element-wise, then shorter first, then vectors before
 * lists; sets element-wise over their sorted elements, then by size; maps the same over their
 * entries sorted by key; anything else by its printed text.
 *
 * <p>Consistent with {@code equals} for the values the reader produces. Stateless and thread-safe.
 *
 * <pre>{@code
 * List<Object> xs = new ArrayList<>(List.of(Keyword.of("b"), 2L, "a", 1.5));
 * xs.sort(EdnOrder.INSTANCE); // => [1.5 2 "a" :b]
 * }</pre>
 */
public final class EdnOrder implements Comparator<Object> {
  /** The shared instance. */
  public static final EdnOrder INSTANCE = new EdnOrder();

  private EdnOrder() {}

  @Override
  public int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 1:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 2:
        return EdnNumberOrder.compare((Number) a, (Number) b);
      case 3:
        return ((String) a).compareTo((String) b);
      case 4:
        return Character.compare((Character) a, (Character) b);
      case 5:
        return ((Keyword) a).compareTo((Keyword) b);
      case 6:
        return ((Symbol) a).compareTo((Symbol) b);
      case 7:
        return ((Date) a).compareTo((Date) b);
      case 8:
        return ((UUID) a).compareTo((UUID) b);
      case 9:
        return ((URI) a).compareTo((URI) b);
      case 10:
        return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case 11:
        return compareSequences(a, b);
      case 12:
        return compareSorted(sorted((Set<?>) a), sorted((Set<?>) b));
      case 13:
        return compareSorted(sortedEntries((Map<?, ?>) a), sortedEntries((Map<?, ?>) b));
      default:
        return Edn.write(a).compareTo(Edn.write(b));
    }
  }

  private static int rank(Object v) {
    if (v == null) {
      return 0;
    } else if (v instanceof Boolean) {
      return 1;
    } else if (EdnNumberOrder.isNumber(v)) {
      return 2;
    } else if (v instanceof String) {
      return 3;
    } else if (v instanceof Character) {
      return 4;
    } else if (v instanceof Keyword) {
      return 5;
    } else if (v instanceof Symbol) {
      return 6;
    } else if (v instanceof Date) {
      return 7;
    } else if (v instanceof UUID) {
      return 8;
    } else if (v instanceof URI) {
      return 9;
    } else if (v instanceof byte[]) {
      return 10;
    } else if (v instanceof List || v instanceof Object[] || v instanceof Map.Entry) {
      return 11;
    } else if (v instanceof Set) {
      return 12;
    } else if (v instanceof Map) {
      return 13;
    }
    return 14;
  }

  private int compareSequences(Object a, Object b) {
    int c = compareSorted(elements(a), elements(b));
    return c != 0 ? c : Boolean.compare(a instanceof EdnList, b instanceof EdnList);
  }

  private static List<?> elements(Object seq) {
    if (seq instanceof List<?> l) {
      return l;
    }
    if (seq instanceof Map.Entry<?, ?> e) {
      return Arrays.asList(e.getKey(), e.getValue());
    }
    return Arrays.asList((Object[]) seq);
  }

  /** Element-wise over the common prefix, then the shorter first. */
  private int compareSorted(List<?> a, List<?> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The elements of {@code set} in this order. */
  static List<Object> sorted(Set<?> set) {
    List<Object> out = new ArrayList<>(set);
    out.sort(INSTANCE);
    return out;
  }

  /** The entries of {@code map} as {@code [k v]} lists, by key then value. */
  static List<Object> sortedEntries(Map<?, ?> map) {
    List<Object> out = new ArrayList<>(map.size());
    boolean keywordKeys = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.add(Arrays.asList(e.getKey(), e.getValue()));
      keywordKeys &= e.getKey() instanceof Keyword;
    }
    // the common map, an entity's: distinct keyword keys decide the order alone, and comparing
    // them directly skips ranking each entry as a sequence
    out.sort(keywordKeys ? BY_KEYWORD_KEY : INSTANCE);
    return out;
  }

  private static final Comparator<Object> BY_KEYWORD_KEY =
      (a, b) -> ((Keyword) ((List<?>) a).get(0)).compareTo((Keyword) ((List<?>) b).get(0));
}
