package io.vertomic.storage.ddb;

import io.vertomic.peer.RenameContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** Renames of databases kept in DynamoDB (dynalite). */
@Tag("slow") // dynalite
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
