package io.vertomic.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.StoredBytes;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.transactor.ChildJvm;
import io.vertomic.transactor.Systems;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backup from each durable storage straight into each other one (12 ordered pairs of dev, sql, cass
 * and ddb), through {@link BackupMain}, the entry point of {@code scripts/backup}: the database
 * opened on the target through the peer API has the same datoms in every index and in its history,
 * the same basis t and the same answers (as-of and history queries too), and takes transactions. A
 * second backup into the same target copies only what is new, and what an excision rewrote or
 * deleted. Bad targets (a different database of the same name, a storage that does not answer) fail
 * with the anomaly's category and write nothing. Each storage is an embedded system ({@link
 * Systems#embeddedSystem}); one source database per storage (a few thousand datoms, an index job, a
 * log tail, values over DynamoDB's item limit) serves every pair it starts. Here, not in core,
 * because this module's class path has every storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow") // child JVMs
class BackupAcrossStoragesTest {
  static final List<String> KINDS = List.of("dev", "sql", "cass", "ddb");
  private static final int PEOPLE = 2000;
  private static final int BIG = 600_000;
  private static final int DDB_ITEM_LIMIT = 400 * 1024;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final List<String> created = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Storage> opened = new LinkedHashMap<>();

  /** A source database: its URI, connection, and the t that the as-of queries look back to. */
  record Source(String uri, Connection conn, long midT) {}

  static final List<String> QUERIES =
      List.of(
          "[:find ?n ?age :where [?e :person/name ?n] [?e :person/age ?age] [(< ?age 3)]]",
          "[:find ?tag (count ?e) :where [?e :person/tags ?tag]]",
          "[:find (count ?f) :where [?e :person/friends ?f] [?f :person/age ?a] [(> ?a 40)]]",
          "[:find ?e (count ?b) :where [?e :doc/body ?b]]",
          "[:find ?n ?s :where [(fulltext $ :person/bio \"+likes -green\") [[?e _ _ ?s]]]"
              + " [?e :person/name ?n]]",
          "[:find (count ?e) :where [(fulltext $ :person/bio \"col*\") [[?e]]]]");

  static final String AGE =
      "[:find ?age . :in $ ?n :where [?e :person/name ?n] [?e :person/age ?age]]";

  @BeforeAll
  void createOneSourcePerStorage() throws Exception {
    for (String kind : KINDS) {
      long start = System.currentTimeMillis();
      sources.put(kind, source(kind));
      System.out.printf(
          "backup matrix: source on %s, %d datoms, basis t %d, in %d ms%n",
          kind,
          sources.get(kind).conn().db().datomCount(),
          sources.get(kind).conn().db().basisT(),
          System.currentTimeMillis() - start);
    }
    Storage ddb = open("ddb");
    String id = DbRoot.decode(get(ddb.root("db/bk-ddb-" + run)).value(), "root").id();
    long biggest = 0;
    for (String key : get(ddb.keys("seg/" + id + "/"))) {
      biggest = Math.max(biggest, get(ddb.get(key)).length);
    }
    assertTrue(biggest > DDB_ITEM_LIMIT, "the biggest segment has " + biggest + " bytes");
    long biggestEntry = 0;
    for (var r : get(ddb.readLog(id, 0, Long.MAX_VALUE, 100))) {
      biggestEntry = Math.max(biggestEntry, r.entry().length);
    }
    assertTrue(
        biggestEntry > DDB_ITEM_LIMIT, "the biggest log entry has " + biggestEntry + " bytes");
  }

  @AfterAll
  void deleteWhatWasCreated() throws Exception {
    for (String uri : created) {
      try {
        Peer.deleteDatabase(uri);
      } catch (Anomaly unreachable) {
        // the URIs of storages that never answer
      }
    }
    Peer.shutdown();
    for (Storage s : opened.values()) {
      get(s.close());
    }
    get(vertx.close());
  }

