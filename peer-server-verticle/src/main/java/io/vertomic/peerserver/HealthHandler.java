package io.vertomic.peerserver;

import io.vertomic.peer.impl.Catalog;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health}: 200 when the storage answers and a transactor holds an unexpired lease on it
 * (a {@code mem} storage is always healthy), else 503 with what is wrong. No credentials: load
 * balancers and supervisors ask it.
 */
final class HealthHandler {
  private final Databases dbs;

  HealthHandler(Databases dbs) {
    this.dbs = dbs;
  }

  void health(RoutingContext ctx) {
    Routes.respond(
        ctx,
        Routes.blocking(
            ctx, () -> Optional.ofNullable(Catalog.instance().storageProblem(dbs.storageUri()))),
        problem ->
            Answers.send(
                ctx,
                problem.isEmpty() ? 200 : 503,
                problem.isEmpty()
                    ? Map.of("status", "UP")
                    : Map.of("status", "DOWN", "message", problem.get())));
  }
}
