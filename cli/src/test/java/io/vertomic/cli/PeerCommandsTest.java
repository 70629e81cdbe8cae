package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every database subcommand run as a peer on a {@code vertomic:dev://} storage, in a child process:
 * its output and exit status.
 */
@Tag("slow") // child JVMs
class PeerCommandsTest {
  @TempDir static Path dir;
  static Vertomic vertomic;
  static final String STORAGE = "vertomic:dev://localhost:4334/";
  static final String SHOP = STORAGE + "shop";

  static final String SCHEMA =
      """
      [{:db/ident :item/name :db/valueType :db.type/string
        :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}
       {:db/ident :item/price :db/valueType :db.type/long :db/cardinality :db.cardinality/one}]""";

  @BeforeAll
  static void shopWithTwoItems() throws IOException {
    vertomic = new Vertomic(dir);
    ok(vertomic.run("db", "create", SHOP), "created\n");
    Vertomic.Run schema = vertomic.runWithInput(SCHEMA, Map.of(), "transact", SHOP, "-");
    assertEquals(0, schema.exit(), schema.toString());
    Path items =
        Files.writeString(
            dir.resolve("items.edn"),
            "[{:item/name \"pen\" :item/price 3}"
                + " {:db/id \"cup\" :item/name \"cup\" :item/price 7}]");
    Vertomic.Run tx = vertomic.run("transact", SHOP, items.toString());
    assertEquals(0, tx.exit(), tx.toString());
    assertTrue(
        tx.out().startsWith("{:datoms 5, :t-after 1001, :t-before 1000, :tempids {\"cup\" "),
        tx.out());
  }

  private static void ok(Vertomic.Run r, String out) {
    assertEquals(0, r.exit(), r.toString());
    assertEquals(out, r.out());
  }

  private static void failsOneLine(Vertomic.Run r, int exit, String err) {
    assertEquals(exit, r.exit(), r.toString());
    assertEquals("", r.out());
    assertEquals(List.of(err), r.err().lines().toList());
  }

  @Test
  void qPrintsATableOfTheRelationSorted() {
    ok(
        vertomic.run("q", SHOP, "[:find ?n ?p :where [?e :item/name ?n] [?e :item/price ?p]]"),
        """
        ?n  | ?p
        ----+---
        cup | 7
        pen | 3
        (2 rows)
        """);
  }

  @Test
  void qWithEdnPrintsTheResultShapedByTheFindSpecWithItsInputs() {
    ok(
        vertomic.run(
            "q",
            SHOP,
            "[:find [?n ...] :in $ ?min :where [?e :item/price ?p] [(>= ?p ?min)] [?e :item/name ?n]]",
            "5",
            "--edn"),
        "[\"cup\"]\n");
  }

  @Test
  void qOfAnUnknownAttributeFailsIncorrectOnOneLine() {
    failsOneLine(
        vertomic.run("q", SHOP, "[:find ?n :where [?e :item/nme ?n]]"),
        1,
        "vertomic q failed (incorrect): Unable to resolve entity: :item/nme in [?e :item/nme ?n]");
  }

  @Test
  void pullPrintsTheEntityByLookupRef() {
    Vertomic.Run r = vertomic.run("pull", SHOP, "[:item/name :item/price]", "[:item/name \"pen\"]");
    ok(r, "{:item/name \"pen\", :item/price 3}\n");
  }

  @Test
  void dbStatsPrintsBasisTAndDatomsPerAttribute() {
    Vertomic.Run r = vertomic.run("db", "stats", SHOP);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains(":basis-t 1001"), r.out());
    assertTrue(r.out().contains(":item/name {:count 2}"), r.out());
  }

  @Test
  void requestIndexAndGcWorkAsAPeer() {
    ok(vertomic.run("request-index", SHOP), "indexed\n");
    Vertomic.Run gc = vertomic.run("gc", SHOP, "--older-than", "2000-01-01T00:00:00Z");
    ok(gc, "deleted 0 segments written before 2000-01-01T00:00:00Z\n");
  }

  @Test
  void gcWithABadInstantIsBadUsage() {
    failsOneLine(
        vertomic.run("gc", SHOP, "--older-than", "yesterday"),
        2,
        "vertomic: --older-than needs an ISO-8601 instant, not yesterday");
  }

  @Test
  void renameMovesTheDatabaseToItsNewName() {
    ok(vertomic.run("db", "create", STORAGE + "old"), "created\n");
    ok(vertomic.run("db", "rename", STORAGE + "old", "new"), "renamed to new\n");
    Vertomic.Run list = vertomic.run("db", "list", STORAGE + "*");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().lines().toList().contains("new"), list.out());
    assertTrue(!list.out().lines().toList().contains("old"), list.out());
  }

  @Test
  void deleteRemovesTheDatabaseAndASecondDeleteFindsNone() {
    ok(vertomic.run("db", "create", STORAGE + "gone"), "created\n");
    ok(vertomic.run("db", "delete", STORAGE + "gone"), "deleted\n");
    ok(vertomic.run("db", "delete", STORAGE + "gone"), "absent\n");
  }

  @Test
  void transactOfMalformedEdnFailsAndChangesNothing() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.edn"), "[{:item/name \"ink\"");
    Vertomic.Run r = vertomic.run("transact", SHOP, bad.toString());
    assertEquals(1, r.exit(), r.toString());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("vertomic transact failed (incorrect): "), r.err());
    ok(vertomic.run("q", SHOP, "[:find (count ?e) . :where [?e :item/name]]", "--edn"), "2\n");
  }
}
