package io.vertomic.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a transaction (or a speculative {@link Db#with}) did: the database before and after, the
 * datoms it asserted and retracted (the transaction entity's own included), and the entity id each
 * string tempid of the tx data resolved to. Immutable; the list and map are unmodifiable copies.
 *
 * <pre>{@code
 * TxResult r = conn.transact("[{:db/id \"ivan\" :person/name \"Ivan\"}]").await();
 * long ivan = r.tempids().get("ivan");
 * r.dbAfter().pull("[*]", ivan);
 * }</pre>
 */
public record TxResult(Db dbBefore, Db dbAfter, List<Datom> txData, Map<String, Long> tempids) {
  public TxResult {
    Objects.requireNonNull(dbBefore, "dbBefore");
    Objects.requireNonNull(dbAfter, "dbAfter");
    txData = List.copyOf(txData);
    tempids = Map.copyOf(tempids);
  }
}
