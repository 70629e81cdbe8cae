package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audited writes (docs/security.md): every transaction that comes through the peer server, and
 * every {@code with}, says on its transaction entity which access key sent it, {@code [:db/add
 * "datomic.tx" :vertomic.tx/access-key "ID"]}, so the log tells who wrote what. Clients never name
 * that attribute themselves: tx data that does is {@code forbidden}, so no key can pass for
 * another.
 */
final class Audit {
  private static final Set<Object> LIST_OPS =
      Set.of(Idents.ADD, Idents.RETRACT, Idents.CAS, Idents.FN_CAS);

  private Audit() {}

  /**
   * {@code txData} (a tx-data vector, as read from its field) with the audit datom of {@code key}
   * added; fails {@code forbidden} when the client names the audit attribute anywhere.
   */
  static List<Object> stamped(Object txData, AccessKey key) {
    if (!(txData instanceof List<?> forms)) {
      throw Anomaly.incorrect(
          "vertomic.error/bad-request",
          "Field \"tx-data\" must be an EDN vector of list and map forms");
    }
    refuseForged(forms);
    List<Object> out = new ArrayList<>(forms.size() + 1);
    out.addAll(forms);
    out.add(List.of(Idents.ADD, Idents.TX_TEMPID, Idents.TX_ACCESS_KEY, key.id()));
    return out;
  }

  // nested maps (components, refs) and lists (tx function arguments) are searched too: whatever
  // reaches the transaction may not set the attribute
  private static void refuseForged(Object form) {
    if (form instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (isAuditAttribute(e.getKey())) {
          throw forged();
        }
        refuseForged(e.getValue());
      }
    } else if (form instanceof List<?> l) {
      if (l.size() > 2 && LIST_OPS.contains(l.get(0)) && isAuditAttribute(l.get(2))) {
        throw forged();
      }
      l.forEach(Audit::refuseForged);
    }
  }

  private static boolean isAuditAttribute(Object a) {
    return Idents.TX_ACCESS_KEY.equals(a) || (a instanceof Long id && id == Bootstrap.ACCESS_KEY);
  }

  private static Anomaly forged() {
    return Anomaly.forbidden(
        "vertomic.error/audit-attribute",
        "Tx data may not name "
            + Idents.TX_ACCESS_KEY
            + ": the peer server sets it to the access key the transaction came with");
  }
}
