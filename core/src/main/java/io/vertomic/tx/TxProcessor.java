package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.db.Indexes;
import io.vertomic.peer.Database;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Pure transaction processing: from a database value and transaction data to the value after it and
 * the report, or an {@link Anomaly} and nothing changed. Steps: expand forms into ops, resolve
 * tempids (upserts first), turn ops into datoms against the database before, keep composite tuples
 * up to date, check uniqueness, schema changes, predicates and that stored database functions
 * compile, then apply the datoms to the indexes and check entity specs on the result.
 */
public final class TxProcessor {
  /**
   * The most operations (assertions and retractions, after expansion) one transaction may hold.
   * Datomic sets no hard limit and advises transactions of thousands of datoms; this only keeps one
   * runaway transaction from taking the writer's heap and a log entry of gigabytes, so it is
   * generous: split an import into transactions smaller than this.
   */
  public static final int MAX_TX_OPS = 1_000_000;

  private final Function<DbValue, Database> view;
  private final BooleanSupplier databaseFunctions;

  /**
   * A processor that calls no database function: see {@link #TxProcessor(Function,
   * BooleanSupplier)}.
   */
  public TxProcessor(Function<DbValue, Database> view) {
    this(view, () -> false);
  }

  /**
   * {@code view} wraps a value for the application's code, which receives a {@link Database}:
   * entity predicates and transaction functions. {@code databaseFunctions}, asked at each
   * transaction, says whether a call of a database function ({@code :db/fn}) runs; when it says no,
   * the call fails {@code forbidden}.
   */
  public TxProcessor(Function<DbValue, Database> view, BooleanSupplier databaseFunctions) {
    this.view = view;
    this.databaseFunctions = databaseFunctions;
  }

  /**
   * Processes {@code txData} against {@code db}, stamping {@code :db/txInstant} with {@code now}.
   */
  public TxResult process(DbValue db, Object txData, Date now) {
    DbValue base = db.unfiltered();
    long t = base.nextT();
    List<Op> ops = TxExpander.expand(base, txData, view, databaseFunctions.getAsBoolean());
    if (ops.size() > MAX_TX_OPS) {
      throw Anomaly.incorrect(
          "db.error/transaction-too-large",
          "The transaction has "
              + ops.size()
              + " operations, more than the limit of "
              + MAX_TX_OPS
              + ": split it into smaller transactions");
    }
    Object key = Idempotency.key(ops);
    if (key != null) {
      Idempotency.refuseIfCommitted(base, key);
    }
    TempidResolver ids = new TempidResolver(base, ops, t).resolve();
    TxDatoms acc = new TxDatoms(base, EntityId.tToTx(t), ids, ops.size());
    Map<Long, Long> ensures = new LinkedHashMap<>();
    OpApplier applier = new OpApplier(base, ids, acc);
    for (Op op : ops) {
      applier.apply(op, ensures);
    }
    stampInstant(base, acc, now);
    if (key != null) {
      Idempotency.recordTempids(base, acc, ids.userTempids());
    }
    CompositeTuples.update(base, acc);
    SchemaChanges.Result schema = SchemaChanges.apply(base, acc);
    Constraints.unique(base, schema.schema(), acc);
    Constraints.attrPreds(schema.schema(), acc);
    DatabaseFunctions.refuseUncompilable(schema.schema(), acc);
    List<Datom> datoms = List.copyOf(acc.all());
    DbValue after =
        Excision.apply(next(base, acc, schema, t, ids.nextT(), ids.nextDbCounter()), datoms, t);
    if (!ensures.isEmpty()) {
      Constraints.entitySpecs(after, view.apply(after), ensures);
    }
    return new TxResult(base, after, datoms, ids.userTempids());
  }

  /**
   * Applies a transaction that was already accepted, as its log entry recorded it ({@code t}, its
   * datoms and the id counters after it), without checking it again: the database comes out exactly
   * as the writer had it.
   */
  public static DbValue replay(
      DbValue db, long t, List<Datom> datoms, long nextT, long nextDbCounter) {
    DbValue base = db.unfiltered();
    TxDatoms acc =
        new TxDatoms(
            base, EntityId.tToTx(t), new TempidResolver(base, List.of(), t), datoms.size());
    datoms.forEach(acc::replay);
    return Excision.apply(
        next(base, acc, SchemaChanges.apply(base, acc), t, nextT, nextDbCounter), datoms, t);
  }

  /**
   * Whether a transaction's datoms can be replayed together with those of the transactions before
   * it (their datoms concatenated into one {@link #replay}): only assertions of user attributes, of
   * {@code :db/txInstant} and of the peer server's access key, so no retraction, schema change or
   * excision whose replay depends on what came before it in the same replay.
   */
  public static boolean replaysTogether(DbValue db, List<Datom> datoms) {
    long txInstant = db.schema().attr(Idents.TX_INSTANT).id();
    for (Datom d : datoms) {
      long a = d.a();
      if (!d.added()
          || (a < Bootstrap.FIRST_DB_COUNTER && a != txInstant && a != Bootstrap.ACCESS_KEY)) {
        return false;
      }
    }
    return true;
  }

  private static DbValue next(
      DbValue base,
      TxDatoms acc,
      SchemaChanges.Result schema,
      long t,
      long nextT,
      long nextDbCounter) {
    Indexes idx = base.indexes().apply(schema.schema(), acc.asserted, acc.removed, past(base, acc));
    for (Map.Entry<Long, Boolean> flip : schema.avetChanges().entrySet()) {
      idx = idx.withAvet(flip.getKey(), flip.getValue());
    }
    return base.next(idx, schema.schema(), t, nextT, nextDbCounter);
  }

  private static void stampInstant(DbValue db, TxDatoms acc, Date now) {
    Attr txInstant = db.schema().attr(Idents.TX_INSTANT);
    Object given = acc.assertedOne(acc.tx(), txInstant.id());
    Date previous = null;
    for (Datom d : db.currentDatoms(EntityId.tToTx(db.basisT()), txInstant.id())) {
      previous = (Date) d.v();
    }
    if (given == null) {
      Date stamp = previous != null && previous.after(now) ? previous : now;
      acc.add("Transaction instant", acc.tx(), txInstant, stamp);
    } else if (previous != null && ((Date) given).before(previous)) {
      throw Anomaly.incorrect(
          "db.error/past-tx-instant",
          "Transaction instant "
              + TxExpander.describe(given)
              + " is before the previous one, "
              + TxExpander.describe(previous));
    }
  }

  /** Retracted assertions and their retractions, except for {@code :db/noHistory} attributes. */
  private static List<Datom> past(DbValue db, TxDatoms acc) {
    if (acc.removed.isEmpty()) {
      return List.of();
    }
    Set<Long> noHistory = new HashSet<>();
    for (Attr a : db.schema().attrs()) {
      if (a.noHistory()) {
        noHistory.add(a.id());
      }
    }
    List<Datom> out = new ArrayList<>();
    for (int i = 0; i < acc.removed.size(); i++) {
      Datom old = acc.removed.get(i);
      if (!noHistory.contains(old.a())) {
        out.add(old);
        out.add(acc.retractions.get(i));
      }
    }
    return out;
  }
}
