package io.vertomic.storage.cass;

import io.vertomic.peer.RestartContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** A database kept in Cassandra, read back by a restarted peer. */
@Tag("slow") // Cassandra
class CassDatabaseTest extends RestartContractTest {
  @BeforeAll
  static void schema() throws Exception {
    CassStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return "vertomic:cass://" + CassStorageTest.SYSTEM + "/" + name;
  }
}
