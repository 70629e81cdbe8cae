package io.vertomic.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.fixtures.StoredBytes;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.PeerOptions;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.dev.DevStorage;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One backup location keeping many points in time, through the commands a user runs ({@link
 * BackupMain#run}): list-backups lists them, restore at each t gives the database as of that t
 * datom by datom (its current datoms and its history), verify-backup finds damage, and bad
 * locations or t's are one-line errors that change nothing.
 */
class BackupPointsInTimeTest {
  @TempDir Path dir;
  private final String name = "pit-" + UUID.randomUUID();
  private final String uri = "vertomic:kept://" + name;
  private Path location;
  private int port = 45100;

  @BeforeEach
  void devDir() {
    Peer.configure(Peer.options().setDataDir(dir.toString()));
    location = dir.resolve("backup");
  }

  @AfterEach
  void shutdown() {
    Peer.shutdown();
    Peer.configure(Peer.options().setDataDir(PeerOptions.DEFAULT_DATA_DIR));
  }

  @Test
  void fivePointsInTimeInOneLocationEachRestoreAsTheDatabaseAsOfTheirT() throws Exception {
    Connection c = database();
    List<Long> ts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tx(c, "[{:db/id \"a\" :n/v " + (i * 10) + " :n/note \"point " + i + "\"}]");
      if (i > 0) {
        long e =
            Peer.q("[:find ?e . :where [?e :n/note \"point 0\"]]", c.db()) instanceof Long l
                ? l
                : 0;
        tx(c, "[[:db/add " + e + " :n/v " + (100 + i) + "]]");
      }
      if (i % 2 == 1) {
        get(c.requestIndex());
      }
      ts.add(c.db().basisT());
      assertEquals(0, run("backup", uri, location.toString()).status, "backup " + i);
    }

    Ran list = run("list-backups", location.toString());
    assertEquals(0, list.status, list.err);
    String[] lines = list.out.strip().split("\n");
    assertEquals(5, lines.length, list.out);
    for (int i = 0; i < 5; i++) {
      assertTrue(lines[i].startsWith(ts.get(i) + " 20"), lines[i]);
    }
    for (long t : ts) {
      assertSameDatoms(c.db(), t, restore(t));
    }
    Ran verified = run("verify-backup", location.toString());
    assertEquals(0, verified.status, verified.err);
    assertTrue(verified.out.contains("5 points in time"), verified.out);
    System.out.printf("list-backups:%n%s%s", list.out, verified.out);
  }

  @Test
  void pointsLeftByADeletedDatabaseOfTheSameNameAreNotItsHistory() throws Exception {
    String at = "vertomic:dev://127.0.0.1:" + port++ + "/" + name;
    database();
    assertEquals(0, run("backup", uri, at).status);
    Peer.deleteDatabase(at);
    Peer.deleteDatabase(uri);
    Connection again = database();
    assertEquals(0, run("backup", uri, at).status);

    Ran list = run("list-backups", at);
    assertTrue(list.out.startsWith(again.db().basisT() + " "), list.out);
    assertEquals(1, list.out.strip().split("\n").length, list.out);
    assertEquals(0, run("verify-backup", at).status);
  }

  @Test
  void restoreWithoutATRestoresTheLatestPoint() throws Exception {
    Connection c = database();
    run("backup", uri, location.toString());
    tx(c, "[{:n/v 1}]");
    long latest = c.db().basisT();
    run("backup", uri, location.toString());
    String target = "vertomic:dev://127.0.0.1:" + port++ + "/" + name;
    assertEquals(0, run("restore", location.toString(), target).status);
    assertSameDatoms(c.db(), latest, Peer.connect(target).db());
  }

  @ParameterizedTest(name = "bit flipped at byte {0}")
  @ValueSource(ints = {5, 12, -1}) // in the stored checksum, the first payload byte, the last one
  void verifyBackupNamesASegmentWithAFlippedBit(int at) throws Exception {
    backupsOfTwoPoints();
    String key = aSegment();
    byte[] bytes = segment(key);
    bytes[at < 0 ? bytes.length + at : at] ^= 0x10;
    replace(key, bytes);

    Ran v = run("verify-backup", location.toString());
    assertEquals(1, v.status);
    assertOneLine(v.err);
    assertTrue(v.err.startsWith("verify-backup failed (fault): Corrupt stored data: "), v.err);
    assertTrue(v.err.contains(key), v.err);
  }

  @Test
  void verifyBackupNamesAMissingSegment() throws Exception {
    backupsOfTwoPoints();
    String key = aSegment();
    replace(key, null);

    Ran v = run("verify-backup", location.toString());
    assertEquals(1, v.status);
    assertOneLine(v.err);
    assertTrue(v.err.contains(key) && v.err.contains("missing"), v.err);
  }

  @Test
  void aLocationThatIsNotABackupIsAOneLineErrorThatCreatesNothing() throws Exception {
    Path nowhere = dir.resolve("nowhere");
    for (String[] args :
        List.of(
            new String[] {"list-backups", nowhere.toString()},
            new String[] {"verify-backup", nowhere.toString()},
            new String[] {
              "restore", nowhere.toString(), "vertomic:kept://x-" + UUID.randomUUID()
            })) {
      Ran r = run(args);
      assertEquals(1, r.status, r.err);
      assertOneLine(r.err);
      assertTrue(
          r.err.startsWith(
              args[0] + " failed (not-found): " + nowhere + " is not a backup location"),
          r.err);
    }
    assertFalse(Files.exists(nowhere));
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Ran r = run("list-backups", empty.toString());
    assertEquals(1, r.status);
    assertTrue(r.err.contains("holds no Vertomic store"), r.err);
    try (var files = Files.list(empty)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aTTheBackupLacksIsAOneLineErrorNamingTheTsItHas() throws Exception {
    List<Long> ts = backupsOfTwoPoints();
    String target = "vertomic:dev://127.0.0.1:" + port++ + "/" + name;
    Ran r = run("restore", location.toString(), target, "--t", "999999");
    assertEquals(1, r.status);
    assertOneLine(r.err);
    assertTrue(
        r.err.contains("no point in time t=999999; it has t=" + ts.get(0) + ", " + ts.get(1)),
        r.err);
    assertEquals(List.of(), Peer.getDatabaseNames("vertomic:dev://127.0.0.1:" + (port - 1) + "/*"));
    assertEquals(1, run("verify-backup", location.toString(), "--t", "999999").status);
  }

  @Test
  void restoringAnOlderTOverTheSameDatabaseAtALaterTIsAConflict() throws Exception {
    List<Long> ts = backupsOfTwoPoints();
    String target = "vertomic:dev://127.0.0.1:" + port++ + "/" + name;
    assertEquals(0, run("restore", location.toString(), target).status);
    Ran r = run("restore", location.toString(), target, "--t", "" + ts.get(0));
    assertEquals(1, r.status);
    assertTrue(r.err.contains("(conflict)") && r.err.contains("ahead of the source"), r.err);
    assertEquals(ts.get(1), (Long) Peer.connect(target).db().basisT());
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("list-backups").status);
    assertEquals(2, run("restore", "a", "b", "--t", "x").status);
    assertEquals(2, run("backup", "a", "b", "--t", "1").status);
    assertEquals(2, run("frobnicate", "a").status);
  }

  @Test
  void aBackupTakenWhileTransactionsRunIsRestorableAndVerifies() throws Exception {
    Connection c = database();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger done = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              while (!stop.get()) {
                c.transact("[{:n/v " + done.incrementAndGet() + "}]")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
                if (done.get() % 50 == 0) {
                  c.requestIndex();
                }
              }
            });
    writer.start();
    Ran b;
    try {
      while (done.get() < 20 && writer.isAlive()) {
        Thread.onSpinWait();
      }
      b = run("backup", uri, location.toString());
    } finally {
      stop.set(true);
      writer.join();
    }
    assertEquals(0, b.status, b.err);
    Ran verified = run("verify-backup", location.toString());
    assertEquals(0, verified.status, verified.err);
    long t = Long.parseLong(run("list-backups", location.toString()).out.split(" ")[0]);
    assertSameDatoms(c.db(), t, restore(t));
  }

  @Test
  void anExcisionDropsTheIndexOfOlderPointsThatHeldTheDataAndNoPointHoldsIt() throws Exception {
    String secret = "SECRET-" + UUID.randomUUID();
    Connection c = database();
    long first = c.db().basisT(); // indexed before the secret was transacted
    run("backup", uri, location.toString());
    long e = tx(c, "[{:db/id \"s\" :n/v -5 :n/note \"" + secret + "\"}]").tempids().get("s");
    get(c.requestIndex());
    long second = c.db().basisT();
    run("backup", uri, location.toString());
    DevStorage before = DevStorage.open(location);
    try {
      assertTrue(StoredBytes.holds(before, secret, new ArrayList<>()));
    } finally {
      get(before.close());
    }
    long t = tx(c, "[{:db/id \"x\" :db/excise " + e + "}]").dbAfter().basisT();
    get(c.syncExcise(t));
    assertEquals(0, run("backup", uri, location.toString()).status);

    List<String> lines = List.of(run("list-backups", location.toString()).out.strip().split("\n"));
    assertEquals(3, lines.size(), "" + lines);
    assertTrue(
        lines.get(0).startsWith(first + " ") && !lines.get(0).endsWith("log-only"), "" + lines);
    assertTrue(
        lines.get(1).startsWith(second + " ") && lines.get(1).endsWith(" log-only"), "" + lines);
    assertFalse(lines.get(2).endsWith(" log-only"), "" + lines);
    DevStorage after = DevStorage.open(location);
    try {
      assertFalse(StoredBytes.holds(after, secret, new ArrayList<>()));
    } finally {
      get(after.close());
    }
    assertSameDatoms(c.db(), first, restore(first));
    assertSameDatoms(c.db(), second, restore(second));
    assertEquals(0, run("verify-backup", location.toString()).status);
  }

  private Connection database() throws Exception {
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :n/v :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
            + " {:db/ident :n/note :db/valueType :db.type/string"
            + "  :db/cardinality :db.cardinality/one}]");
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      b.append("{:n/v ").append(i).append('}');
    }
    tx(c, b.append(']').toString());
    get(c.requestIndex());
    return c;
  }

  private List<Long> backupsOfTwoPoints() throws Exception {
    Connection c = database();
    List<Long> ts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      tx(c, "[{:n/v " + (1000 + i) + "}]");
      get(c.requestIndex());
      ts.add(c.db().basisT());
      assertEquals(0, run("backup", uri, location.toString()).status);
    }
    assertEquals(0, run("verify-backup", location.toString()).status);
    return ts;
  }

  // the point at t restored into a fresh dev database of its own
  private Database restore(long t) {
    String target = "vertomic:dev://127.0.0.1:" + port++ + "/" + name;
    Ran r = run("restore", location.toString(), target, "--t", Long.toString(t));
    assertEquals(0, r.status, r.err);
    return Peer.connect(target).db();
  }

  // the restored database is the source as of t: the same basis t, datoms and history
  private static void assertSameDatoms(Database source, long t, Database restored) {
    assertEquals(t, restored.basisT());
    Database expected = source.asOf(t);
    Database actual = restored.asOf(t);
    assertEquals(datoms(expected), datoms(actual));
    assertEquals(datoms(expected.history()), datoms(actual.history()));
  }

  private static List<Datom> datoms(Database db) {
    List<Datom> out = new ArrayList<>();
    db.datoms(":eavt").forEach(out::add);
    assertFalse(out.isEmpty());
    return out;
  }

  private String aSegment() throws Exception {
    DevStorage s = DevStorage.open(location);
    try {
      List<String> keys = get(s.keys("seg/" + get(s.keys("seg/")).get(0).split("/")[1] + "/"));
      return keys.get(keys.size() / 2);
    } finally {
      get(s.close());
    }
  }

  private byte[] segment(String key) throws Exception {
    DevStorage s = DevStorage.open(location);
    try {
      return get(s.get(key));
    } finally {
      get(s.close());
    }
  }

  private void replace(String key, byte[] bytes) throws Exception {
    DevStorage s = DevStorage.open(location);
    try {
      get(s.delete(List.of(key)));
      if (bytes != null) {
        get(s.put(key, bytes));
      }
    } finally {
      get(s.close());
    }
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.strip().split("\n").length, err);
  }

  private record Ran(int status, String out, String err) {}

  private static Ran run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BackupMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new StorageSettings(Peer.options().getDataDir()));
    return new Ran(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static io.vertomic.peer.TxReport tx(Connection c, String edn) throws Exception {
    return get(c.transact(edn));
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
