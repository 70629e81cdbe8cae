package io.vertomic.conformance;

import static io.vertomic.conformance.QueryGen.call;
import static io.vertomic.conformance.QueryGen.pat;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid generated query into one Datomic refuses (an unbound variable in a predicate or a
 * find spec, an unknown attribute, function or rule, a malformed {@code or}, {@code not} or find
 * spec, inputs not matching {@code :in}...): Vertomic must refuse it too, with an anomaly.
 */
final class InvalidQueries {
  private static final Symbol E = Symbol.of("?e0");

  private InvalidQueries() {}

  static Read mutate(QueryGen g, Read read) {
    g.used.add(Feature.INVALID_QUERY);
    List<Object> q = new ArrayList<>((List<?>) read.get("query"));
    List<Object> inputs = new ArrayList<>((List<?>) read.get("inputs"));
    // not here: get-else with a nil default, which Datomic refuses only when it calls it on a row
    // and Vertomic refuses up front (functions that fail on some rows: docs/datomic-differences.md)
    switch (g.r.nextInt(11)) {
      case 0 -> q.add(List.of(call(Symbol.of("<"), Symbol.of("?unbound"), 3L)));
      case 1 -> q.add(1, Symbol.of("?nope"));
      case 2 -> q.add(pat(E, Keyword.of("no/such"), Symbol.of("?x")));
      case 3 -> q.add(call(Symbol.of("nosuchrule"), E));
      case 4 ->
          q.add(
              call(
                  Symbol.of("or"),
                  pat(E, SchemaGen.NAME, Symbol.of("?o1")),
                  pat(E, SchemaGen.NAME, Symbol.of("?o2"))));
      case 5 -> q.add(1, Symbol.of("."));
      case 6 -> q.add(1, call(Symbol.of("count")));
      case 7 -> q.add(pat(call(Symbol.of("no-such-fn"), E), Symbol.of("?z")));
      case 8 -> q.add(call(Symbol.of("not"), pat(Symbol.of("?zz"), SchemaGen.NAME, "x")));
      case 9 -> inputs.add(42L);
      default -> {
        int where = q.indexOf(Keyword.of("where"));
        q.add(where, Symbol.of("?nope"));
        q.add(where, Keyword.of("with"));
      }
    }
    return read.with("query", q).with("inputs", inputs);
  }
}
