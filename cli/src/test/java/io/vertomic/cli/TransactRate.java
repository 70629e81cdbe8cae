package io.vertomic.cli;

import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * By hand, not a test: the rows of {@link MillionRows} loaded through {@code Connection.transact}
 * in batches of 1,000 entity maps directly in Java, on a dev storage under a fresh temp directory,
 * printing rows per second; what {@code vertomic import}'s rate is compared with (docs/cli.md).
 *
 * <pre>java -cp TEST-CLASSPATH io.vertomic.cli.TransactRate</pre>
 */
final class TransactRate {
  private TransactRate() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("transact-rate");
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    String uri = "vertomic:dev://localhost:4334/rows";
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    c.transact(MillionRows.SCHEMA).await();
    Keyword id = Keyword.of("row/id");
    Keyword name = Keyword.of("row/name");
    long start = System.nanoTime();
    List<Object> batch = new ArrayList<>();
    for (long i = 0; i < MillionRows.ROWS; i++) {
      batch.add(Map.of(id, i, name, "name-" + i));
      if (batch.size() == ImportCommand.DEFAULT_BATCH) {
        c.transact(List.copyOf(batch)).await();
        batch.clear();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d rows in %.1f s: %.0f rows/s%n", MillionRows.ROWS, seconds, MillionRows.ROWS / seconds);
    Peer.shutdown();
    System.exit(0);
  }
}
