package io.vertomic.transactor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes of a system for the multi-process tests, on the machine's PostgreSQL in a database
 * of their own ({@code vertomic_ha}: a transactor's lease makes every process of the storage a
 * peer).
 */
final class Systems {
  private Systems() {}

  static String sqlSystem() {
    return "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/vertomic_ha";
  }

  static ChildJvm transactor(String cluster, String system, long leaseMillis) throws IOException {
    return ChildJvm.start(
        cluster,
        List.of(),
        TransactorMain.class.getName(),
        "-conf",
        config(system, leaseMillis, "\"txTimeoutMillis\": 10000").toString());
  }

  /** A transactor config file with {@code more} JSON members. */
  static Path config(String system, long leaseMillis, String more) throws IOException {
    Path conf = Files.createTempFile("transactor", ".json");
    Files.writeString(
        conf,
        "{\"storage\": \"" + system + "\", \"leaseMillis\": " + leaseMillis + ", " + more + "}");
    conf.toFile().deleteOnExit();
    return conf;
  }

  static ChildJvm peer(String cluster, String uri, String name, int count, int inFlight)
      throws IOException {
    return ChildJvm.start(
        cluster,
        List.of("-Dvertomic.txTimeoutMillis=10000"),
        LoadPeerMain.class.getName(),
        uri,
        name,
        Integer.toString(count),
        Integer.toString(inFlight));
  }
}
