package io.vertomic.peer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.cluster.bus.Addresses;
import io.vertomic.cluster.bus.AnomalyMessages;
import io.vertomic.cluster.bus.Lease;
import io.vertomic.cluster.bus.TransactorSecret;
import io.vertomic.cluster.bus.TxReply;
import io.vertomic.cluster.bus.TxRequest;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transactor's endpoint serves only the requests that carry the secret of the lease it holds:
 * one without it, or with another, is refused {@code forbidden} and changes nothing. In one
 * process, on a local event bus and the dev storage.
 */
class TransactorEndpointSecretTest {
  private static final String SYSTEM = "vertomic:dev://127.0.0.1:4338/*";

  @TempDir Path dir;
  private final String name = "secret-" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx vertx;
  private TransactorEndpoint endpoint;
  private Lease lease;

  @BeforeEach
  void activeTransactor() throws Exception {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    assertTrue(Peer.createDatabase(SYSTEM.replace("*", name)));
    vertx = Vertx.vertx();
    endpoint = TransactorEndpoint.create(vertx, SYSTEM);
    lease = Lease.takeOver(null, "owner-" + UUID.randomUUID(), System.currentTimeMillis() + 60_000);
    await(endpoint.serve(lease.address()));
    endpoint.activate(lease);
    transact(
        lease.secret(),
        "[{:db/ident :n/v :db/valueType :db.type/long" + " :db/cardinality :db.cardinality/one}]");
  }

  @AfterEach
  void stop() throws Exception {
    await(endpoint.stop());
    await(vertx.close());
    Peer.shutdown();
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
  }

  @Test
  void aTransactionWithTheSecretOfTheLeaseIsApplied() throws Exception {
    long before = basisT();
    TxReply reply = transact(lease.secret(), "[{:n/v 1}]");
    assertEquals(before + 1, reply.t());
    assertEquals(before + 1, basisT());
  }

  @Test
  void aTransactionWithoutTheSecretIsForbiddenAndChangesNothing() throws Exception {
    long before = basisT();
    Anomaly a = refused(() -> transact(null, "[{:n/v 1}]"));
    assertEquals(Category.FORBIDDEN, a.category());
    assertTrue(AnomalyMessages.wrongSecret(a), a.code().toString());
    assertEquals(
        "Request to the transactor without the storage secret of epoch 1: only a process that"
            + " reads the transactor's lease in storage may send it requests",
        a.getMessage());
    assertEquals(before, basisT());
  }

  @Test
  void aTransactionWithAMadeUpSecretIsForbiddenAndChangesNothing() throws Exception {
    long before = basisT();
    String madeUp = TransactorSecret.fresh();
    Anomaly a = refused(() -> transact(madeUp, "[{:n/v 1}]"));
    assertEquals(Category.FORBIDDEN, a.category());
    assertFalse(a.getMessage().contains(madeUp) || a.getMessage().contains(lease.secret()));
    assertEquals(before, basisT());
  }

  @ParameterizedTest
  @ValueSource(strings = {"index", "gc", "rename"})
  void everyOtherRequestWithoutTheSecretIsForbidden(String kind) throws Exception {
    UnaryOperator<String> at =
        switch (kind) {
          case "index" -> Addresses::index;
          case "gc" -> Addresses::gc;
          default -> Addresses::rename;
        };
    JsonObject body =
        new JsonObject().put("db", name).put("olderThan", 0L).put("to", name + "-renamed");
    Anomaly a = refused(() -> await(request(at.apply(lease.address()), body, null)));
    assertEquals(Category.FORBIDDEN, a.category());
    assertEquals(List.of(name), Peer.getDatabaseNames(SYSTEM), "not renamed");
  }

  @Test
  void aTakeoverMakesTheSecretOfTheEpochBeforeForbidden() throws Exception {
    Lease next = Lease.takeOver(lease, "owner-" + UUID.randomUUID(), lease.expiresAtMillis());
    endpoint.deactivate();
    endpoint.activate(next);
    long before = basisT();
    Anomaly a = refused(() -> transact(lease.secret(), "[{:n/v 1}]"));
    assertEquals(Category.FORBIDDEN, a.category());
    assertTrue(a.getMessage().contains("epoch 2"), a.getMessage());
    assertEquals(before, basisT());
    assertEquals(before + 1, transact(next.secret(), "[{:n/v 2}]").t());
  }

  private TxReply transact(String secret, String edn) throws Exception {
    Buffer body = new TxRequest(name, null, List.<Object>of(edn), 10_000).toBuffer();
    Buffer answer = await(request(lease.address(), body, secret));
    Object outcome = TxReply.outcomes(answer).get(0);
    if (outcome instanceof Anomaly a) {
      throw a;
    }
    return (TxReply) outcome;
  }

  private <T> Future<T> request(String address, Object body, String secret) {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
    if (secret != null) {
      o.addHeader(TransactorSecret.HEADER, secret);
    }
    return vertx.eventBus().<T>request(address, body, o).map(m -> m.body());
  }

  private long basisT() {
    return Peer.connect(SYSTEM.replace("*", name)).db().basisT();
  }

  private interface Call {
    void run() throws Exception;
  }

  private static Anomaly refused(Call c) {
    ExecutionException e = assertThrows(ExecutionException.class, c::run);
    return AnomalyMessages.from(e.getCause(), "the test's request");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
