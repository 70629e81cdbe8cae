package io.vertomic.storage.sql;

import io.vertomic.peer.CrashContractTest;
import org.junit.jupiter.api.Tag;

/** kill -9 of a writer on the sql storage (the real PostgreSQL). */
@Tag("slow") // PostgreSQL
class SqlCrashRecoveryTest extends CrashContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }
}
