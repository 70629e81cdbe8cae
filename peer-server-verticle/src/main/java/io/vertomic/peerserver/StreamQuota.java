package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@link ServerLimits#maxStreamsPerClient()} chunk streams open at once per client, told
 * apart by remote address (every client shares one access key): a request asking for a stream past
 * that is refused {@code busy} before any work, so one client cannot hold every reader thread and
 * socket buffer with streams it reads slowly. A stream's slot is free again when its answer ends or
 * its connection closes. Thread-safe.
 */
final class StreamQuota {
  private final int max;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  StreamQuota(int max) {
    this.max = max;
  }

  /** A route handler: passes a request that asks for no stream or has a slot, refuses the rest. */
  void admit(RoutingContext ctx) {
    if (Answers.streamFormat(ctx) == null) {
      ctx.next();
      return;
    }
    SocketAddress remote = ctx.request().remoteAddress();
    String client = remote == null || remote.host() == null ? "unknown" : remote.host();
    if (open.merge(client, 1, Integer::sum) > max) {
      release(client);
      ctx.fail(
          new Anomaly(
              Category.BUSY,
              Keyword.of("vertomic.error/too-many-streams"),
              "The peer server has "
                  + max
                  + " streams open for client "
                  + client
                  + ": end one, or try again later",
              null));
      return;
    }
    ctx.addEndHandler(ar -> release(client));
    ctx.next();
  }

  /** Streams open now for {@code client}; for tests. */
  int open(String client) {
    return open.getOrDefault(client, 0);
  }

  private void release(String client) {
    open.computeIfPresent(client, (k, n) -> n == 1 ? null : n - 1);
  }
}
