package io.vertomic.cli;

import io.vertomic.edn.Edn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code vertomic q TARGET QUERY [ARG...]}: a Datalog query on the current database. */
final class QueryCommand implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "q",
        "TARGET QUERY [ARG...]",
        "Runs the Datalog QUERY (EDN) on the database's current value; prints a table.",
        """
        The database is the query's first input ($); each ARG is one more input, an EDN
        value in :in order (a scalar, a collection, a relation, rules).
        e.g. vertomic q URI '[:find ?n ?a :in $ ?min :where [?e :person/name ?n]
                             [?e :person/age ?a] [(>= ?a ?min)]]' 30""",
        2,
        -1,
        true,
        List.of(Option.flag("edn", "print the result as EDN, shaped by the find spec")));
  }

  @Override
  public int run(Invocation in) {
    String query = in.args().get(1);
    List<Object> inputs = new ArrayList<>();
    for (String arg : in.args().from(2)) {
      inputs.add(Edn.read(arg));
    }
    try (Target t = in.target(0)) {
      Object result = t.query(query, inputs);
      if (in.args().has("edn")) {
        // the same text as a peer or a client: a relation is a set, whichever way it came
        boolean relation =
            result instanceof List<?> l && ResultTable.findsRelation(Edn.read(query));
        in.out().println(Edn.write(relation ? new LinkedHashSet<>((List<?>) result) : result));
      } else {
        ResultTable.of(Edn.read(query), result).print(in.out());
      }
    }
    return Exit.OK;
  }
}
