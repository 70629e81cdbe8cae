package io.vertomic.conformance;

import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shrinks a difference greedily while it persists (same category on a fresh load): drops
 * transactions, their operations and map entries, schema attributes, {@code :where} clauses, find
 * elements, {@code :with}, inputs, rules, pull sub-patterns and {@code with} data, until no single
 * drop keeps the difference or the check budget is spent.
 */
final class Shrinker {
  private static final int BUDGET = 300;
  private final DiffRunner runner;
  private int checks;

  Shrinker(DiffRunner runner) {
    this.runner = runner;
  }

  Difference shrink(Difference d) {
    checks = 0;
    Difference best = d;
    boolean progress = true;
    while (progress && checks < BUDGET) {
      progress = false;
      for (Candidate c : candidates(best)) {
        if (checks++ >= BUDGET) {
          break;
        }
        if (!viewsFit(c.read, c.history)
            || c.read.kind().equals("query") && QueryShapes.deliberate(c.read.get("query"))) {
          continue;
        }
        Difference again = runner.check(c.history, c.read);
        if (again != null && again.category().equals(d.category())) {
          best =
              new Difference(
                  d.seed(),
                  d.caseIndex(),
                  again.history(),
                  d.read().kind().equals("transact") ? again.read() : c.read,
                  again.datomic(),
                  again.vertomic(),
                  d.category());
          progress = true;
          break;
        }
      }
    }
    return best;
  }

  private record Candidate(History history, Read read) {}

  private List<Candidate> candidates(Difference d) {
    List<Candidate> out = new ArrayList<>();
    History h = d.history();
    Read read = d.read();
    readCandidates(read, r -> out.add(new Candidate(h, r)));
    List<List<Object>> txs = h.txs();
    for (int i = txs.size() - 1; i >= 0; i--) {
      List<List<Object>> fewer = new ArrayList<>(txs);
      fewer.remove(i);
      out.add(new Candidate(h.withTxs(fewer), read));
    }
    for (int i = 0; i < txs.size(); i++) {
      int t = i;
      dropEach(
          txs.get(i),
          tx -> {
            List<List<Object>> changed = new ArrayList<>(txs);
            changed.set(t, tx);
            out.add(new Candidate(h.withTxs(changed), read));
          });
    }
    for (int i = 1; i < h.schema().size(); i++) {
      List<Attr> schema = new ArrayList<>(h.schema());
      schema.remove(i);
      out.add(new Candidate(new History(schema, txs), read));
    }
    return out;
  }

  /** Each way to drop one operation of {@code tx}, or one entry of one of its maps. */
  private static void dropEach(List<Object> tx, Consumer<List<Object>> out) {
    for (int j = 0; j < tx.size(); j++) {
      List<Object> fewer = new ArrayList<>(tx);
      fewer.remove(j);
      if (!fewer.isEmpty()) {
        out.accept(fewer);
      }
      if (tx.get(j) instanceof Map<?, ?> m) {
        for (Object k : m.keySet()) {
          if (k.equals(Keyword.of("db/id")) || m.size() <= 2) {
            continue;
          }
          Map<Object, Object> less = new LinkedHashMap<>(m);
          less.remove(k);
          List<Object> changed = new ArrayList<>(tx);
          changed.set(j, less);
          out.accept(changed);
        }
      }
    }
  }

  private static void readCandidates(Read read, Consumer<Read> out) {
    if (read.get("with") instanceof List<?> w) {
      dropEach(new ArrayList<>(w), tx -> out.accept(read.with("with", tx)));
    }
    if (read.get("selector") instanceof List<?> sel) {
      selectors(new ArrayList<>(sel), s -> out.accept(read.with("selector", s)));
    }
    if (read.get("components") instanceof List<?> c && !c.isEmpty()) {
      out.accept(read.with("components", new ArrayList<>(c.subList(0, c.size() - 1))));
    }
    if (read.kind().equals("query")) {
      queryCandidates(read, out);
    }
  }

