package io.vertomic.peerserver;

import io.vertomic.peer.TxReport;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/databases/{db}/transact} and {@code .../with}: a transaction sent to the
 * database's writer (the transactor), or applied speculatively to the read view; both with the
 * access key's id on the transaction entity ({@link Audit}).
 */
final class TransactHandler {
  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;

  TransactHandler(Databases dbs, Admission admission, PeerServerOptions options) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
  }

  void transact(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    List<Object> txData = txData(ctx, Fields.of(ctx));
    Routes.respond(
        ctx,
        admission.transaction(
            () -> Routes.blocking(ctx, () -> dbs.connect(name)).compose(c -> c.transact(txData))),
        report -> Answers.send(ctx, 200, answer(report)));
  }

  void with(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Fields f = Fields.of(ctx);
    List<Object> txData = txData(ctx, f);
    Routes.respond(
        ctx,
        admission.read(
            () -> DbView.of(dbs.connect(name), f, options.queryTimeoutMillis()).with(txData)),
        report -> Answers.send(ctx, 200, answer(report)));
  }

  // an EDN error names the field here, before anything is sent
  private static List<Object> txData(RoutingContext ctx, Fields f) {
    return Audit.stamped(f.requiredEdn("tx-data"), AccessKey.of(ctx));
  }

  static Map<String, Object> answer(TxReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("t-before", r.dbBefore().basisT());
    out.put("t-after", r.dbAfter().basisT());
    out.put("tx-data", r.txData());
    out.put("tempids", r.tempids());
    return out;
  }
}
