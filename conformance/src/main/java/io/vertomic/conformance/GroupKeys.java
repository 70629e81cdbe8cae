package io.vertomic.conformance;

import io.vertomic.edn.EdnList;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Aggregate answers with their grouping numbers compared by value. Both engines group numbers equal
 * in value into one row ({@code 0} with {@code 0.0} and {@code 0M}), and each shows the group by
 * whichever of its values it met first: an order neither defines. So in an aggregate query's rows a
 * number outside the aggregates stands for its value; the row count and the aggregates still
 * compare as they are. Likewise a set an aggregate makes ({@code distinct}) holds one of {@code 0}
 * and {@code 0N} (or of {@code 0.0} and {@code (float 0)}), whichever came first: there a bigint
 * that fits a long counts as that long, and a float zero as the double.
 */
final class GroupKeys {
  private static final Symbol PULL = Symbol.of("pull");

  private GroupKeys() {}

  static Object byValue(Object query, Object answer) {
    if (!(query instanceof List<?>)) {
      return answer;
    }
    List<Object> find = findElements(query);
    boolean any = false;
    boolean nested =
        find.size() == 1 && find.get(0) instanceof List<?> l && !(l instanceof EdnList);
    List<?> elements = nested ? (List<?>) find.get(0) : find;
    boolean[] aggregate = new boolean[elements.size()];
    for (int i = 0; i < aggregate.length; i++) {
      aggregate[i] = elements.get(i) instanceof EdnList l && !l.isEmpty() && !PULL.equals(l.get(0));
      any |= aggregate[i];
    }
    if (!any) {
      return answer;
    }
    switch (Answers.shape(query)) {
      case TUPLE:
        return answer instanceof List<?> row ? row(row, aggregate) : answer;
      case SCALAR:
        return aggregate[0] ? aggregated(answer) : answer;
      case COLLECTION:
        return answer;
      default:
        if (!(answer instanceof Collection<?> rows)) {
          return answer;
        }
        List<Object> out = new ArrayList<>();
        for (Object r : rows) {
          out.add(r instanceof List<?> row ? row(row, aggregate) : r);
        }
        return out;
    }
  }

  private static List<Object> row(List<?> row, boolean[] aggregate) {
    List<Object> out = new ArrayList<>(row);
    for (int i = 0; i < out.size() && i < aggregate.length; i++) {
      if (!aggregate[i] && out.get(i) instanceof Number n) {
        out.set(i, "value " + value(n));
      } else if (aggregate[i]) {
        out.set(i, aggregated(out.get(i)));
      }
    }
    return out;
  }

  private static Object aggregated(Object v) {
    if (!(v instanceof Set<?> set)) {
      return v;
    }
    Set<Object> members = new LinkedHashSet<>();
    for (Object m : set) {
      members.add(setMember(m));
    }
    return members;
  }

  private static Object setMember(Object m) {
    if (m instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    return m instanceof Float f && f == 0.0f ? (Object) 0.0 : m;
  }

  private static String value(Number n) {
    try {
      BigDecimal d = new BigDecimal(n.toString());
      return (d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros()).toPlainString();
    } catch (NumberFormatException e) {
      return n.toString(); // NaN, infinities
    }
  }

  private static List<Object> findElements(Object query) {
    List<Object> out = new ArrayList<>();
    boolean inFind = false;
    for (Object x : (List<?>) query) {
      if (x instanceof Keyword k) {
        inFind = k.equals(Queries.FIND);
      } else if (inFind && !Symbol.of(".").equals(x) && !Symbol.of("...").equals(x)) {
        out.add(x);
      }
    }
    return out;
  }
}
