package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A writer process killed with {@code kill -9} in the middle of its work loses nothing it
 * acknowledged: a child JVM transacts to a database as fast as it can (and, with a small index
 * threshold, indexes all the time, fulltext segments included), the test kills it after some
 * acknowledgements, reopens the database and finds every acknowledged transaction, with an index
 * that answers like the log and a fulltext index that finds each value once. Each durable backend's
 * test extends it and says how its URIs look.
 */
@Tag("slow") // child JVMs
public abstract class CrashContractTest {
  @TempDir protected Path dir;
  private Process child;
  private String uri;

  /** The URI of database {@code name} in the storage under test. */
  protected abstract String uri(String name);

  @AfterEach
  void cleanUp() throws Exception {
    if (child != null) {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (uri != null) {
      Peer.deleteDatabase(uri);
    }
    Peer.shutdown();
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
  }

  @ParameterizedTest(name = "index threshold {0} datoms, killed after {1} acknowledgements")
  @CsvSource({"1000000, 150", "300, 150", "300, 400"})
  void everyAcknowledgedTransactionSurvivesKillDashNine(long threshold, int acks) throws Exception {
    uri = uri("crash-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                CrashWriterMain.class.getName(),
                dir.toString(),
                uri,
                Long.toString(threshold))
            .redirectErrorStream(false)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long lastAck = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Long.parseLong(line.substring(4));
          if (lastAck + 1 >= acks) {
            child.destroyForcibly();
            break;
          }
        }
      }
    }
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child is gone");
    assertEquals(acks - 1, lastAck, "the child acknowledged enough before it was killed");

    Peer.configure(Peer.options().setDataDir(dir.toString()));
    Database db = Peer.connect(uri).db();
    List<Long> missing = new ArrayList<>();
    for (long n = 0; n < (lastAck + 1) * 20; n++) {
      Object found = Peer.q("[:find ?e . :in $ ?n :where [?e :crash/n ?n]]", db, n);
      if (found == null) {
        missing.add(n);
      }
    }
    assertEquals(List.of(), missing, "acknowledged values missing after the crash");
    long count = (Long) Peer.q("[:find (count ?n) . :where [_ :crash/n ?n]]", db);
    assertTrue(count >= (lastAck + 1) * 20, count + " values");
    Collection<?> byIndex =
        (Collection<?>) Peer.q("[:find ?n :where [?e :crash/pad] [?e :crash/n ?n]]", db);
    assertEquals(count, byIndex.size(), "AVET/EAVT/AEVT agree after recovery");
    assertEveryValueSearchableOnce(db, count);
    long segmentBytes = io.vertomic.peer.impl.Catalog.instance().cacheStats(uri).heldBytes();
    assertEquals(threshold < 1000, segmentBytes > 0, "read from a durable index: " + segmentBytes);
    Connection again = Peer.connect(uri);
    again
        .transact("[{:crash/n -1}]")
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    again.requestIndex().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  // the fulltext hits, duplicates kept (a query's set would hide a value indexed twice)
  private static void assertEveryValueSearchableOnce(Database db, long count) {
    io.vertomic.db.DbValue value = ((io.vertomic.peer.impl.PeerDb) db).value();
    long attr = value.schema().entid(io.vertomic.edn.Keyword.of("crash/pad"));
    List<io.vertomic.fulltext.FulltextHit> hits = value.fulltext(attr, "padding", "crash test");
    assertEquals(count, hits.size(), "each value found once by a search for every value");
    assertEquals(
        count, hits.stream().map(h -> h.datom().e()).distinct().count(), "no entity found twice");
    Object one =
        Peer.q("[:find ?n . :where [(fulltext $ :crash/pad \"w5\") [[?e]]] [?e :crash/n ?n]]", db);
    assertEquals(5L, one, "a value's own word finds it alone");
  }
}
