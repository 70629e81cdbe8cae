package io.vertomic.query.exec;

import io.vertomic.db.DbValue;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Binding;
import io.vertomic.query.parse.In;
import io.vertomic.query.parse.Query;
import io.vertomic.query.parse.QueryErrors;
import io.vertomic.query.parse.Rule;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Vars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of a run matched to its {@code :in}: data sources by name (databases, which arrive as
 * {@link DbValue}s since the peer unwraps its Database values, and {@link CollectionSource}s), the
 * rules, and one relation per binding input.
 */
final class Inputs {
  final Map<Symbol, Object> sources = new LinkedHashMap<>();
  final List<Rule> rules = new ArrayList<>();
  final List<Relation> relations = new ArrayList<>();

  /** The variables bound through a collection or relation binding. */
  final Set<Symbol> collectionVars = new HashSet<>();

  /** The variables bound to one value each, by a scalar or tuple binding. */
  final Set<Symbol> scalarVars = new HashSet<>();

  static Inputs bind(Query q, Object[] inputs) {
    Object[] in = inputs == null ? new Object[0] : inputs;
    if (in.length == 0 && q.in().equals(List.of(new In.InSrc(SrcVar.DEFAULT)))) {
      return new Inputs();
    }
    // as in Datomic, inputs beyond the :in are ignored; too few is an error
    if (in.length < q.in().size()) {
      throw QueryErrors.incorrect(
          "invalid-input-count",
          "Query :in " + q.in().size() + " input(s) but " + in.length + " given");
    }
    Inputs out = new Inputs();
    for (int i = 0; i < q.in().size(); i++) {
      In spec = q.in().get(i);
      Object value = in[i];
      if (spec instanceof In.InSrc s) {
        Symbol name = s.src().symbol();
        out.sources.put(name, value instanceof DbValue db ? db : CollectionSource.of(name, value));
      } else if (spec instanceof In.InRules) {
        out.rules.addAll(ParseCache.rules(value));
      } else {
        In.InBinding b = (In.InBinding) spec;
        Set<Symbol> bound = Vars.of(b.binding());
        if (value == null && !bound.isEmpty()) {
          throw QueryErrors.incorrect(
              "invalid-input", "Input " + (i + 1) + " for " + bound + " is nil");
        }
        List<Symbol> vars = new ArrayList<>(Vars.of(b.binding()));
        collectionVars(b.binding(), out.collectionVars);
        vars.stream().filter(x -> !out.collectionVars.contains(x)).forEach(out.scalarVars::add);
        out.relations.add(new Relation(vars, BindingOutput.bind(b.binding(), value, vars)));
      }
    }
    return out;
  }

  private static void collectionVars(Binding b, Set<Symbol> out) {
    if (b instanceof Binding.BindColl) {
      out.addAll(Vars.of(b));
    } else if (b instanceof Binding.BindTuple t) {
      t.elements().forEach(e -> collectionVars(e, out));
    }
  }
}
