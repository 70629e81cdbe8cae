package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.schema.Attr;
import io.vertomic.schema.Idents;
import java.util.List;
import java.util.Map;

/**
 * Idempotent retries: a transaction that asserts {@code :vertomic.tx/idempotency-key} on its
 * transaction entity ({@code {:db/id "datomic.tx" :vertomic.tx/idempotency-key "order-17"}}) is
 * applied at most once. The key is unique; a transaction whose key is already in the database is
 * refused before anything is applied with {@code conflict} {@value #ALREADY_COMMITTED}, whose data
 * give the {@code t} that committed it, so whoever retried can answer with the original result. The
 * ids the tempids got are kept on the transaction entity for that answer.
 */
public final class Idempotency {
  /** The anomaly code of a retry whose key is committed; its data hold {@link #T}. */
  public static final String ALREADY_COMMITTED = "db.error/already-committed";

  /** The data key of the committed {@code t}. */
  public static final Keyword T = Keyword.of("t");

  private Idempotency() {}

  /**
   * True when the transaction {@code edn} carries an idempotency key (read only when deciding
   * whether a transaction whose answer was lost may be sent again).
   */
  public static boolean keyed(String edn) {
    if (!edn.contains(Idents.IDEMPOTENCY_KEY.toString())) {
      return false;
    }
    try {
      return mentionsKey(Edn.read(edn));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The same for transaction data already read (lists and maps). */
  public static boolean keyedData(Object txData) {
    return mentionsKey(txData);
  }

  private static boolean mentionsKey(Object form) {
    if (form instanceof Map<?, ?> m) {
      return m.containsKey(Idents.IDEMPOTENCY_KEY);
    }
    if (form instanceof List<?> l) {
      if (l.size() == 4 && Idents.IDEMPOTENCY_KEY.equals(l.get(2))) {
        return true; // [:db/add e :vertomic.tx/idempotency-key k]
      }
      return l.stream().anyMatch(Idempotency::mentionsKey);
    }
    return false;
  }

  /** The idempotency key asserted by {@code ops}, or null. */
  static Object key(List<Op> ops) {
    for (Op op : ops) {
      if (op instanceof Op.Add add && add.a().ident().equals(Idents.IDEMPOTENCY_KEY)) {
        return add.v();
      }
    }
    return null;
  }

  static void refuseIfCommitted(DbValue db, Object key) {
    Long tx = committedTx(db, key);
    if (tx != null) {
      long t = EntityId.txToT(tx);
      throw new Anomaly(
          Category.CONFLICT,
          Keyword.of(ALREADY_COMMITTED),
          "A transaction with idempotency key " + Edn.write(key) + " committed at t " + t,
          Map.of(T, t));
    }
  }

  /** The transaction entity that committed {@code key}, or null. */
  public static Long committedTx(DbValue db, Object key) {
    Attr a = db.schema().attr(Idents.IDEMPOTENCY_KEY);
    return a == null ? null : db.entityWith(a.id(), key);
  }

  /** The ids the tempids of the keyed transaction {@code tx} got. */
  public static Map<String, Long> tempids(DbValue db, long tx) {
    Attr a = db.schema().attr(Idents.TX_TEMPIDS);
    for (var d : db.currentDatoms(tx, a.id())) {
      @SuppressWarnings("unchecked")
      Map<String, Long> ids = (Map<String, Long>) Edn.read((String) d.v());
      return ids;
    }
    return Map.of();
  }

  /** The t of a refused retry, or -1 when {@code failure} is not one. */
  public static long committedT(Throwable failure) {
    if (failure instanceof Anomaly a
        && a.code().toString().equals(":" + ALREADY_COMMITTED)
        && a.data() != null
        && a.data().get(T) instanceof Long t) {
      return t;
    }
    return -1;
  }

  static void recordTempids(DbValue db, TxDatoms acc, Map<String, Long> tempids) {
    acc.add(
        "Transaction tempids", acc.tx(), db.schema().attr(Idents.TX_TEMPIDS), Edn.write(tempids));
  }
}
