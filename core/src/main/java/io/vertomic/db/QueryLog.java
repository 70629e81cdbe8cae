package io.vertomic.db;

import io.vertomic.datom.Datom;
import java.util.List;

/**
 * A database's transaction log as a query sees it: the value a {@code Log} input becomes, read by
 * Datomic's {@code tx-ids} and {@code tx-data} query functions. The peer wraps its {@code Log} in
 * one, so the query engine never sees the peer API.
 */
public interface QueryLog {

  /**
   * The tx ids of the transactions with {@code start <= t < end}, in order; a bound is a t, a tx
   * id, a {@code java.util.Date} or null (open).
   */
  List<Long> txIds(Object start, Object end);

  /** The datoms of the transaction {@code tx} (a t or a tx id); empty when there is none. */
  List<Datom> txData(Object tx);
}
