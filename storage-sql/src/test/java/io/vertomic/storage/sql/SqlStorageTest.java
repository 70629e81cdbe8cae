package io.vertomic.storage.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The storage contract on the real PostgreSQL of 127.0.0.1:5432 (database test). */
@Tag("slow") // PostgreSQL
class SqlStorageTest extends StorageContractTest {
  static final String PG = "postgresql://postgres@127.0.0.1:5432/test";

  @Override
  protected Future<Storage> open(Vertx vertx) {
    return SqlStorage.open(vertx, PG, 4);
  }

  @Test
  void aServerThatRefusesConnectionsIsUnavailableNamingItWithoutThePassword() {
    Anomaly a = failure(SqlStorage.open(vertx, "postgresql://postgres:s3cret@127.0.0.1:1/test", 1));
    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains("127.0.0.1:1"), a.getMessage());
    assertFalse(a.getMessage().contains("s3cret"), a.getMessage());
  }

  @Test
  void aDatabaseWithoutTheSchemaIsUnavailableNamingTheScript() {
    Anomaly a =
        failure(SqlStorage.open(vertx, "postgresql://postgres@127.0.0.1:5432/template1", 1));
    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains("scripts/sql-schema"), a.getMessage());
  }

  @Test
  void urisNameTheDatabaseAndThePostgresSystem() {
    StorageUri u = StorageUri.parse("vertomic:sql://people?" + PG);
    assertEquals("sql", u.kind());
    assertEquals("people", u.database());
    assertEquals(PG, u.system());
    assertTrue(StorageUri.parse("vertomic:sql://*?" + PG).isWildcard());
  }

  @Test
  void malformedUrisAreIncorrectAndHideThePassword() {
    for (String bad :
        new String[] {
          "vertomic:sql://people",
          "vertomic:sql://?postgresql://u:pw@h:1/d",
          "vertomic:sql://people?mysql://u:pw@h:1/d",
          "vertomic:sql://bad/name?postgresql://u:pw@h:1/d"
        }) {
      Anomaly a = assertThrows(Anomaly.class, () -> StorageUri.parse(bad), bad);
      assertEquals(Category.INCORRECT, a.category(), bad);
      assertFalse(a.getMessage().contains(":pw@"), a.getMessage());
    }
  }
}
