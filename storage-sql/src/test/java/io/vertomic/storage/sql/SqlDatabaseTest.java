package io.vertomic.storage.sql;

import io.vertomic.peer.RestartContractTest;
import org.junit.jupiter.api.Tag;

/** A database kept in PostgreSQL, read back by a restarted peer. */
@Tag("slow") // PostgreSQL
class SqlDatabaseTest extends RestartContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }
}
