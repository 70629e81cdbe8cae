package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.DbId;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.edn.Symbol;
import io.vertomic.peer.Database;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Unique;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Expands transaction data (EDN text or Java lists and maps) into {@link Op}s: list forms are
 * checked for arity, map forms become one add per attribute value, nested maps (components or maps
 * with a unique attribute) get their own entity, reverse attributes ({@code :ns/_name}) turn
 * around. Attributes are resolved against the database before the transaction.
 */
final class TxExpander {
  /** How deep transaction functions may call functions that return calls. */
  static final int MAX_CALL_DEPTH = 32;

  private final DbValue db;
  private final Function<DbValue, Database> view;
  private final boolean databaseFunctions;
  private final List<Op> ops = new ArrayList<>();
  private int autoIds;
  private int stmt;
  private int depth;

  private TxExpander(DbValue db, Function<DbValue, Database> view, boolean databaseFunctions) {
    this.db = db;
    this.view = view;
    this.databaseFunctions = databaseFunctions;
  }

  /**
   * The ops of {@code txData}, in order; calls of transaction functions are replaced by what they
   * return, given {@code view} of the database before the transaction. Database functions ({@code
   * :db/fn} values) are called only when {@code databaseFunctions} is on; a call is {@code
   * forbidden} otherwise.
   */
  static List<Op> expand(
      DbValue db, Object txData, Function<DbValue, Database> view, boolean databaseFunctions) {
    Object data =
        txData instanceof String s
            ? Edn.read(s)
            : txData instanceof EncodedTxData encoded ? encoded.read() : txData;
    if (!(data instanceof List<?> forms)) {
      throw Anomaly.incorrect(
          "db.error/invalid-tx-data",
          "Transaction data must be a list of forms, got " + describe(data));
    }
    TxExpander x = new TxExpander(db, view, databaseFunctions);
    for (Object form : forms) {
      x.form(form);
      x.stmt++;
    }
    return x.ops;
  }

  private void form(Object form) {
    if (form instanceof Map<?, ?> m) {
      mapForm(m);
    } else if (form instanceof List<?> l) {
      listForm(l);
    } else {
      throw bad("db.error/invalid-tx-data", "expected a list or map form, got " + describe(form));
    }
  }

  private void listForm(List<?> l) {
    Object head = l.isEmpty() ? null : l.get(0);
    if (head instanceof Symbol fn) {
      callExtension(fn.text(), l);
      return;
    }
    Keyword op = Resolver.keyword(head);
    if (op == null) {
      throw bad(
          "db.error/invalid-tx-data",
          "a list form must start with an operation keyword: " + describe(l));
    }
    if (op == Idents.ADD) {
      arity(l, 4);
      ops.add(new Op.Add(stmt, entity(l.get(1)), attr(l.get(2)), value(l.get(3))));
    } else if (op == Idents.RETRACT) {
      if (l.size() != 3 && l.size() != 4) {
        arity(l, 4);
      }
      Object v = l.size() == 4 ? value(l.get(3)) : Op.ALL_VALUES;
      ops.add(new Op.Retract(stmt, entity(l.get(1)), attr(l.get(2)), v));
    } else if (op == Idents.CAS || op == Idents.FN_CAS) {
      arity(l, 5);
      ops.add(new Op.Cas(stmt, entity(l.get(1)), attr(l.get(2)), l.get(3), value(l.get(4))));
    } else if (op == Idents.RETRACT_ENTITY || op == Idents.FN_RETRACT_ENTITY) {
      arity(l, 2);
      ops.add(new Op.RetractEntity(stmt, entity(l.get(1))));
    } else {
      // as Datomic, a keyword names a database function before a function of an extension
      DbFn stored = DatabaseFunctions.stored(db, op);
      if (stored == null) {
        callExtension(op.text(), l);
      } else {
        callDatabaseFunction(op, stored, l);
      }
    }
  }

