package io.vertomic.storage.cass;

import io.vertomic.peer.RenameContractTest;
import org.junit.jupiter.api.BeforeAll;

/** Renames of databases kept in Cassandra. */
class CassRenameTest extends RenameContractTest {
  @BeforeAll
  static void schema() throws Exception {
    CassStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return "vertomic:cass://" + CassStorageTest.SYSTEM + "/" + name;
  }
}
