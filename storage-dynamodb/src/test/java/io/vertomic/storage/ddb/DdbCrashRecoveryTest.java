package io.vertomic.storage.ddb;

import io.vertomic.peer.CrashContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** kill -9 of a writer on the ddb storage (dynalite): nothing acknowledged is lost. */
@Tag("slow") // dynalite
class DdbCrashRecoveryTest extends CrashContractTest {
  @BeforeAll
  static void schema() throws Exception {
    DdbStorageTest.installSchema();
  }

  @Override
  protected String uri(String name) {
    return DdbStorageTest.uri(name);
  }
}
