package io.vertomic.storage.cass;

import io.vertomic.peer.ExcisionContractTest;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Excision on the cass storage (the real Cassandra), its table read back raw. */
@Tag("slow") // Cassandra
class CassExcisionTest extends ExcisionContractTest {
  @BeforeAll
  static void schema() throws Exception {
    CassStorageTest.installSchema();
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
