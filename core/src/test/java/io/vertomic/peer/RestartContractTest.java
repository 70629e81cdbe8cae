package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.edn.Edn;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database in a durable storage, written, indexed, written again, and read back by a restarted
 * peer: the same answer. Each storage backend's test extends it and says how its URIs look.
 */
public abstract class RestartContractTest {
  private final String uri = uri("people-" + UUID.randomUUID().toString().substring(0, 8));

  /** The URI of database {@code name} in the storage under test. */
  protected abstract String uri(String name);

  @AfterEach
  void cleanUp() {
    Peer.deleteDatabase(uri);
    Peer.shutdown();
  }

  @Test
  void aRestartedPeerFindsTheIndexAndTheLog() throws Exception {
    assertTrue(Peer.createDatabase(uri));
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one :db/unique :db.unique/identity}"
            + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality"
            + " :db.cardinality/one :db/index true}]");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 3000; i++) {
      b.append("{:person/name \"p").append(i).append("\" :person/age ").append(i % 70).append('}');
    }
    tx(c, b.append(']').toString());
    c.requestIndex().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    tx(c, "[[:db/add [:person/name \"p1\"] :person/age 99]]");
    String q = "[:find (count ?e) (max ?a) :where [?e :person/age ?a]]";
    String answer = Edn.write(Peer.q(q, c.db()));

    Peer.shutdown();

    assertEquals(answer, Edn.write(Peer.q(q, Peer.connect(uri).db())));
    assertEquals("[[3000 99]]", answer);
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
