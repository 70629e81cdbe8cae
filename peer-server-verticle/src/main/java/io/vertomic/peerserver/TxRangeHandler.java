package io.vertomic.peerserver;

import io.vertomic.peer.LogEntry;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/databases/{db}/tx-range}: the log's transactions with {@code start <= t < end},
 * paged by {@code offset}/{@code limit}, whole or streamed in chunks.
 */
final class TxRangeHandler {
  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;

  TxRangeHandler(Databases dbs, Admission admission, PeerServerOptions options) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
  }

  void txRange(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Fields f = Fields.of(ctx);
    Long start = f.number("start");
    Long end = f.number("end");
    Paging paging = Paging.of(f, ctx);
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              Iterator<LogEntry> it = dbs.connect(name).log().txRange(start, end).iterator();
              Iterator<Object> page = mapped(paging.window(it));
              if (paging.stream() != null) {
                return page;
              }
              return Paging.drain(page, options.maxResultRows(), "transactions").iterator();
            }),
        it -> {
          if (paging.stream() != null) {
            ChunkStream.send(ctx, paging.stream(), it, paging.chunk());
            return;
          }
          List<Object> all = new ArrayList<>();
          it.forEachRemaining(all::add);
          Answers.send(ctx, 200, Map.of("txs", all));
        });
  }

  private static Iterator<Object> mapped(Iterator<LogEntry> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object next() {
        return tx(it.next());
      }
    };
  }

  private static Map<String, Object> tx(LogEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", e.t());
    m.put("data", e.data());
    return m;
  }
}
