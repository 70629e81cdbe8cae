package io.vertomic.storage.sql;

import io.vertomic.peer.ExcisionContractTest;
import io.vertomic.storage.Storage;
import org.junit.jupiter.api.Tag;

/** Excision on the sql storage (the real PostgreSQL), its tables read back raw. */
@Tag("slow") // PostgreSQL
class SqlExcisionTest extends ExcisionContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:sql://" + name + "?" + SqlStorageTest.PG;
  }

  @Override
  protected Storage storage() throws Exception {
    return get(SqlStorage.open(vertx, SqlStorageTest.PG, 1));
  }
}
