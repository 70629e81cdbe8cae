package io.vertomic.storage.sql;

import io.vertomic.peer.RestartContractTest;

/** A database kept in PostgreSQL, read back by a restarted peer. */
class SqlDatabaseTest extends RestartContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }
}