  static Stream<Arguments> pairs() {
    return KINDS.stream()
        .flatMap(
            from ->
                KINDS.stream().filter(to -> !to.equals(from)).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  @Order(1)
  void aBackupIntoAnotherStorageIsTheSameDatabaseAndTakesTransactions(String from, String to)
      throws Exception {
    Source source = sources.get(from);
    String target = uri(to, "restored-" + from + "-" + run);
    long start = System.currentTimeMillis();
    Copied copied = backup(source.uri(), target);
    long copyMillis = System.currentTimeMillis() - start;
    assertTrue(copied.segments() > 0, copied.summary());
    assertTrue(copied.logEntries() > 0, copied.summary());

    Connection restored = Peer.connect(target);
    assertSame(source, restored.db());
    long t = restored.db().basisT();
    get(restored.transact("[{:person/name \"written-after-restore\" :person/age 7}]"));
    assertTrue(restored.db().basisT() > t);
    assertEquals(7L, Peer.q(AGE, restored.db(), "written-after-restore"));
    assertEquals(null, Peer.q(AGE, source.conn().db(), "written-after-restore"));
    System.out.printf(
        "backup matrix: %s -> %s: backup %d ms, verified in %d ms; %s%n",
        from, to, copyMillis, System.currentTimeMillis() - start - copyMillis, copied.summary());
    Peer.deleteDatabase(target);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"cass, ddb", "dev, sql", "sql, cass"})
  @Order(2)
  void aSecondBackupIntoTheSameTargetCopiesWhatIsNewAndWhatAnExcisionChanged(String from, String to)
      throws Exception {
    Source source = sources.get(from);
    String target = uri(to, "incremental-" + from + "-" + run);
    Copied first = backup(source.uri(), target);
    Connection restored = Peer.connect(target);
    assertSame(source, restored.db());
    restored.release();
    String id =
        DbRoot.decode(
                get(open(to).root("db/" + StorageUri.parse(target).database())).value(), "root")
            .id();
    assertTrue(StoredBytes.holds(open(to), id, secret(), new ArrayList<>()));

    StringBuilder more = new StringBuilder("[");
    for (int i = PEOPLE; i < PEOPLE + 300; i++) {
      more.append(
          String.format(
              "{:person/name \"p%d\" :person/age %d :person/tags [:t%d]}", i, i % 90, i % 7));
    }
    tx(source.conn(), more.append("]").toString());
    tx(source.conn(), "[{:person/name \"doc\" :doc/body \"" + big(3) + "\"}]");
    get(source.conn().requestIndex());
    tx(source.conn(), "[[:db/retract [:person/name \"p7\"] :person/tags :t9]]");
    long t =
        get(source
                .conn()
                .transact("[{:db/id \"x\" :db/excise [:person/name \"" + secret() + "\"]}]"))
            .dbAfter()
            .basisT();
    get(source.conn().syncExcise(t));
    Copied second = backup(source.uri(), target);
    System.out.printf("backup matrix: %s -> %s again: %s%n", from, to, second.summary());
    assertTrue(second.segments() > 0, second.summary());
    assertTrue(second.segments() < first.segments(), second + " after " + first);
    assertTrue(second.segmentsSkipped() > 0, second.summary());
    assertEquals(first.logEntries(), second.logSkipped() + second.logRewritten(), second.summary());
    assertEquals(4, second.logEntries(), second.summary());
    assertTrue(second.logRewritten() >= 2, second.summary());
    assertTrue(second.segmentsDeleted() > 0, second.summary());
    assertFalse(StoredBytes.holds(open(to), id, secret(), new ArrayList<>()), second.summary());

    restored = Peer.connect(target);
    assertSame(source, restored.db());
    get(restored.transact("[{:person/name \"written-after-restore\" :person/age 7}]"));
    assertEquals(7L, Peer.q(AGE, restored.db(), "written-after-restore"));
  }

  @Test
  @Order(3)
  void aTargetUriNamingStarTakesTheSourcesNameAndASourceNamingStarNeedsItsOnlyDatabase()
      throws Exception {
    Source source = sources.get("sql");
    backup(source.uri(), Systems.embeddedSystem("dev"));
    String restored = uri("dev", "bk-sql-" + run);
    assertEquals(source.conn().db().basisT(), Peer.connect(restored).db().basisT());

    Failed f = failed("restore", Systems.embeddedSystem("dev"), uri("ddb", "never-" + run));
    assertEquals("incorrect", f.category(), f.message());
    assertTrue(f.message().contains("restore needs exactly one"), f.message());
  }

  @Test
  @Order(4)
  void aBackupOntoADifferentDatabaseOfTheSameNameIsAConflictAndWritesNothing() throws Exception {
    String name = "taken-" + run;
    String taken = uri("sql", name);
    Peer.createDatabase(taken);
    get(Peer.connect(taken).transact("[{:db/doc \"not a backup\"}]"));
    Storage sql = open("sql");
    byte[] before = get(sql.root("db/" + name)).value();
    String id = DbRoot.decode(get(open("ddb").root("db/bk-ddb-" + run)).value(), "root").id();

    Failed f = failed("backup", sources.get("ddb").uri(), taken);
    assertEquals("conflict", f.category(), f.message());
    assertTrue(f.message().contains("different database named " + name), f.message());
    assertEquals(List.of(), get(sql.keys("seg/" + id + "/")));
    assertEquals(List.of(), get(sql.readLog(id, 0, Long.MAX_VALUE, 10)));
    assertArrayEquals(before, get(sql.root("db/" + name)).value());
  }

  @ParameterizedTest(name = "{0}")
  // (ddb: DdbStorageTest; here a refused endpoint takes the SDK's retries, about 10 s)
  @ValueSource(strings = {"vertomic:sql://x?postgresql://postgres@127.0.0.1:1/test"})
  @Order(5)
  void aTargetThatDoesNotAnswerIsUnavailableNamingItBeforeAnythingIsCopied(String target) {
    Failed f = failed("backup", sources.get("dev").uri(), target);
    assertEquals("unavailable", f.category(), f.message());
    assertTrue(f.message().contains("127.0.0.1:1"), f.message());
    assertFalse(f.progress().contains("segments"), f.progress());
  }

  @Test
  @Order(6)
  void scriptsBackupExitsWithStatusOneNamingAnUnreachableCassandra() throws Exception {
    ChildJvm script =
        ChildJvm.command(
            List.of(
                Path.of("..").toAbsolutePath().normalize().resolve("scripts/backup").toString(),
                sources.get("sql").uri(),
                "vertomic:cass://127.0.0.1:1/vertomic_test.embedded/x"),
            Map.of(
                "VERTOMIC_CLASSPATH",
                System.getProperty("java.class.path"),
                "VERTOMIC_JAVA_OPTS",
                "-Xmx256m " + String.join(" ", ChildJvm.SHORT_LIVED)));
    try {
      String line = script.awaitEver(l -> l.startsWith("backup failed"), 60, "failure line");
      assertEquals(1, script.awaitExit(30), String.join("\n", script.output()));
      assertTrue(line.startsWith("backup failed (unavailable): "), line);
      assertTrue(line.contains("127.0.0.1:1"), line);
    } finally {
      script.close();
    }
  }

  /** What a failed run printed: the category and message of its anomaly, and its progress. */
  record Failed(String category, String message, String progress) {}

  private static final Pattern FAILURE =
      Pattern.compile("(backup|restore) failed \\(([\\w-]+)\\): (.*)");

  // VERB SOURCE TARGET as the scripts run it; fails the test unless it exits 1 naming an anomaly
  static Failed failed(String verb, String source, String target) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BackupMain.run(
            new String[] {verb, source, target},
            new PrintStream(out),
            new PrintStream(err),
            Systems.storageSettings());
    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, printed + out);
    Matcher m = FAILURE.matcher(printed);
    assertTrue(m.find(), printed);
    return new Failed(m.group(2), m.group(3), printed.substring(0, m.start()));
  }

  // a handle on the embedded system of `kind`, closed with the rest
  private Storage open(String kind) throws Exception {
    if (!opened.containsKey(kind)) {
      String system = Systems.embeddedSystem(kind);
      StorageUri u = StorageUri.parse(system);
      opened.put(
          kind,
          get(StorageUri.provider(u.kind(), system).open(vertx, u, Systems.storageSettings())));
    }
    return opened.get(kind);
  }

  /** What {@code scripts/backup} printed of one copy. */
  record Copied(
      String summary,
      long segments,
      long segmentsSkipped,
      long segmentsDeleted,
      long logEntries,
      long logSkipped,
      long logRewritten) {}

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) segments copied, (\\d+) already there, (\\d+) deleted;"
              + " (\\d+) log entries copied, (\\d+) already there, (\\d+) rewritten");

  // backup SOURCE TARGET as the script runs it; fails the test unless it exits 0
  static Copied backup(String source, String target) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        BackupMain.run(
            new String[] {"backup", source, target},
            new PrintStream(out),
            new PrintStream(err),
            Systems.storageSettings());
    String printed = out.toString(StandardCharsets.UTF_8).trim();
    assertEquals(0, status, printed + "\n" + err.toString(StandardCharsets.UTF_8));
    Matcher m = SUMMARY.matcher(printed);
    assertTrue(m.find(), printed);
    long[] n = new long[6];
    for (int g = 0; g < 6; g++) {
      n[g] = Long.parseLong(m.group(g + 1));
    }
    return new Copied(printed, n[0], n[1], n[2], n[3], n[4], n[5]);
  }

  // the restored value has the source's basis t, datoms in every index and in history, answers
  private static void assertSame(Source source, Database restored) {
    Database original = source.conn().db();
    assertEquals(original.basisT(), restored.basisT());
    for (String index : List.of(":eavt", ":aevt", ":avet", ":vaet")) {
      assertEquals(all(original.datoms(index)), all(restored.datoms(index)), index);
    }
    assertEquals(all(original.history().datoms(":eavt")), all(restored.history().datoms(":eavt")));
    for (String q : QUERIES) {
      assertEquals(Edn.write(Peer.q(q, original)), Edn.write(Peer.q(q, restored)), q);
      assertEquals(
          Edn.write(Peer.q(q, original.asOf(source.midT()))),
          Edn.write(Peer.q(q, restored.asOf(source.midT()))),
          "as of " + source.midT() + ": " + q);
    }
    String history =
        "[:find ?tag ?added :in $ ?n :where [?e :person/name ?n] [?e :person/tags ?tag _ ?added]]";
    String historyAnswer = Edn.write(Peer.q(history, original.history(), "p7"));
    assertTrue(historyAnswer.contains("false"), historyAnswer);
    assertEquals(historyAnswer, Edn.write(Peer.q(history, restored.history(), "p7")));
  }

  private static <T> List<T> all(Iterable<T> it) {
    List<T> l = new ArrayList<>();
    it.forEach(l::add);
    return l;
  }

  // the database URI of `name` in the embedded system of `kind`
  String uri(String kind, String name) throws Exception {
    String uri = StorageUri.parse(Systems.embeddedSystem(kind)).withDatabase(name).uri();
    created.add(uri);
    return uri;
  }

  // a database with schema, a cardinality-many attribute, refs, retractions, values of 300 KB, a
  // fulltext attribute, an index job and transactions after it (so a copy has segments, fulltext
  // chunks and a log tail)
  private Source source(String kind) throws Exception {
    String uri = uri(kind, "bk-" + kind + "-" + run);
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    tx(
        c,
        "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
            + " :db/unique :db.unique/identity}"
            + " {:db/ident :person/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
            + " :db/index true}"
            + " {:db/ident :person/tags :db/valueType :db.type/keyword"
            + " :db/cardinality :db.cardinality/many}"
            + " {:db/ident :person/friends :db/valueType :db.type/ref"
            + " :db/cardinality :db.cardinality/many}"
            + " {:db/ident :doc/body :db/valueType :db.type/string :db/cardinality :db.cardinality/one}"
            + " {:db/ident :person/bio :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
            + " :db/fulltext true}]");
    for (int from = 0; from < PEOPLE; from += 500) {
      StringBuilder b = new StringBuilder("[");
      for (int i = from; i < from + 500; i++) {
        b.append(
            String.format(
                "{:person/name \"p%d\" :person/age %d :person/tags [:t%d :u%d]"
                    + " :person/bio \"p%d likes %s colours\"}",
                i, i % 90, i % 7, i % 11, i, i % 5 == 0 ? "green" : "red and blue"));
      }
      tx(c, b.append(']').toString());
    }
    StringBuilder friends = new StringBuilder("[");
    for (int i = 0; i < 500; i++) {
      friends.append(
          String.format(
              "{:db/id [:person/name \"p%d\"] :person/friends [[:person/name \"p%d\"] [:person/name \"p%d\"]]}",
              i, i + 1, i + 2));
    }
    tx(c, friends.append(']').toString());
    tx(c, "[{:person/name \"" + secret() + "\" :person/age 33 :person/tags [:t1]}]");
    tx(c, "[{:person/name \"doc\" :doc/body \"" + big(1) + "\"}]");
    long midT = c.db().basisT();
    StringBuilder retract = new StringBuilder("[[:db/retractEntity [:person/name \"p1999\"]]");
    for (int i = 0; i < 300; i++) {
      retract.append(
          String.format(
              "[:db/retract [:person/name \"p%d\"] :person/tags :t%d]"
                  + " {:person/name \"p%d\" :person/age %d :person/bio \"p%d likes grey\"}",
              i, i % 7, i, 100 + i, i));
    }
    tx(c, retract.append(']').toString());
    get(c.requestIndex());
    tx(
        c,
        "[{:person/name \"doc\" :doc/body \""
            + big(2)
            + "\"} {:person/name \"late\" :person/tags [:t1]}]");
    tx(c, "[{:person/name \"" + secret() + "\" :person/age 34}]");
    tx(
        c,
        "[[:db/retract [:person/name \"late\"] :person/tags :t1] [:db/add [:person/name \"p7\"] :person/tags :t9]]");
    return new Source(uri, c, midT);
  }

  // the value the incremental backups see excised
  private String secret() {
    return "SECRET-" + run;
  }

  // 600 KB of printable ASCII that zstd keeps over 400 KB, DynamoDB's item limit: the segments and
  // log entries that hold it are split over items in ddb
  private static String big(long seed) {
    String chars =
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(BIG);
    for (int i = 0; i < BIG; i++) {
      b.append(chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }

  private static void tx(Connection c, String edn) throws Exception {
    get(c.transact(edn));
  }

  static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
