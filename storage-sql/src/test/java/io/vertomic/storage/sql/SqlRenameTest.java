package io.vertomic.storage.sql;

import io.vertomic.peer.RenameContractTest;

/** Renames of databases kept in PostgreSQL. */
class SqlRenameTest extends RenameContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }
}
