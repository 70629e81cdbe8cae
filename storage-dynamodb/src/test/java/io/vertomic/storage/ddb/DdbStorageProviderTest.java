package io.vertomic.storage.ddb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.StorageUri;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ddb URIs: the region, the table, the database name and the optional endpoint. */
@Tag("slow") // dynalite
class DdbStorageProviderTest {
  @Test
  void aUriNamesTheRegionTheTableTheDatabaseAndTheEndpoint() {
    StorageUri u =
        StorageUri.parse("vertomic:ddb://eu-west-1/my-table/people?endpoint=http://127.0.0.1:4567");
    assertEquals("people", u.database());
    assertEquals("eu-west-1/my-table?endpoint=http://127.0.0.1:4567", u.system());
    DdbStorageProvider.Target t = DdbStorageProvider.target(u.system(), u.uri());
    assertEquals("eu-west-1", t.region());
    assertEquals("my-table", t.table());
    assertEquals(4567, t.endpoint().getPort());
  }

  @Test
  void withoutAnEndpointTheClientTalksToTheRegion() {
    StorageUri u = StorageUri.parse("vertomic:ddb://us-east-1/vertomic/*");
    assertTrue(u.isWildcard());
    assertNull(DdbStorageProvider.target(u.system(), u.uri()).endpoint());
    assertEquals("vertomic:ddb://us-east-1/vertomic/people", u.withDatabase("people").uri());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "vertomic:ddb://us-east-1/people",
        "vertomic:ddb://us-east-1/t/people",
        "vertomic:ddb://US_EAST/tbl/people",
        "vertomic:ddb://us-east-1/tbl/people?endpoint=ftp://h:1",
        "vertomic:ddb://us-east-1/tbl/people?region=x",
        "vertomic:ddb://us-east-1/tbl/bad name"
      })
  void malformedUrisAreIncorrect(String bad) {
    Anomaly a = assertThrows(Anomaly.class, () -> StorageUri.parse(bad), bad);
    assertEquals(Category.INCORRECT, a.category(), bad);
  }
}
