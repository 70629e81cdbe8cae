package io.vertomic.storage.cass;

import io.vertomic.peer.RestartContractTest;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/** A database kept in Cassandra, read back by a restarted peer. */
class CassDatabaseTest extends RestartContractTest {
  @BeforeAll
  static void schema() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CassStorageTest.schema(vertx)
          .toCompletionStage()
          .toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Override
  protected String uri(String name) {
    return "vertomic:cass://" + CassStorageTest.SYSTEM + "/" + name;
  }
}