  private static void queryCandidates(Read read, Consumer<Read> out) {
    QueryParts q = new QueryParts(read.get("query"));
    List<Object> inputs = new ArrayList<>((List<?>) read.get("inputs"));
    for (int i = 0; i < q.section("where").size(); i++) {
      QueryParts c = q.copy();
      c.sections.get(Keyword.of("where")).remove(i);
      out.accept(read.with("query", c.toQuery()));
    }
    List<Object> find = q.section("find");
    if (find.size() > 1 && !find.contains(Symbol.of("."))) {
      for (int i = 0; i < find.size(); i++) {
        QueryParts c = q.copy();
        c.sections.get(Keyword.of("find")).remove(i);
        for (String keys : List.of("keys", "syms", "strs")) {
          List<Object> ks = c.sections.get(Keyword.of(keys));
          if (ks != null && !ks.isEmpty()) {
            ks.remove(ks.size() - 1);
          }
        }
        out.accept(read.with("query", c.toQuery()));
      }
    }
    for (String section : List.of("with", "keys", "syms", "strs")) {
      if (q.sections.containsKey(Keyword.of(section))) {
        QueryParts c = q.copy();
        c.sections.remove(Keyword.of(section));
        out.accept(read.with("query", c.toQuery()));
      }
    }
    List<Object> in = q.section("in");
    for (int i = 1; i < in.size() && i < inputs.size(); i++) {
      QueryParts c = q.copy();
      c.sections.get(Keyword.of("in")).remove(i);
      if (c.section("in").size() == 1) {
        c.sections.remove(Keyword.of("in"));
      }
      List<Object> fewer = new ArrayList<>(inputs);
      fewer.remove(i);
      out.accept(read.with("query", c.toQuery()).with("inputs", fewer));
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (i < in.size()
          && Symbol.of("%").equals(in.get(i))
          && inputs.get(i) instanceof List<?> rs
          && rs.size() > 1) {
        for (int j = 0; j < rs.size(); j++) {
          List<Object> rules = new ArrayList<>(rs);
          rules.remove(j);
          List<Object> changed = new ArrayList<>(inputs);
          changed.set(i, rules);
          out.accept(read.with("inputs", changed));
        }
      }
    }
    if (!inputs.isEmpty() && !Symbol.of("$").equals(inputs.get(0))) {
      List<Object> plain = new ArrayList<>(inputs);
      plain.set(0, Symbol.of("$"));
      out.accept(read.with("inputs", plain));
    }
  }

  /** Each way to drop one element of a pull selector, at any depth. */
  private static void selectors(List<Object> sel, Consumer<List<Object>> out) {
    for (int i = 0; i < sel.size(); i++) {
      if (sel.size() > 1) {
        List<Object> fewer = new ArrayList<>(sel);
        fewer.remove(i);
        out.accept(fewer);
      }
      int at = i;
      if (sel.get(i) instanceof Map<?, ?> m && m.size() == 1) {
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        List<Object> flat = new ArrayList<>(sel);
        flat.set(i, e.getKey());
        out.accept(flat);
        if (e.getValue() instanceof List<?> inner) {
          selectors(
              new ArrayList<>(inner),
              s -> {
                List<Object> changed = new ArrayList<>(sel);
                changed.set(at, Map.of(e.getKey(), s));
                out.accept(changed);
              });
        }
      } else if (sel.get(i) instanceof List<?> opt
          && !opt.isEmpty()
          && opt.get(0) instanceof Keyword k) {
        List<Object> flat = new ArrayList<>(sel);
        flat.set(i, k);
        out.accept(flat);
      }
    }
  }

  /** Whether every {@code $as-of-N}/{@code $since-N} of {@code read} names a tx of {@code h}. */
  private static boolean viewsFit(Read read, History h) {
    String text = Answers.edn(read.toEdn());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\$(as-of|since)-(\\d+)").matcher(text);
    while (m.find()) {
      if (Integer.parseInt(m.group(2)) > h.txs().size()) {
        return false;
      }
    }
    return true;
  }
}
