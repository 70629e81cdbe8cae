package io.vertomic.transactor;

import io.vertomic.storage.cass.CassSchema;
import io.vertomic.storage.ddb.DdbSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes of a system for the multi-process tests, on the machine's PostgreSQL in a database
 * of their own ({@code vertomic_ha}: a transactor's lease makes every process of the storage a
 * peer), on the dev storage, or on the Cassandra node or dynalite in a table of their own.
 */
public final class Systems {
  private Systems() {}

  public static String sqlSystem() {
    return "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/vertomic_ha";
  }

  private static boolean cassInstalled;

  /** A Cassandra table of their own ({@code vertomic_test.ha}), created once per JVM. */
  public static synchronized String cassSystem() throws Exception {
    if (!cassInstalled) {
      CassSchema.main(new String[] {"127.0.0.1:9042", "vertomic_test.ha"});
      cassInstalled = true;
    }
    return "vertomic:cass://127.0.0.1:9042/vertomic_test.ha/*";
  }

  private static boolean ddbInstalled;

  /** A dynalite table of their own ({@code vertomic-ha}), created once per JVM. */
  public static synchronized String ddbSystem() throws Exception {
    String system = "vertomic:ddb://us-east-1/vertomic-ha/*?endpoint=http://127.0.0.1:4567";
    if (!ddbInstalled) {
      DdbSchema.main(new String[] {system});
      ddbInstalled = true;
    }
    return system;
  }

  /** The system of {@code kind} ({@code sql}, {@code dev}, {@code cass} or {@code ddb}). */
  public static String system(String kind) throws Exception {
    return switch (kind) {
      case "sql" -> sqlSystem();
      case "dev" -> devSystem();
      case "cass" -> cassSystem();
      case "ddb" -> ddbSystem();
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** A dev storage whose files are in a directory of this JVM's, which its children share. */
  public static synchronized String devSystem() throws IOException {
    if (System.getProperty("vertomic.dev.dir") == null) {
      Path dir = Files.createTempDirectory("vertomic-ha-dev");
      dir.toFile().deleteOnExit();
      System.setProperty("vertomic.dev.dir", dir.toString());
    }
    return "vertomic:dev://127.0.0.1:4336/*";
  }

  public static ChildJvm transactor(String cluster, String system, long leaseMillis)
      throws IOException {
    return transactor(cluster, system, leaseMillis, "\"txTimeoutMillis\": 10000");
  }

  /** A transactor with {@code more} members in its config file. */
  public static ChildJvm transactor(String cluster, String system, long leaseMillis, String more)
      throws IOException {
    return ChildJvm.start(
        cluster,
        List.of(),
        TransactorMain.class.getName(),
        "-conf",
        config(system, leaseMillis, more).toString());
  }

  /** A transactor config file with {@code more} JSON members. */
  public static Path config(String system, long leaseMillis, String more) throws IOException {
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
