package io.vertomic.storage.ddb;

import io.vertomic.peer.RenameContractTest;
import org.junit.jupiter.api.BeforeAll;

/** Renames of databases kept in DynamoDB (dynalite). */
class DdbRenameTest extends RenameContractTest {
  @BeforeAll
  static void schema() throws Exception {
    DdbStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return DdbStorageTest.uri(name);
  }
}
