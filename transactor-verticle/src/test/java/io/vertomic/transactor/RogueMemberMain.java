package io.vertomic.transactor;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.cluster.ClusterOptions;
import io.vertomic.cluster.ClusteredVertx;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.TransactorSecret;
import io.vertomic.cluster.bus.TxRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A member of the transactor's cluster that cannot read its storage: it is given only the
 * transactor's event-bus address ({@code args[0]}) and a database name ({@code args[1]}), joins the
 * cluster named by {@code vertomic.cluster.name}, and sends the transactor what a peer would, made
 * by hand: a transaction without the secret, one with a made-up secret, an index request and a
 * rename without it. Prints {@code joined}, then {@code KIND refused CATEGORY CODE} or {@code KIND
 * accepted} for each, then {@code done}, and exits. Given the lease's secret in the environment
 * variable {@value #SECRET} (a rogue that could read storage), it sends only a transaction with
 * that secret, as {@code transact-with-secret}.
 */
public final class RogueMemberMain {
  static final String SECRET = "ROGUE_SECRET";

  public static void main(String[] args) throws Exception {
    String address = args[0];
    String db = args[1];
    Vertx vertx = await(ClusteredVertx.start(new VertxOptions(), ClusterOptions.fromProcess()));
    System.out.println("joined");
    Buffer tx =
        new TxRequest(db, null, List.<Object>of("[{:db/ident :rogue/was-here}]"), 10_000)
            .toBuffer();
    String secret = System.getenv(SECRET);
    if (secret != null) {
      send(vertx, "transact-with-secret", address, tx, secret);
      System.out.println("done");
      System.exit(0);
    }
    send(vertx, "transact", address, tx, null);
    send(vertx, "transact-made-up-secret", address, tx, TransactorSecret.fresh());
    send(vertx, "index", Addresses.index(address), new JsonObject().put("db", db), null);
    send(
        vertx,
        "rename",
        Addresses.rename(address),
        new JsonObject().put("db", db).put("to", db + "-stolen"),
        null);
    System.out.println("done");
    System.exit(0);
  }

  private static void send(Vertx vertx, String kind, String to, Object body, String secret)
      throws Exception {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
    if (secret != null) {
      o.addHeader(TransactorSecret.HEADER, secret);
    }
    try {
      await(vertx.eventBus().request(to, body, o));
      System.out.println(kind + " accepted");
    } catch (java.util.concurrent.ExecutionException e) {
      Anomaly a = AnomalyMessages.from(e.getCause(), kind);
      System.out.println(kind + " refused " + a.category().name() + " " + a.code());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
