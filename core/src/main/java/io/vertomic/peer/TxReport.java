package io.vertomic.peer;

import io.vertomic.datom.Datom;
import java.util.List;
import java.util.Map;

/**
 * What a transaction did: the database before and after it, the datoms it asserted and retracted
 * (the transaction entity's own among them), and the entity id each string tempid resolved to.
 */
public record TxReport(
    Database dbBefore, Database dbAfter, List<Datom> txData, Map<String, Long> tempids) {

  /** The entity id {@code tempid} resolved to, or null. */
  public Long tempid(String tempid) {
    return tempids.get(tempid);
  }
}
