package io.vertomic.peerserver;

import io.vertomic.datom.Datom;
import io.vertomic.peer.Database;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /api/databases/{db}/datoms} and {@code .../index-range}: raw index access, paged by
 * {@code offset}/{@code limit}, whole or streamed lazily in chunks (a stream reads the index as the
 * client reads the answer).
 */
final class DatomsHandler {
  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;

  DatomsHandler(Databases dbs, Admission admission, PeerServerOptions options) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
  }

  void datoms(RoutingContext ctx) {
    Fields f = Fields.of(ctx);
    String index = f.requiredString("index");
    Object[] components = f.ednVector("components").toArray();
    answer(ctx, f, db -> db.datoms(index, components));
  }

  void indexRange(RoutingContext ctx) {
    Fields f = Fields.of(ctx);
    Object attr = f.requiredEdn("attrid");
    Object start = f.edn("start");
    Object end = f.edn("end");
    answer(ctx, f, db -> db.indexRange(attr, start, end));
  }

  private void answer(RoutingContext ctx, Fields f, Function<Database, Iterable<Datom>> scan) {
    String name = ctx.pathParam("db");
    Paging paging = Paging.of(f, ctx);
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              Iterator<Datom> it =
                  scan.apply(DbView.of(dbs.connect(name), f, options.queryTimeoutMillis()))
                      .iterator();
              return paging.window(it);
            }),
        it -> {
          if (paging.stream() != null) {
            ChunkStream.send(ctx, paging.stream(), it, paging.chunk());
            return;
          }
          Routes.respond(
              ctx,
              admission.read(() -> Paging.drain(it, options.maxResultRows(), "datoms")),
              all -> Answers.send(ctx, 200, Map.of("datoms", all)));
        });
  }
}
