package io.vertomic.tx;

import static io.vertomic.fixtures.TestDb.assertRejected;
import static io.vertomic.fixtures.TestDb.tx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.edn.Keyword;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tempid records ({@code Peer.tempid}, {@code #db/id[...]}) and partitions: named ones installed
 * with {@code :db.install/partition}, implicit ones, {@code :db/force-partition} and {@code
 * :db/match-partition}; the figures are those Datomic 1.0.7277 gives for the same transactions.
 */
class PartitionTempidTest {
  private static final Keyword USER = Keyword.of("db.part/user");
  private static final Keyword NAME = Keyword.of("n/name");
  private static final Keyword ID = Keyword.of("db/id");

  /** Datomic's {@code (d/implicit-part 55)}. */
  private static final long IMPLICIT_55 = 2306084901771804672L;

  private static Connection conn() {
    Connection c =
        TestDb.withSchema(
            "[{:db/ident :n/name :db/valueType :db.type/string :db/cardinality"
                + " :db.cardinality/one :db/unique :db.unique/identity}"
                + " {:db/ident :n/friend :db/valueType :db.type/ref :db/cardinality"
                + " :db.cardinality/one}]");
    tx(c, "[{:db/id \"p\" :db/ident :my/part :db.install/_partition :db.part/db}]");
    return c;
  }

  private static long id(Connection c, String name) {
    return c.db().entid(List.of(NAME, name));
  }

  @Test
  void aRecordUsedTwiceIsOneEntityAndResolvesThroughTheReport() {
    Connection c = conn();
    Object a = Peer.tempid(USER);
    Object b = Peer.tempid(USER, -1);
    TxReport r =
        tx(
            c,
            List.of(
                Map.of(ID, a, NAME, "a"),
                List.of(Keyword.of("db/add"), a, Keyword.of("n/friend"), b),
                Map.of(ID, b, NAME, "b")));
    long ea = Peer.resolveTempid(r.dbAfter(), r.tempids(), a);
    long eb = Peer.resolveTempid(r.dbAfter(), r.tempids(), Peer.tempid(USER, -1));
    assertEquals(id(c, "a"), ea);
    assertEquals(id(c, "b"), eb);
    assertEquals(4, Peer.part(ea));
    assertEquals(
        eb,
        c.db().entity(ea).get(":n/friend") instanceof io.vertomic.peer.Entity e
            ? e.get(":db/id")
            : null);
  }

  @Test
  void ednRecordsWithANumberAreOneEntityAndWithoutOneEachANewEntity() {
    Connection c = conn();
    tx(
        c,
        "[{:db/id #db/id[:db.part/user -7] :n/name \"x\"}"
            + " [:db/add #db/id[:db.part/user -7] :db/doc \"same\"]"
            + " {:db/id #db/id[:db.part/user] :n/name \"y\"}"
            + " {:db/id #db/id[:db.part/user] :n/name \"z\"}]");
    assertEquals("same", c.db().entity(id(c, "x")).get(":db/doc"));
    assertNotEquals(id(c, "y"), id(c, "z"));
  }

  @Test
  void entitiesOfAnInstalledPartitionCarryItsIdAndSortTogetherInEavt() {
    Connection c = conn();
    long myPart = c.db().entid(Keyword.of("my/part"));
    List<Object> txData = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      txData.add(Map.of(ID, Peer.tempid(i % 2 == 0 ? USER : Keyword.of("my/part")), NAME, "e" + i));
    }
    tx(c, txData);
    assertEquals(myPart, Peer.part(id(c, "e1")));
    assertEquals(4, Peer.part(id(c, "e0")));
    assertEquals(Keyword.of("my/part"), c.db().ident(Peer.part(id(c, "e3"))));
    List<Long> order = new ArrayList<>();
    for (Datom d : c.db().datoms(":eavt")) {
      if (d.a() == c.db().entid(NAME) && !order.contains(d.e())) {
        order.add(d.e());
      }
    }
    List<Long> parts = order.stream().map(Peer::part).toList();
    int firstMine = parts.indexOf(myPart);
    assertEquals(
        5, parts.subList(firstMine, parts.size()).stream().filter(p -> p == myPart).count());
    assertTrue(
        parts.subList(firstMine, firstMine + 5).stream().allMatch(p -> p == myPart),
        parts.toString());
  }

  @Test
  void anImplicitPartitionNeedsNoInstallation() {
    Connection c = conn();
    tx(c, List.of(Map.of(ID, Peer.tempid(IMPLICIT_55), NAME, "i")));
    long e = id(c, "i");
    assertEquals(IMPLICIT_55, Peer.part(e));
    assertEquals(IMPLICIT_55, e & ~((1L << EntityId.PARTITION_SHIFT) - 1));
  }

  @Test
  void forceAndMatchPartitionPlaceNewEntities() {
    Connection c = conn();
    long myPart = c.db().entid(Keyword.of("my/part"));
    tx(c, "[{:db/id \"m\" :n/name \"forced\" :db/force-partition {\"m\" :my/part}}]");
    assertEquals(myPart, Peer.part(id(c, "forced")));
    tx(
        c,
        "[{:db/id \"y\" :n/name \"matched\" :db/match-partition {\"y\" [:n/name \"forced\"]}}"
            + " {:db/id \"z\" :n/name \"z\"}"
            + " {:db/id \"w\" :n/name \"w\" :db/match-partition {\"w\" \"z\"}}"
            + " {:db/id \"z\" :db/force-partition {\"z\" "
            + IMPLICIT_55
            + "}}]");
    assertEquals(myPart, Peer.part(id(c, "matched")));
    assertEquals(IMPLICIT_55, Peer.part(id(c, "z")));
    assertEquals(IMPLICIT_55, Peer.part(id(c, "w")));
  }

  @Test
  void aTxPartitionRecordIsTheTransactionAndADbPartitionRecordASchemaEntity() {
    Connection c = conn();
    TxReport r = tx(c, "[{:db/id #db/id[:db.part/tx -1] :db/doc \"about this tx\"}]");
    long txId = r.txData().get(0).tx();
    assertEquals("about this tx", c.db().entity(txId).get(":db/doc"));
    tx(c, "[{:db/id #db/id[:db.part/db -1] :n/name \"schema-side\"}]");
    assertEquals(0, Peer.part(id(c, "schema-side")));
  }

  @Test
  void entidAtBuildsAnIdOfAPartitionAtATOrDate() {
    Connection c = conn();
    assertEquals(17592186044426L, c.db().entidAt(USER, 10L));
    long myPart = c.db().entid(Keyword.of("my/part"));
    assertEquals(EntityId.of(myPart, 10), c.db().entidAt(Keyword.of("my/part"), 10L));
    Date before = new Date(0);
    long firstT = EntityId.txToT(EntityId.tToTx(1));
    assertTrue(c.db().entidAt(USER, before) <= EntityId.of(4, firstT + 1));
    assertEquals(
        EntityId.of(4, c.db().nextT()), c.db().entidAt(USER, new Date(Long.MAX_VALUE / 2)));
  }

  @Test
  void tToTxAndSquuidsAsDatomic() {
    assertEquals(13194139534312L, Peer.toTx(1000));
    assertEquals(1000, Peer.toT(13194139534312L));
    long now = System.currentTimeMillis();
    UUID u = Peer.squuid();
    assertTrue(Math.abs(Peer.squuidTimeMillis(u) - now) < 2_000);
    assertEquals(now / 1000 * 1000 / 1000, Peer.squuidTimeMillis(u) / 1000, 1);
  }

  @Test
  void badPartitionsAreRefusedNamingTheCulpritAndChangeNothing() {
    Connection c = conn();
    assertRejected(
        c, "[{:db/id #db/id[:nope/part] :n/name \"x1\"}]", Category.INCORRECT, ":nope/part");
    assertRejected(
        c,
        "[{:db/id \"q\" :n/name \"x4\" :db/force-partition {\"q\" :nope/part}}]",
        Category.INCORRECT,
        ":nope/part");
    assertRejected(
        c,
        "[{:db/id \"q\" :n/name \"x5\" :db/force-partition {\"q\" :n/name}}]",
        Category.INCORRECT,
        ":n/name is not a partition");
    assertRejected(
        c,
        "[{:db/id \"q\" :n/name \"x6\" :db/force-partition :my/part}]",
        Category.INCORRECT,
        ":db/force-partition must be a map");
    assertRejected(
        c,
        "[{:db/id #db/id[:db.part/user -5] :n/name \"x2\"} {:db/id #db/id[:my/part -5] :n/name"
            + " \"x3\"}]",
        Category.INCORRECT,
        "tempid number -5 is used in two partitions");
  }
}
