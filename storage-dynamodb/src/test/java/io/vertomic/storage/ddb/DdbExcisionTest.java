package io.vertomic.storage.ddb;

import io.vertomic.peer.ExcisionContractTest;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Excision on the ddb storage (dynalite), its table read back raw. */
@Tag("slow") // dynalite
class DdbExcisionTest extends ExcisionContractTest {
  @BeforeAll
  static void schema() throws Exception {
    DdbStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return DdbStorageTest.uri(name);
  }

  @Override
  protected Storage storage() throws Exception {
    return get(new DdbStorageProvider().open(vertx, StorageUri.parse(uri("x"))));
  }
}