  private void callDatabaseFunction(Keyword ident, DbFn stored, List<?> l) {
    String what = "database function " + ident;
    if (!databaseFunctions) {
      throw Anomaly.forbidden(
          "db.error/database-functions-off",
          "In statement "
              + stmt
              + " of the transaction: "
              + what
              + " is not called: database functions are off where this transaction runs"
              + " (the transactor's databaseFunctions config, or PeerOptions in process)");
    }
    call(
        what,
        l,
        (dbBefore, args) -> {
          List<Object> all = new ArrayList<>(args.size() + 1);
          all.add(dbBefore);
          all.addAll(args);
          return DatabaseFunctions.invoke(stored, what, all);
        });
  }

  private void callExtension(String name, List<?> l) {
    TxFunction fn = Extensions.txFunction(name);
    if (fn == null) {
      throw bad(
          "db.error/not-a-data-function",
          "unknown operation or transaction function "
              + name
              + " in "
              + describe(l)
              + " (no extension loaded in this process registers it)");
    }
    call("transaction function " + name, l, fn);
  }

  /** Expands the transaction data that {@code fn} ({@code what}) returns for the call {@code l}. */
  private void call(String what, List<?> l, TxFunction fn) {
    if (depth >= MAX_CALL_DEPTH) {
      throw bad(
          "db.error/tx-fn-depth",
          what
              + " is called "
              + MAX_CALL_DEPTH
              + " calls deep: functions that return calls must end");
    }
    Object out;
    try {
      out =
          fn.apply(
              view.apply(db),
              java.util.Collections.unmodifiableList(new ArrayList<>(l.subList(1, l.size()))));
    } catch (Anomaly a) {
      throw a;
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // errors the function's own code may raise fail the transaction, not the writer's thread
      throw bad("db.error/tx-fn-failed", what + " threw " + e);
    }
    Object data = out;
    if (out instanceof String text) {
      try {
        data = Edn.read(text);
      } catch (Anomaly a) {
        throw bad(
            "db.error/tx-fn-bad-result",
            what + " returned EDN text that does not read: " + a.getMessage());
      }
    }
    if (!(data instanceof List<?> forms)) {
      throw bad(
          "db.error/tx-fn-bad-result",
          what + " returned " + describe(out) + ", not transaction data (a list of forms)");
    }
    depth++;
    try {
      for (Object form : forms) {
        form(form);
      }
    } finally {
      depth--;
    }
  }

  private void arity(List<?> l, int n) {
    if (l.size() != n) {
      throw bad(
          "db.error/invalid-tx-data",
          l.get(0)
              + " takes "
              + (n - 1)
              + " arguments, got "
              + (l.size() - 1)
              + ": "
              + describe(l));
    }
  }

  private Object mapForm(Map<?, ?> m) {
    Object id = null;
    for (Map.Entry<?, ?> en : m.entrySet()) {
      if (Resolver.keyword(en.getKey()) == Idents.ID) {
        id = entity(en.getValue());
      }
    }
    if (id == null) {
      id = new Op.AutoId(autoIds++);
    }
    for (Map.Entry<?, ?> en : m.entrySet()) {
      Keyword k = Resolver.keyword(en.getKey());
      if (k == null) {
        throw bad(
            "db.error/invalid-tx-data",
            "map keys must be attribute keywords, got " + describe(en.getKey()));
      }
      if (k == Idents.ID) {
        continue;
      }
      if (k == Idents.FORCE_PARTITION || k == Idents.MATCH_PARTITION) {
        place(k, en.getValue());
        continue;
      }
      if (k.name().startsWith("_") && k.namespace() != null) {
        reverse(id, Keyword.of(k.namespace(), k.name().substring(1)), en.getValue());
      } else {
        entry(id, attr(k), en.getValue());
      }
    }
    return id;
  }

