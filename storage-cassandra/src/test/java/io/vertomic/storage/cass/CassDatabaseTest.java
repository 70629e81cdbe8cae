package io.vertomic.storage.cass;

import io.vertomic.peer.RestartContractTest;
import org.junit.jupiter.api.BeforeAll;

/** A database kept in Cassandra, read back by a restarted peer. */
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
