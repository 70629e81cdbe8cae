package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertomic.peer.Database;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /api/databases/{db}/pull}: the pull API on the read view. A lookup ref that names no
 * entity is {@code not-found} (API.md section 6), where the in-process peer gives an empty map.
 */
final class PullHandler {
  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;

  PullHandler(Databases dbs, Admission admission, PeerServerOptions options) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
  }

  void pull(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Fields f = Fields.of(ctx);
    Object selector = f.requiredEdn("selector");
    Object eid = f.requiredEdn("eid");
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              Database db = DbView.of(dbs.connect(name), f, options.queryTimeoutMillis());
              if (eid instanceof List<?> ref && db.entid(ref) == null) {
                throw Anomaly.notFound(
                    "db.error/entity-not-found", "No entity for lookup ref " + Edn.write(ref));
              }
              return db.pull(selector, eid);
            }),
        pulled -> Answers.send(ctx, 200, pulled));
  }
}
