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
 * The backup subcommands reach core's backup tool with their arguments, in a child process: a
 * database backed up into a directory restores into another storage.
 */
@Tag("slow") // child JVMs
class BackupCommandsTest {
  @TempDir static Path dir;
  static Vertomic vertomic;
  static final String SHOP = "vertomic:dev://localhost:4334/shop";

  @BeforeAll
  static void shop() {
    vertomic = new Vertomic(dir);
    assertEquals(0, vertomic.run("db", "create", SHOP).exit());
    for (String tx :
        new String[] {
          "[{:db/ident :item/name :db/valueType :db.type/string"
              + " :db/cardinality :db.cardinality/one}]",
          "[{:item/name \"pen\"}]"
        }) {
      Vertomic.Run r = vertomic.runWithInput(tx, Map.of(), "transact", SHOP, "-");
      assertEquals(0, r.exit(), r.toString());
    }
  }

  @Test
  void aBackupIntoADirectoryRestoresIntoAnotherStorage() {
    String backup = dir.resolve("shop-backup").toString();
    Vertomic.Run b = vertomic.run("backup", SHOP, backup);
    assertEquals(0, b.exit(), b.toString());
    assertTrue(b.out().startsWith("backup "), b.out());
    String copy = "vertomic:dev://localhost:4335/copy";
    Vertomic.Run r = vertomic.run("restore", backup, copy);
    assertEquals(0, r.exit(), r.toString());
    Vertomic.Run q = vertomic.run("q", copy, "[:find [?n ...] :where [_ :item/name ?n]]", "--edn");
    assertEquals("[\"pen\"]\n", q.out(), q.toString());
  }

  @Test
  void restoringFromALocationThatIsNoBackupFailsOnOneLine() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("not-a-backup"));
    Vertomic.Run r = vertomic.run("restore", empty.toString(), "vertomic:dev://localhost:4336/x");
    assertEquals(1, r.exit(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.errLines().get(0).startsWith("restore failed ("), r.toString());
  }

  @Test
  void aLocationKeepsEachBackupAsAPointInTimeThatListsVerifiesAndRestores() {
    String db = "vertomic:dev://localhost:4334/points";
    String backup = dir.resolve("points-backup").toString();
    assertEquals(0, vertomic.run("db", "create", db).exit());
    String schema =
        "[{:db/ident :item/name :db/valueType :db.type/string :db/cardinality"
            + " :db.cardinality/one}]";
    assertEquals(0, vertomic.runWithInput(schema, Map.of(), "transact", db, "-").exit());
    for (String item : new String[] {"ink", "nib"}) {
      String tx = "[{:item/name \"" + item + "\"}]";
      assertEquals(0, vertomic.runWithInput(tx, Map.of(), "transact", db, "-").exit());
      Vertomic.Run b = vertomic.run("backup", db, backup);
      assertEquals(0, b.exit(), b.toString());
    }

    Vertomic.Run listed = vertomic.run("list-backups", backup);
    assertEquals(0, listed.exit(), listed.toString());
    List<String> points = listed.out().lines().toList();
    assertEquals(2, points.size(), listed.toString());
    String first = points.get(0).split(" ")[0];

    Vertomic.Run verified = vertomic.run("verify-backup", backup);
    assertEquals(0, verified.exit(), verified.toString());

    String older = "vertomic:dev://localhost:4337/older";
    Vertomic.Run r = vertomic.run("restore", backup, older, "--t", first);
    assertEquals(0, r.exit(), r.toString());
    Vertomic.Run q = vertomic.run("q", older, "[:find [?n ...] :where [_ :item/name ?n]]", "--edn");
    assertEquals("[\"ink\"]\n", q.out(), q.toString());

    Vertomic.Run missing = vertomic.run("restore", backup, older, "--t", "999999");
    assertEquals(1, missing.exit(), missing.toString());
    assertEquals(1, missing.errLines().size(), missing.toString());
  }
}
