package io.vertomic.peer;

import static io.vertomic.fixtures.DatomRows.assertEdn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Peer.renameDatabase} as Datomic's {@code rename-database}: the data moves to the new name
 * whole, the old name is free, connections follow the database; a taken target or a missing source
 * changes nothing. Each storage's test extends it and says how its URIs look.
 */
public abstract class RenameContractTest {
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String oldName = "old-" + suffix;
  private final String newName = "new-" + suffix;
  private final String otherName = "other-" + suffix;

  /** The URI of database {@code name} ({@code *}: the storage) in the storage under test. */
  protected abstract String uri(String name);

  @AfterEach
  void cleanUp() {
    for (String n : List.of(oldName, newName, otherName)) {
      Peer.deleteDatabase(uri(n));
    }
    Peer.shutdown();
  }

  private static final String SCHEMA =
      "[{:db/ident :person/name :db/valueType :db.type/string :db/cardinality"
          + " :db.cardinality/one :db/unique :db.unique/identity}]";

  private static final String NAMES = "[:find [?n ...] :where [_ :person/name ?n]]";

  @Test
  void aRenamedDatabaseKeepsItsDataUnderTheNewNameAndTheOldNameIsGone() throws Exception {
    assertTrue(Peer.createDatabase(uri(oldName)));
    Connection c = Peer.connect(uri(oldName));
    tx(c, SCHEMA);
    tx(c, "[{:person/name \"Ivan\"} {:person/name \"Anna\"}]");
    c.requestIndex().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    tx(c, "[{:person/name \"Oleg\"}]");
    Database before = c.db();

    assertTrue(Peer.renameDatabase(uri(oldName), newName));

    List<String> names = Peer.getDatabaseNames(uri("*"));
    assertTrue(names.contains(newName), names.toString());
    assertFalse(names.contains(oldName), names.toString());
    assertEquals(Category.NOT_FOUND, failure(() -> Peer.connect(uri(oldName))).category());
    Connection renamed = Peer.connect(uri(newName));
    assertSame(c, renamed, "the connection follows the database, as Datomic's does");
    assertEquals(before.basisT(), renamed.db().basisT());
    assertEdn("[\"Anna\" \"Ivan\" \"Oleg\"]", sorted(Peer.q(NAMES, renamed.db())));

    tx(c, "[{:person/name \"Petr\"}]");
    Peer.shutdown();
    Database reopened = Peer.connect(uri(newName)).db();
    assertEdn("[\"Anna\" \"Ivan\" \"Oleg\" \"Petr\"]", sorted(Peer.q(NAMES, reopened)));
    assertEquals(
        Peer.q("[:find ?tx :where [_ :person/name \"Ivan\" ?tx]]", before),
        Peer.q("[:find ?tx :where [_ :person/name \"Ivan\" ?tx]]", reopened),
        "the history is the same");
  }

  @Test
  void theOldNameCanBeCreatedAgainAsAnotherDatabase() throws Exception {
    Peer.createDatabase(uri(oldName));
    Connection c = Peer.connect(uri(oldName));
    tx(c, SCHEMA);
    assertTrue(Peer.renameDatabase(uri(oldName), newName));

    assertTrue(Peer.createDatabase(uri(oldName)));
    Connection fresh = Peer.connect(uri(oldName));
    tx(c, "[{:person/name \"Ivan\"}]");

    assertEdn("[\"Ivan\"]", Peer.q(NAMES, Peer.connect(uri(newName)).db()));
    assertNull(fresh.db().entid(Keyword.of("person/name")), "a new, empty database");
  }

  @Test
  void aRenameBeforeAnyConnectionMovesTheDatabase() throws Exception {
    Peer.createDatabase(uri(oldName));
    tx(Peer.connect(uri(oldName)), SCHEMA);
    Peer.shutdown();

    assertTrue(Peer.renameDatabase(uri(oldName), newName));

    Connection c = Peer.connect(uri(newName));
    tx(c, "[{:person/name \"Ivan\"}]");
    assertEdn("[\"Ivan\"]", Peer.q(NAMES, c.db()));
    assertEquals(Category.NOT_FOUND, failure(() -> Peer.connect(uri(oldName))).category());
  }

  @Test
  void aRenameToATakenNameIsAConflictAndChangesNothing() throws Exception {
    Peer.createDatabase(uri(oldName));
    Peer.createDatabase(uri(otherName));
    tx(Peer.connect(uri(oldName)), SCHEMA);

    Anomaly a = failure(() -> Peer.renameDatabase(uri(oldName), otherName));
    assertEquals(Category.CONFLICT, a.category());
    assertEquals(":db.error/db-exists", a.code().toString());
    assertTrue(a.getMessage().contains(otherName), a.getMessage());
    assertEquals(
        Category.CONFLICT, failure(() -> Peer.renameDatabase(uri(oldName), oldName)).category());

    List<String> names = Peer.getDatabaseNames(uri("*"));
    assertTrue(names.containsAll(List.of(oldName, otherName)), names.toString());
    Peer.shutdown();
    assertTrue(Peer.connect(uri(oldName)).db().entid(Keyword.of("person/name")) != null);
    assertNull(Peer.connect(uri(otherName)).db().entid(Keyword.of("person/name")));
  }

  @Test
  void aRenameOfAMissingDatabaseIsNotFoundAndCreatesNothing() {
    Anomaly a = failure(() -> Peer.renameDatabase(uri(oldName), newName));
    assertEquals(Category.NOT_FOUND, a.category());
    assertEquals(":db.error/db-not-found", a.code().toString());
    assertTrue(a.getMessage().contains(oldName), a.getMessage());
    assertFalse(Peer.getDatabaseNames(uri("*")).contains(newName));
  }

  @Test
  void aRenameToAnInvalidNameIsIncorrectAndChangesNothing() {
    Peer.createDatabase(uri(oldName));
    for (String bad : List.of("bad/name", "*", "", "a b")) {
      Anomaly a = failure(() -> Peer.renameDatabase(uri(oldName), bad));
      assertEquals(Category.INCORRECT, a.category(), bad);
    }
    assertThrows(NullPointerException.class, () -> Peer.renameDatabase(uri(oldName), null));
    assertTrue(Peer.getDatabaseNames(uri("*")).contains(oldName));
  }

  private static Anomaly failure(Runnable r) {
    return assertThrows(Anomaly.class, r::run);
  }

  private static Object sorted(Object coll) {
    return ((java.util.Collection<?>) coll).stream().map(String.class::cast).sorted().toList();
  }

  private static void tx(Connection c, String edn) throws Exception {
    c.transact(edn).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
