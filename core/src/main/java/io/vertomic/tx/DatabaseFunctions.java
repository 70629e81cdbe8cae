package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Schema;
import io.vertomic.schema.ValueType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import java.util.Map;

/**
 * Datomic's database functions: {@link DbFn} values, held by {@code :db/fn} (or any {@code
 * :db.type/fn} attribute), compiled once per distinct function by {@link FnCompiler} and called by
 * the ident of the entity holding them, in transaction data ({@code [:bank/transfer from to 10]},
 * the database before the transaction as the first argument) or with {@code Database.invoke}.
 */
public final class DatabaseFunctions {
  private DatabaseFunctions() {}

  /**
   * Datomic's {@code Peer.function}: the function {@code spec} describes ({@link DbFn#of}),
   * compiled now so that a mistake shows here. Fails {@code incorrect} for a malformed spec, a
   * language other than Java, or code that does not compile.
   */
  public static DbFn function(Map<?, ?> spec) {
    DbFn fn;
    try {
      fn = DbFn.of(spec);
    } catch (IllegalArgumentException e) {
      throw Anomaly.incorrect("db.error/invalid-fn", "Peer.function: " + e.getMessage());
    }
    FnCompiler.compile(fn, "The database function");
    return fn;
  }

  /**
   * Calls {@code fn} with {@code args} as given; {@code what} names it in messages. What the
   * function throws comes out as it is. Fails {@code incorrect} when the number of arguments is not
   * the number of its parameters, or it does not compile.
   */
  public static Object invoke(DbFn fn, String what, List<Object> args) {
    Method m = FnCompiler.compile(fn, what);
    if (args.size() != fn.params().size()) {
      throw Anomaly.incorrect(
          "db.error/fn-arity",
          what
              + " takes "
              + fn.params().size()
              + " arguments "
              + fn.params()
              + ", got "
              + args.size());
    }
    try {
      return m.invoke(null, args.toArray());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UndeclaredThrowableException(cause, what + " threw " + cause);
    } catch (IllegalAccessException e) {
      throw Anomaly.fault(what + " cannot be called: " + e, e);
    }
  }

  /** The function {@code :db/fn} holds on the entity whose ident is {@code ident}, or null. */
  static DbFn stored(DbValue db, Keyword ident) {
    Long e = db.schema().entid(ident);
    Attr fn = db.schema().attr(Idents.FN);
    if (e == null || fn == null) {
      return null;
    }
    for (Datom d : db.currentDatoms(e, fn.id())) {
      return (DbFn) d.v();
    }
    return null;
  }

  /**
   * Fails {@code incorrect}, naming the entity and the compiler's message, when a function that
   * {@code acc} asserts does not compile: one is refused when it is stored, not when it is called.
   */
  static void refuseUncompilable(Schema schema, TxDatoms acc) {
    for (Datom d : acc.asserted) {
      Attr a = schema.attr(d.a());
      if (a != null && a.type() == ValueType.FN) {
        Keyword ident = schema.ident(d.e());
        String what =
            "The database function under "
                + a.ident()
                + " of entity "
                + d.e()
                + (ident == null ? "" : " (" + ident + ")");
        FnCompiler.compile((DbFn) d.v(), what);
      }
    }
  }
}
