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
    long offset = f.number("offset", 0, 0);
    long limit = f.number("limit", 0, Long.MAX_VALUE);
    int chunk = (int) Math.min(f.number("chunk", 1, 1000), 100_000);
    String stream = Answers.streamFormat(ctx);
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              Iterator<LogEntry> it = dbs.connect(name).log().txRange(start, end).iterator();
              Iterator<LogEntry> page = Paging.window(it, offset, limit);
              if (stream != null) {
                return (Iterator<?>) mapped(page);
              }
              List<Object> all = new ArrayList<>();
              page.forEachRemaining(e -> all.add(tx(e)));
              return (Iterator<?>) all.iterator();
            }),
        it -> {
          if (stream != null) {
            ChunkStream.send(ctx, stream, it, chunk);
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
