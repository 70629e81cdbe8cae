package io.vertomic.storage.cass;

import io.vertomic.peer.RenameContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Renames of databases kept in Cassandra. */
@Tag("slow") // Cassandra
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
