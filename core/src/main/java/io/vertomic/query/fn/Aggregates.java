package io.vertomic.query.fn;

import io.vertomic.edn.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Datomic's aggregates over the bag of a find variable's values: {@code count}, {@code
 * count-distinct}, {@code sum}, {@code avg}, {@code median}, {@code variance}, {@code stddev},
 * {@code min}/{@code max} (and {@code (min n ?x)}/{@code (max n ?x)}: the n least or greatest
 * values, repeats included), {@code distinct}, {@code rand}/{@code sample}. Numeric results: {@code
 * sum} keeps longs, {@code avg}, {@code variance} and {@code stddev} are doubles (population
 * variance, as Datomic), {@code median} is the middle value, for an even count half the sum of the
 * two middle ones truncated towards zero, as Datomic's {@code quot} does for every type.
 */
final class Aggregates {
  private static final Random RANDOM = new Random();

  private Aggregates() {}

  static void register() {
    Functions.builtinAggregate("count", (args, vs) -> (long) vs.size());
    Functions.builtinAggregate("count-distinct", (args, vs) -> (long) distinct(vs).size());
    Functions.builtinAggregate("distinct", (args, vs) -> Collections.unmodifiableSet(distinct(vs)));
    Functions.builtinAggregate(
        "sum", (args, vs) -> Functions.function(Symbol.of("+")).apply(plusZero(vs).toArray()));
    Functions.builtinAggregate("avg", (args, vs) -> vs.isEmpty() ? null : mean(vs));
    Functions.builtinAggregate("median", (args, vs) -> median(vs));
    Functions.builtinAggregate("variance", (args, vs) -> vs.isEmpty() ? null : variance(vs));
    Functions.builtinAggregate(
        "stddev", (args, vs) -> vs.isEmpty() ? null : Math.sqrt(variance(vs)));
    Functions.builtinAggregate("min", (args, vs) -> extreme(args, vs, false));
    Functions.builtinAggregate("max", (args, vs) -> extreme(args, vs, true));
    Functions.builtinAggregate(
        "rand",
        (args, vs) -> {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < n("rand", args) && !vs.isEmpty(); i++) {
            out.add(vs.get(RANDOM.nextInt(vs.size())));
          }
          return out;
        });
    Functions.builtinAggregate(
        "sample",
        (args, vs) -> {
          List<Object> d = new ArrayList<>(distinct(vs));
          Collections.shuffle(d, RANDOM);
          return List.copyOf(d.subList(0, Math.min(d.size(), n("sample", args))));
        });
  }

  /** The values as a Clojure set, as Datomic's distinct makes it; listed in order. */
  private static Set<Object> distinct(List<Object> vs) {
    Map<Equiv.Key, Object> members = new LinkedHashMap<>();
    for (Object v : vs) {
      members.putIfAbsent(new Equiv.Key(v), v);
    }
    List<Object> sorted = new ArrayList<>(members.values());
    sorted.sort(Comparisons::compare);
    return new LinkedHashSet<>(sorted);
  }

  private static int n(String fn, List<Object> args) {
    if (args.size() != 1 || !(args.get(0) instanceof Number n) || n.longValue() < 0) {
      throw Args.invalid(fn, "needs a count, as in (" + fn + " 3 ?x)");
    }
    return (int) Math.min(n.longValue(), Integer.MAX_VALUE);
  }

  private static double[] doubles(String fn, List<Object> vs) {
    double[] out = new double[vs.size()];
    Object[] a = vs.toArray();
    for (int i = 0; i < a.length; i++) {
      out[i] = Args.number(fn, a, i).doubleValue();
    }
    return out;
  }

  private static double mean(List<Object> vs) {
    double sum = 0;
    for (double d : doubles("avg", vs)) {
      sum += d;
    }
    return sum / vs.size();
  }

  private static double variance(List<Object> vs) {
    double m = mean(vs);
    double sum = 0;
    for (double d : doubles("variance", vs)) {
      sum += (d - m) * (d - m);
    }
    return sum / vs.size();
  }

  private static Object median(List<Object> vs) {
    if (vs.isEmpty()) {
      return null;
    }
    List<Object> sorted = new ArrayList<>(vs);
    sorted.sort(Comparisons::compare);
    int mid = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(mid);
    }
    // as Datomic: (quot (+ a b) 2), which truncates towards zero whatever the type, so the median
    // of 1.0 and 2.0 is 1.0 and that of -2.5 and 4.0 is 0.0
    Object sum = Functions.function(Symbol.of("+")).apply(sorted.get(mid - 1), sorted.get(mid));
    return halfTruncated((Number) sum);
  }

  private static Number halfTruncated(Number n) {
    if (n instanceof BigDecimal d) {
      return d.divideToIntegralValue(BigDecimal.valueOf(2));
    }
    if (n instanceof BigInteger i) {
      return i.divide(BigInteger.TWO);
    }
    if (n instanceof Double || n instanceof Float) {
      double q = n.doubleValue() / 2;
      return Math.abs(q) < 0x1p63 ? (double) (long) q : q - q % 1;
    }
    return n.longValue() / 2;
  }

  /** A long 0 and then the values, so that a lone float still sums to a double, as in Datomic. */
  private static List<Object> plusZero(List<Object> vs) {
    List<Object> out = new ArrayList<>(vs.size() + 1);
    out.add(0L);
    out.addAll(vs);
    return out;
  }

  private static Object extreme(List<Object> args, List<Object> vs, boolean max) {
    String fn = max ? "max" : "min";
    if (args.isEmpty()) {
      Object best = null;
      for (Object v : vs) {
        int c = best == null ? 1 : Comparisons.compare(v, best);
        if (best == null || (max ? c > 0 : c < 0)) {
          best = v;
        }
      }
      return best;
    }
    // the n extremes of the bag, repeats included, as Datomic's (min n ?x) gives them
    List<Object> d = new ArrayList<>(vs);
    d.sort(Comparisons::compare);
    if (max) {
      Collections.reverse(d);
    }
    return new ArrayList<>(d.subList(0, Math.min(d.size(), n(fn, args))));
  }
}
