package io.vertomic.peerserver;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * The right each {@code /api} route needs, and the database it needs it on (docs/security.md):
 * checked against the request's {@link AccessKey} before the route's handler runs; a key lacking it
 * is {@code forbidden}, 403, naming the right. Listing databases needs {@code read} and lists only
 * those the key may touch ({@link DatabasesHandler#list}).
 *
 * <p>Every route of {@link PeerServerVerticle} under {@code /api} has a line here.
 */
final class RouteRights {
  private RouteRights() {}

  /** A route, the right it needs, and where its database's name is (null: it names none). */
  record Rule(HttpMethod method, String path, Right right, Function<RoutingContext, String> db) {}

  private static final Function<RoutingContext, String> NONE = ctx -> null;
  private static final Function<RoutingContext, String> PATH = ctx -> ctx.pathParam("db");

  static final List<Rule> RULES =
      List.of(
          new Rule(HttpMethod.GET, "/api/databases", Right.READ, NONE),
          new Rule(HttpMethod.POST, "/api/databases", Right.ADMIN, RouteRights::nameInBody),
          new Rule(HttpMethod.GET, "/api/databases/:db", Right.READ, PATH),
          new Rule(HttpMethod.DELETE, "/api/databases/:db", Right.ADMIN, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/transact", Right.WRITE, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/with", Right.WRITE, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/query", Right.READ, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/pull", Right.READ, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/datoms", Right.READ, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/index-range", Right.READ, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/tx-range", Right.READ, PATH),
          new Rule(HttpMethod.POST, "/api/databases/:db/index-pull", Right.READ, PATH));

  /** Adds the checks to {@code router}: after authentication and the body, before the routes. */
  static void install(Router router) {
    for (Rule rule : RULES) {
      router
          .route(rule.method(), rule.path())
          .handler(
              ctx -> {
                try {
                  AccessKey.of(ctx).require(rule.right(), rule.db().apply(ctx));
                } catch (RuntimeException e) {
                  ctx.fail(e);
                  return;
                }
                ctx.next();
              });
    }
  }

  // a malformed body names no database: the route's handler then answers what is wrong with it
  private static String nameInBody(RoutingContext ctx) {
    try {
      return Fields.of(ctx).string("name");
    } catch (RuntimeException e) {
      return null;
    }
  }
}
