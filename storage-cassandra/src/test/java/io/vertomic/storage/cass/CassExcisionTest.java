package io.vertomic.storage.cass;

import io.vertomic.peer.ExcisionContractTest;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/** Excision on the cass storage (the real Cassandra), its table read back raw. */
class CassExcisionTest extends ExcisionContractTest {
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

  @Override
  protected Storage storage() throws Exception {
    return get(new CassStorageProvider().open(vertx, StorageUri.parse(uri("x"))));
  }
}
