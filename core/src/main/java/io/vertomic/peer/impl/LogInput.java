package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.db.QueryLog;
import io.vertomic.db.Resolver;
import io.vertomic.peer.Log;
import io.vertomic.peer.LogEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A {@link Log} given to a query, as the engine's {@link QueryLog}: Datomic's log in queries. */
record LogInput(Log log) implements QueryLog {

  @Override
  public List<Long> txIds(Object start, Object end) {
    List<Long> out = new ArrayList<>();
    for (LogEntry e : log.txRange(start, end)) {
      out.add(EntityId.tToTx(e.t()));
    }
    return out;
  }

  @Override
  public List<Datom> txData(Object tx) {
    if (!(tx instanceof Number n) || tx instanceof Double || tx instanceof Float) {
      throw Anomaly.incorrect(
          "db.error/invalid-t", "tx-data needs a t or tx id, got " + Resolver.describe(tx));
    }
    long t = EntityId.txToT(n.longValue());
    Iterator<LogEntry> it = log.txRange(t, t + 1).iterator();
    return it.hasNext() ? it.next().data() : List.of();
  }
}
