package io.vertomic.storage.ddb;

import io.vertomic.peer.RestartContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** A database kept in DynamoDB (dynalite), read back by a restarted peer. */
@Tag("slow") // dynalite
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
