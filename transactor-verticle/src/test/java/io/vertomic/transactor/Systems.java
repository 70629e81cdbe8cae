package io.vertomic.transactor;

import io.vertomic.peer.Peer;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.cass.CassSchema;
import io.vertomic.storage.ddb.DdbSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes of a system for the multi-process tests, on the machine's PostgreSQL in a database
 * of their own ({@code vertomic_ha}: a transactor's lease makes every process of the storage a
 * peer), on the dev storage, or on the Cassandra node or dynalite in a table of their own. The test
 * JVMs surefire runs side by side each have their own: the second one's are {@code vertomic_ha_2},
 * {@code vertomic_test.ha_2} and {@code vertomic-ha-2}, so one's transactor never holds the lease
 * another's waits for.
 */
public final class Systems {
  private Systems() {}

  // "" in the first test JVM (and outside surefire's forks), "_N" in the Nth
  private static final String FORK = forkSuffix(System.getProperty("vertomic.test.fork", "fork1"));

  // surefire gives "forkN" (see the module's pom); anything else is refused, so that two forks
  // never share storages unnoticed
  static String forkSuffix(String fork) {
    if (!fork.matches("fork[0-9]+")) {
      throw new IllegalStateException("vertomic.test.fork must be forkN, was \"" + fork + "\"");
    }
    String n = fork.substring("fork".length());
    return n.equals("1") ? "" : "_" + n;
  }

  public static String sqlSystem() {
    return "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/vertomic_ha" + FORK;
  }

  private static final Set<String> installed = new HashSet<>();

  /** A Cassandra table of their own ({@code vertomic_test.ha}), created once per JVM. */
  public static String cassSystem() throws Exception {
    return cassTable("vertomic_test.ha" + FORK);
  }

  /** A dynalite table of their own ({@code vertomic-ha}), created once per JVM. */
  public static String ddbSystem() throws Exception {
    return ddbTable("vertomic-ha" + FORK.replace('_', '-'));
  }

  /**
   * The system of {@code kind} that no transactor serves, so the process that connects writes its
   * databases itself (an embedded system, as in the storage modules' tests): PostgreSQL's database
   * {@code test}, a dev store of its own in this JVM's directory, the Cassandra table {@code
   * vertomic_test.embedded} or the dynalite table {@code vertomic-embedded}.
   */
  public static String embeddedSystem(String kind) throws Exception {
    return switch (kind) {
      case "sql" -> "vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/test";
      case "dev" -> devSystem().replace(":4336/", ":4337/");
      case "cass" -> cassTable("vertomic_test.embedded");
      case "ddb" -> ddbTable("vertomic-embedded");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static synchronized String cassTable(String table) throws Exception {
    if (installed.add("cass " + table)) {
      CassSchema.main(new String[] {"127.0.0.1:9042", table});
    }
    return "vertomic:cass://127.0.0.1:9042/" + table + "/*";
  }

  private static synchronized String ddbTable(String table) throws Exception {
    String system = "vertomic:ddb://us-east-1/" + table + "/*?endpoint=http://127.0.0.1:4567";
    if (installed.add("ddb " + table)) {
      DdbSchema.main(new String[] {system});
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

  private static Path devDir;

  /**
   * A dev storage whose files are in a directory of this JVM's, which its children share; this
   * JVM's peer is (re)pointed at it on every call, whatever a test set since.
   */
  public static synchronized String devSystem() throws IOException {
    if (devDir == null) {
      devDir = Files.createTempDirectory("vertomic-ha-dev");
      devDir.toFile().deleteOnExit();
    }
    Peer.configure(Peer.options().setDataDir(devDir.toString()));
    return "vertomic:dev://127.0.0.1:4336/*";
  }

  /** The settings that open this JVM's storages as its peer does (the dev storage's directory). */
  public static StorageSettings storageSettings() {
    return new StorageSettings(Peer.options().getDataDir());
  }

  /** The directory of {@link #devSystem}'s files, once it is made; null before. */
  static synchronized Path devDir() {
    return devDir;
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
