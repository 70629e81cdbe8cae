package io.vertomic.peerserver;

import io.vertomic.edn.Keyword;
import io.vertomic.peer.Database;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/databases/{db}/index-pull}: Datomic's {@code index-pull} on the read view
 * ({@code Database.indexPull}), paged by {@code offset}/{@code limit}, whole ({@code {"pulled":
 * [...]}}) or streamed lazily in chunks: a stream walks the index and pulls as the client reads.
 */
final class IndexPullHandler {
  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;

  IndexPullHandler(Databases dbs, Admission admission, PeerServerOptions options) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
  }

  void indexPull(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Fields f = Fields.of(ctx);
    Map<Keyword, Object> args = new LinkedHashMap<>();
    args.put(Keyword.of("index"), f.requiredString("index"));
    args.put(Keyword.of("selector"), f.requiredEdn("selector"));
    args.put(Keyword.of("start"), f.ednVector("start"));
    args.put(Keyword.of("reverse"), f.flag("reverse"));
    Paging paging = Paging.of(f, ctx);
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              Database db = DbView.of(dbs.connect(name), f, options.queryTimeoutMillis());
              Iterator<Map<Keyword, Object>> it = db.indexPull(args).iterator();
              return paging.window(it);
            }),
        it -> {
          if (paging.stream() != null) {
            ChunkStream.send(ctx, paging.stream(), it, paging.chunk());
            return;
          }
          Routes.respond(
              ctx,
              admission.read(() -> Paging.drain(it, options.maxResultRows(), "pulled entities")),
              all -> Answers.send(ctx, 200, Map.of("pulled", all)));
        });
  }
}
