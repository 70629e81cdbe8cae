package io.vertomic.storage.sql;

import io.vertomic.peer.RenameContractTest;
import org.junit.jupiter.api.Tag;

/** Renames of databases kept in PostgreSQL. */
@Tag("slow") // PostgreSQL
class SqlRenameTest extends RenameContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }
}
