package io.vertomic.query.parse;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Query.ReturnKeys;
import io.vertomic.query.parse.Term.SrcVar;
import io.vertomic.query.parse.Term.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a query, in list form {@code [:find ... :in ... :where ...]} or map form {@code {:find
 * [...] :where [...]}}, given as EDN text or already-read data, into a {@link Query}. Fails with
 * {@code incorrect} anomalies ({@code :query.error/...}) that name the bad part. Stateless,
 * thread-safe.
 *
 * <pre>{@code QueryParser.parse("[:find ?e :where [?e :person/name]]")}</pre>
 */
public final class QueryParser {
  private static final List<String> SECTIONS =
      List.of("find", "keys", "syms", "strs", "with", "in", "where");

  private QueryParser() {}

  /** The query {@code query} denotes. */
  public static Query parse(Object query) {
    Object data = query instanceof String s ? Edn.read(s) : query;
    Map<String, List<?>> sections;
    if (data instanceof Map<?, ?> m) {
      sections = mapForm(m);
    } else if (data instanceof List<?> l) {
      sections = listForm(l);
    } else {
      throw QueryErrors.incorrect(
          "invalid-query", "A query must be a vector or a map, got " + QueryErrors.text(data));
    }
    if (!sections.containsKey("find")) {
      throw QueryErrors.incorrect("invalid-query", "A query needs :find");
    }
    FindSpec find = FindParser.parse(sections.get("find"));
    List<Var> with = new ArrayList<>();
    for (Object w : sections.getOrDefault("with", List.of())) {
      with.add(ClauseParser.var(w, ":with"));
    }
    List<In> in = inputs(sections.get("in"));
    List<Clause> where = ClauseParser.parseAll(sections.getOrDefault("where", List.of()));
    return new Query(find, List.copyOf(with), in, where, returnKeys(sections, find));
  }

  private static Map<String, List<?>> listForm(List<?> l) {
    Map<String, List<?>> out = new LinkedHashMap<>();
    String current = null;
    List<Object> items = null;
    for (Object x : l) {
      if (x instanceof Keyword k && k.namespace() == null) {
        current = section(k);
        if (out.containsKey(current)) {
          throw QueryErrors.incorrect("invalid-query", "Duplicate section " + k);
        }
        items = new ArrayList<>();
        out.put(current, items);
      } else if (items == null) {
        throw QueryErrors.incorrect(
            "invalid-query", "A query starts with :find, got " + QueryErrors.text(x));
      } else {
        items.add(x);
      }
    }
    return out;
  }

  private static Map<String, List<?>> mapForm(Map<?, ?> m) {
    Map<String, List<?>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof Keyword k)) {
        throw QueryErrors.incorrect("invalid-query", "Unknown query key " + e.getKey());
      }
      out.put(section(k), Forms.list(e.getValue(), "invalid-query", k.toString()));
    }
    return out;
  }

  private static String section(Keyword k) {
    if (k.namespace() != null || !SECTIONS.contains(k.name())) {
      throw QueryErrors.incorrect(
          "invalid-query", "Unknown query section " + k + " (expected one of :" + SECTIONS + ")");
    }
    return k.name();
  }

  private static List<In> inputs(List<?> forms) {
    if (forms == null) {
      return List.of(new In.InSrc(SrcVar.DEFAULT));
    }
    List<In> out = new ArrayList<>();
    for (Object f : forms) {
      if (Forms.isSymbol(f, "%")) {
        out.add(new In.InRules());
      } else if (Forms.isSrc(f)) {
        out.add(new In.InSrc((SrcVar) Term.of(f)));
      } else if (Forms.isPlainSymbol(f) && !((Symbol) f).name().equals("_")) {
        // a pull pattern input, named by a plain symbol as Datomic allows
        out.add(new In.InBinding(new Binding.BindScalar(new Term.Var((Symbol) f))));
      } else if (f instanceof List<?> || f instanceof Symbol) {
        try {
          out.add(new In.InBinding(BindingParser.parse(f, "invalid-input")));
        } catch (io.vertomic.anomaly.Anomaly a) {
          throw unknownInput(f);
        }
      } else {
        throw unknownInput(f);
      }
    }
    return List.copyOf(out);
  }

  private static io.vertomic.anomaly.Anomaly unknownInput(Object f) {
    return QueryErrors.incorrect(
        "invalid-input",
        "Unknown input kind "
            + QueryErrors.text(f)
            + " in :in (expected $src, %, ?x, [?x ?y], [?x ...] or [[?x ?y]])");
  }

  private static ReturnKeys returnKeys(Map<String, List<?>> sections, FindSpec find) {
    ReturnKeys out = null;
    for (ReturnKeys.Kind kind : ReturnKeys.Kind.values()) {
      List<?> names = sections.get(kind.name().toLowerCase());
      if (names == null) {
        continue;
      }
      if (out != null) {
        throw QueryErrors.incorrect("invalid-find", "Only one of :keys, :syms, :strs allowed");
      }
      if (!(find instanceof FindSpec.FindRel) || names.size() != find.elements().size()) {
        throw QueryErrors.incorrect(
            "invalid-find",
            ":" + kind.name().toLowerCase() + " needs a relation find spec with as many elements");
      }
      List<Symbol> syms = new ArrayList<>();
      for (Object n : names) {
        syms.add(Symbol.of(n instanceof Keyword k ? k.text() : String.valueOf(n)));
      }
      out = new ReturnKeys(kind, List.copyOf(syms));
    }
    return out;
  }
}