  private void place(Keyword directive, Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      String what = directive == Idents.FORCE_PARTITION ? "force-partition" : "match-partition";
      throw bad(
          "db.error/invalid-" + what + "-map",
          "Value of "
              + directive
              + " must be a map of tempid to "
              + (directive == Idents.FORCE_PARTITION ? "partition" : "entity")
              + ", got "
              + describe(v));
    }
    for (Map.Entry<?, ?> en : m.entrySet()) {
      if (!TempidResolver.isTempid(en.getKey())) {
        throw bad(
            "db.error/not-a-tempid",
            directive + " names " + describe(en.getKey()) + ", which is not a tempid");
      }
      ops.add(new Op.Place(stmt, en.getKey(), en.getValue(), directive == Idents.MATCH_PARTITION));
    }
  }

  private void entry(Object id, Attr a, Object v) {
    // as in Datomic, a collection under a cardinality-many attribute is always its values: a lookup
    // ref or a tuple there is written inside a collection, [[:person/email "x"]]
    if (a.many() && v instanceof Collection<?> c) {
      for (Object x : c) {
        single(id, a, x);
      }
    } else {
      single(id, a, v);
    }
  }

  private void single(Object id, Attr a, Object v) {
    if (v instanceof Map<?, ?> nested) {
      if (!a.isRef()) {
        throw bad(
            "db.error/wrong-type-for-attribute",
            "a map is not a valid value of " + a.type().ident() + " attribute " + a.ident());
      }
      if (!a.component() && !hasIdentity(nested)) {
        throw bad(
            "db.error/invalid-nested-entity",
            "nested map under "
                + a.ident()
                + " must be a component or have a unique attribute or :db/id: "
                + describe(nested));
      }
      v = mapForm(nested);
    }
    ops.add(new Op.Add(stmt, id, a, value(v)));
  }

  private boolean hasIdentity(Map<?, ?> nested) {
    for (Object k : nested.keySet()) {
      Keyword kw = Resolver.keyword(k);
      if (kw == Idents.ID) {
        return true;
      }
      Attr a = kw == null ? null : db.schema().attr(kw);
      if (a != null && a.unique() != Unique.NONE) {
        return true;
      }
    }
    return false;
  }

  private void reverse(Object id, Keyword forward, Object v) {
    Attr a = attr(forward);
    if (!a.isRef()) {
      throw bad(
          "db.error/invalid-reverse-attr",
          "reverse attribute needs a reference attribute, " + forward + " is not");
    }
    Collection<?> targets = v instanceof Collection<?> c && !isLookupRef(v) ? c : List.of(v);
    for (Object t : targets) {
      Object source = t instanceof Map<?, ?> m ? mapForm(m) : entity(t);
      ops.add(new Op.Add(stmt, source, a, id));
    }
  }

  /**
   * Whether {@code v}, given where a collection of references may stand, is one lookup ref: two
   * elements, the first a unique attribute (as DataScript decides it), so {@code [:color/red
   * :color/blue]} stays two idents.
   */
  private boolean isLookupRef(Object v) {
    if (!(v instanceof List<?> l) || l.size() != 2 || l.get(1) instanceof Map) {
      return false;
    }
    Keyword k = Resolver.keyword(l.get(0));
    Attr a = k == null ? null : db.schema().attr(k);
    return a != null && a.unique() != Unique.NONE;
  }

  private Object entity(Object e) {
    if (e == null) {
      throw bad("db.error/invalid-tx-data", "entity id is nil");
    }
    Keyword k = Resolver.keyword(e);
    if (k != null) {
      return k;
    }
    if (e instanceof Long
        || e instanceof String
        || e instanceof DbId
        || e instanceof List<?>
        || e instanceof Op.AutoId) {
      return e;
    }
    if (e instanceof Integer i) {
      return i.longValue();
    }
    throw bad("db.error/invalid-entity-id", "cannot use " + describe(e) + " as an entity id");
  }

  private Object value(Object v) {
    if (v == null) {
      throw bad("db.error/nil-value", "nil is not a legal value");
    }
    return v;
  }

  private Attr attr(Object a) {
    try {
      return Resolver.attr(db, a);
    } catch (Anomaly x) {
      throw bad("db.error/not-an-attribute", describe(a) + " is not an attribute");
    }
  }

  private Anomaly bad(String code, String message) {
    return Anomaly.incorrect(code, "In statement " + stmt + " of the transaction: " + message);
  }

  static String describe(Object x) {
    try {
      return Edn.write(x);
    } catch (RuntimeException e) {
      return String.valueOf(x);
    }
  }
}
