package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.query.parse.FindSpec;
import io.vertomic.query.parse.QueryParser;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/databases/{db}/query}: a Datalog query over the connection's database (the only
 * database a client query sees), with the non-database inputs from {@code args}, paged by {@code
 * offset}/{@code limit}, whole or streamed in chunks.
 */
final class QueryHandler {
  private static final Keyword QUERY = Keyword.of("query");
  private static final Keyword ARGS = Keyword.of("args");
  private static final Keyword TIMEOUT = Keyword.of("timeout");
  private static final Keyword ROW_LIMIT = Keyword.of("row-limit");

  private final Databases dbs;
  private final Admission admission;
  private final PeerServerOptions options;
  private final ServerLimits limits;

  QueryHandler(Databases dbs, Admission admission, PeerServerOptions options, ServerLimits limits) {
    this.dbs = dbs;
    this.admission = admission;
    this.options = options;
    this.limits = limits;
  }

  /**
   * A query's answer: the basis of the database it ran on and the result, which is a collection of
   * rows ({@code many}: a relation or a collection find spec) or one tuple or value.
   */
  private record Answer(long basisT, Object result, boolean many) {
    Collection<?> rows() {
      return many ? (Collection<?>) result : result == null ? List.of() : List.of(result);
    }
  }

  void query(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Fields f = Fields.of(ctx);
    Object query = f.requiredEdn("query");
    List<?> args = f.ednVector("args");
    long timeout = f.number("timeout-ms", 1, options.queryTimeoutMillis());
    Paging paging = Paging.of(f, ctx);
    Routes.respond(
        ctx,
        admission.read(
            () -> {
              FindSpec find = QueryParser.parse(query).find();
              Database db = DbView.of(dbs.connect(name), f, timeout);
              List<Object> inputs = new ArrayList<>();
              inputs.add(db);
              inputs.addAll(args);
              Map<Keyword, Object> request = new LinkedHashMap<>();
              request.put(QUERY, query);
              request.put(ARGS, inputs);
              request.put(TIMEOUT, timeout);
              request.put(ROW_LIMIT, limits.maxIntermediateRows());
              boolean many =
                  !(find instanceof FindSpec.FindTuple || find instanceof FindSpec.FindScalar);
              Object result = Peer.query(request);
              return new Answer(db.basisT(), many ? page(result, paging) : result, many);
            }),
        a -> {
          if (paging.stream() != null) {
            ChunkStream.send(ctx, paging.stream(), a.rows().iterator(), paging.chunk());
            return;
          }
          if (a.many() && a.rows().size() > options.maxResultRows()) {
            throw Anomaly.incorrect(
                "vertomic.error/result-too-large",
                "The result has "
                    + a.rows().size()
                    + " rows, more than "
                    + options.maxResultRows()
                    + ": page it with offset and limit, or stream it with Accept: "
                    + Answers.NDJSON);
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("basis-t", a.basisT());
          out.put("result", a.result());
          Answers.send(ctx, 200, out);
        });
  }

  /**
   * A relation or collection paged by offset and limit, as a list: its order is the order pages and
   * chunks follow, and MessagePack writes it as an array of rows, not as a set.
   */
  private static List<?> page(Object result, Paging paging) {
    return ((Collection<?>) result).stream().skip(paging.offset()).limit(paging.limit()).toList();
  }
}
