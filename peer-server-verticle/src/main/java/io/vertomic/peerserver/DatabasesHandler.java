package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET/POST /api/databases}, {@code GET/DELETE /api/databases/{db}}: list, create, delete,
 * and describe a database (optionally once the peer has {@code sync-t}).
 */
final class DatabasesHandler {
  private final Databases dbs;
  private final PeerServerOptions options;

  DatabasesHandler(Databases dbs, PeerServerOptions options) {
    this.dbs = dbs;
    this.options = options;
  }

  void list(RoutingContext ctx) {
    AccessKey key = AccessKey.of(ctx);
    Routes.respond(
        ctx,
        Routes.blocking(ctx, () -> dbs.names().stream().filter(key::mayTouch).toList()),
        names -> Answers.send(ctx, 200, Map.of("databases", names)));
  }

  void create(RoutingContext ctx) {
    String name = Fields.of(ctx).requiredString("name");
    Routes.respond(
        ctx,
        Routes.blocking(ctx, () -> dbs.create(name)),
        created -> Answers.send(ctx, created ? 201 : 200, Map.of("created", created)));
  }

  void delete(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    Routes.respond(
        ctx,
        Routes.blocking(
            ctx,
            () -> {
              if (!dbs.delete(name)) {
                throw Anomaly.notFound("db.error/db-not-found", "No database named '" + name + "'");
              }
              return true;
            }),
        deleted -> Answers.send(ctx, 200, Map.of("deleted", true)));
  }

  void describe(RoutingContext ctx) {
    String name = ctx.pathParam("db");
    String syncParam = ctx.request().getParam("sync-t");
    Long syncT = Routes.longParam("sync-t", syncParam);
    Routes.respond(
        ctx,
        Routes.blocking(
            ctx,
            () -> {
              Connection c = dbs.connect(name);
              Database db =
                  syncT == null ? c.db() : DbView.await(c, syncT, options.queryTimeoutMillis());
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("db-name", name);
              out.put("basis-t", db.basisT());
              out.put("datoms", db.datomCount());
              out.put("next-t", db.nextT());
              out.put("db-stats", stats(db.dbStats()));
              return out;
            }),
        out -> Answers.send(ctx, 200, out));
  }

  /**
   * Datomic's {@code db-stats} in JSON's terms: {@code {"datoms": n, "attrs": {":ns/name":
   * {"count": n}}}} (attribute idents as the ":ns/name" strings every answer writes).
   */
  private static Map<String, Object> stats(Map<Keyword, Object> stats) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    ((Map<?, ?>) stats.get(Keyword.of("attrs")))
        .forEach(
            (attr, count) ->
                attrs.put(
                    String.valueOf(attr),
                    Map.of("count", ((Map<?, ?>) count).get(Keyword.of("count")))));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("datoms", stats.get(Keyword.of("datoms")));
    out.put("attrs", attrs);
    return out;
  }
}
