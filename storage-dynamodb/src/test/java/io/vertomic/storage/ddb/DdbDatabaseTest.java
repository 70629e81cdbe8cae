package io.vertomic.storage.ddb;

import io.vertomic.peer.RestartContractTest;
import org.junit.jupiter.api.BeforeAll;

/** A database kept in DynamoDB (dynalite), read back by a restarted peer. */
class DdbDatabaseTest extends RestartContractTest {
  @BeforeAll
  static void schema() throws Exception {
    DdbStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return DdbStorageTest.uri(name);
  }
}
