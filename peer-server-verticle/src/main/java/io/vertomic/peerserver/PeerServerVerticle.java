package io.vertomic.peerserver;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.DecoderException;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.peer.Peer;
import io.vertomic.peer.impl.Catalog;
import io.vertomic.tx.Extensions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * The peer server (API.md section 5): serves every route of the HTTP API for the databases of one
 * storage, with the peer library in this process doing the reads and sending transactions to the
 * transactor. Configured by {@link PeerServerOptions}; prints {@code vertomic-peer-server listening
 * on http://HOST:PORT} once it answers.
 */
public final class PeerServerVerticle extends VerticleBase {
  private HttpServer server;
  private Admission admission;
  private AccessKeys accessKeys;
  private ServerLimits limits;
  private RequestDeadline deadline;

  @Override
  public Future<?> start() {
    PeerServerOptions o;
    Databases dbs;
    try {
      o = PeerServerOptions.from(config(), System.getenv(), System.getProperties());
      limits = ServerLimits.from(config(), System.getenv(), System.getProperties());
      dbs = new Databases(o.storage());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    MeterRegistry vertxMetrics = BackendRegistries.getDefaultNow();
    PrometheusMeterRegistry metrics =
        vertxMetrics instanceof PrometheusMeterRegistry p
            ? p
            : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // the peer library's meters (transactions, index jobs, storage, caches, queries) beside
    // Vert.x's
    Peer.configure(
        Peer.options().setDatabaseFunctions(o.databaseFunctions()).setMeterRegistry(metrics));
    admission = new Admission(vertx, o, metrics);
    accessKeys = new AccessKeys(vertx, o);
    deadline = new RequestDeadline(vertx, limits, metrics);
    Router router = routes(o, dbs, metrics);
    HttpServerOptions http =
        limits.apply(new HttpServerOptions().setHost(o.host()).setPort(o.port()), o.tls());
    if (o.tls()) {
      http.setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions().setCertPath(o.tlsCertPath()).setKeyPath(o.tlsKeyPath()));
    }
    // a storage that is down now may come up later: the server starts anyway, unhealthy
    return vertx
        .executeBlocking(() -> prepare(dbs, o))
        .compose(v -> accessKeys.start())
        .compose(
            v ->
                vertx
                    .createHttpServer(http)
                    .connectionHandler(deadline::opened)
                    .invalidRequestHandler(req -> InvalidRequests.answer(req, limits))
                    .requestHandler(router)
                    .listen())
        .onSuccess(
            s -> {
              server = s;
              System.out.println(
                  "vertomic-peer-server listening on "
                      + (o.tls() ? "https" : "http")
                      + "://"
                      + o.host()
                      + ":"
                      + s.actualPort());
            });
  }

  private static Void prepare(Databases dbs, PeerServerOptions o) {
    Extensions.loadJars(o.classpath());
    try {
      Catalog.instance().prepare(dbs.storageUri());
    } catch (RuntimeException e) {
      System.out.println("vertomic-peer-server storage not ready: " + e.getMessage());
    }
    return null;
  }

  /** The port this server listens on (0 before it started); for tests that ask for any port. */
  public int port() {
    return server == null ? 0 : server.actualPort();
  }

  @Override
  public Future<?> stop() {
    if (admission != null) {
      admission.close();
    }
    if (accessKeys != null) {
      accessKeys.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  private Router routes(PeerServerOptions o, Databases dbs, PrometheusMeterRegistry metrics) {
    Router r = Router.router(vertx);
    r.route().handler(deadline::received);
    DatabasesHandler databases = new DatabasesHandler(dbs, o);
    TransactHandler tx = new TransactHandler(dbs, admission, o);
    QueryHandler query = new QueryHandler(dbs, admission, o, limits);
    PullHandler pull = new PullHandler(dbs, admission, o);
    DatomsHandler datoms = new DatomsHandler(dbs, admission, o);
    TxRangeHandler txRange = new TxRangeHandler(dbs, admission, o);
    IndexPullHandler indexPull = new IndexPullHandler(dbs, admission, o);

    r.get("/health").handler(guard(new HealthHandler(dbs)::health));
    r.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    r.route("/api/*").handler(accessKeys::handle);
    r.route("/api/*").handler(new StreamQuota(limits.maxStreamsPerClient())::admit);
    r.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(o.maxBodyBytes()));
    RouteRights.install(r); // every /api route below needs its line there
    r.get("/api/databases").handler(guard(databases::list));
    r.post("/api/databases").handler(guard(databases::create));
    r.get("/api/databases/:db").handler(guard(databases::describe));
    r.delete("/api/databases/:db").handler(guard(databases::delete));
    r.post("/api/databases/:db/transact").handler(guard(tx::transact));
    r.post("/api/databases/:db/with").handler(guard(tx::with));
    r.post("/api/databases/:db/query").handler(guard(query::query));
    r.post("/api/databases/:db/pull").handler(guard(pull::pull));
    r.post("/api/databases/:db/datoms").handler(guard(datoms::datoms));
    r.post("/api/databases/:db/index-range").handler(guard(datoms::indexRange));
    r.post("/api/databases/:db/tx-range").handler(guard(txRange::txRange));
    r.post("/api/databases/:db/index-pull").handler(guard(indexPull::indexPull));

    r.route().failureHandler(ctx -> Failures.answer(ctx, failure(ctx, o)));
    r.errorHandler(
        404,
        ctx ->
            Failures.answer(
                ctx,
                Anomaly.notFound(
                    "vertomic.error/no-route",
                    "No route " + ctx.request().method() + " " + ctx.request().path())));
    r.errorHandler(
        400,
        ctx ->
            Failures.answer(
                ctx,
                Anomaly.incorrect(
                    "vertomic.error/bad-request",
                    "Malformed request"
                        + (ctx.failure() == null ? "" : ": " + ctx.failure().getMessage()))));
    r.errorHandler(
        405,
        ctx ->
            Failures.answer(
                ctx,
                Anomaly.incorrect(
                    Failures.METHOD_NOT_ALLOWED,
                    "Method "
                        + ctx.request().method()
                        + " is not allowed on "
                        + ctx.request().path())));
    return r;
  }

  /** A handler whose synchronous failures (bad fields) become answers too. */
  private static Handler<RoutingContext> guard(Handler<RoutingContext> h) {
    return ctx -> {
      try {
        h.handle(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
      }
    };
  }

  private static Throwable failure(RoutingContext ctx, PeerServerOptions o) {
    // the HTTP decoder gave up on a body (a chunk line thousands of bytes long): the client's error
    if (ctx.failure() instanceof DecoderException d) {
      return Anomaly.incorrect(
          "vertomic.error/bad-request", "Malformed HTTP request body: " + d.getMessage());
    }
    if (ctx.failure() != null) {
      return ctx.failure();
    }
    if (ctx.statusCode() == 413) {
      return Anomaly.incorrect(
          Failures.BODY_TOO_LARGE,
          "The request body is over the limit of " + o.maxBodyBytes() + " bytes");
    }
    return Anomaly.incorrect(
        "vertomic.error/bad-request", "Bad request (HTTP " + ctx.statusCode() + ")");
  }
}
