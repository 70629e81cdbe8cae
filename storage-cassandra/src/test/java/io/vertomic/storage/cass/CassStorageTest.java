package io.vertomic.storage.cass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertomic.storage.StorageUri;
import io.vertx.cassandra.CassandraClient;
import io.vertx.cassandra.CassandraClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The storage contract on the real single Cassandra node of 127.0.0.1:9042. */
@Tag("slow") // Cassandra
class CassStorageTest extends StorageContractTest {
  static final String SYSTEM = "127.0.0.1:9042/vertomic_test.store";

  private static volatile boolean installed;

  @Override
  protected Future<Storage> open(Vertx vertx) {
    return store(vertx);
  }

  /** The test table's storage, the schema installed first. */
  static Future<Storage> store(Vertx vertx) {
    return schema(vertx)
        .compose(
            v ->
                new CassStorageProvider()
                    .open(vertx, StorageUri.parse("vertomic:cass://" + SYSTEM + "/x")));
  }

  /** Creates the test keyspace and table, once per JVM, waiting for it (for database tests). */
  static void installSchema() throws Exception {
    io.vertomic.fixtures.OnVertx.await(CassStorageTest::schema, 120);
  }

  /** Creates the test keyspace and table, once per JVM. */
  static synchronized Future<Void> schema(Vertx vertx) {
    if (installed) {
      return Future.succeededFuture();
    }
    CassandraClientOptions o = new CassandraClientOptions().addContactPoint("127.0.0.1", 9042);
    o.dataStaxClusterBuilder().withLocalDatacenter("datacenter1");
    CassandraClient client = CassandraClient.create(vertx, o);
    return CassSchema.install(client, "vertomic_test", "store")
        .eventually(client::close)
        .onSuccess(v -> installed = true);
  }

  @Test
  void aNodeThatRefusesConnectionsIsUnavailableNamingIt() {
    Anomaly a =
        failure(
            new CassStorageProvider()
                .open(
                    vertx,
                    StorageUri.parse("vertomic:cass://127.0.0.1:1/ks.t/x?user=u&password=s3cret")));
    assertEquals(Category.UNAVAILABLE, a.category());
    assertTrue(a.getMessage().contains("127.0.0.1:1"), a.getMessage());
    assertFalse(a.getMessage().contains("s3cret"), a.getMessage());
  }

  @Test
  void aMissingTableIsUnavailableNamingTheScript() {
    Anomaly a =
        failure(
            new CassStorageProvider()
                .open(vertx, StorageUri.parse("vertomic:cass://127.0.0.1/vertomic_test.nope/x")));
    assertEquals(Category.UNAVAILABLE, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains("scripts/cass-schema"), a.getMessage());
  }

  @Test
  void urisNameTheNodeTheTableAndTheDatabase() {
    StorageUri u =
        StorageUri.parse("vertomic:cass://127.0.0.1:9042/ks.tbl/people?user=a&password=b");
    assertEquals("people", u.database());
    assertEquals("127.0.0.1:9042/ks.tbl?user=a&password=b", u.system());
    CassStorageProvider.Target t = CassStorageProvider.target(u.system(), u.uri());
    assertEquals(9042, t.port());
    assertEquals("ks", t.keyspace());
    assertEquals("tbl", t.table());
    assertEquals(9042, CassStorageProvider.target("h/ks.t", "x").port());
  }

  @Test
  void malformedUrisAreIncorrectAndHideThePassword() {
    for (String bad :
        new String[] {
          "vertomic:cass://127.0.0.1/people",
          "vertomic:cass://127.0.0.1/ks/people?password=pw",
          "vertomic:cass://127.0.0.1:x/ks.t/people?password=pw",
          "vertomic:cass://127.0.0.1/ks.t.u/people?password=pw",
          "vertomic:cass://127.0.0.1/ks.t/bad name?password=pw"
        }) {
      Anomaly a = assertThrows(Anomaly.class, () -> StorageUri.parse(bad), bad);
      assertEquals(Category.INCORRECT, a.category(), bad);
      assertFalse(a.getMessage().contains("=pw"), a.getMessage());
    }
  }
}
