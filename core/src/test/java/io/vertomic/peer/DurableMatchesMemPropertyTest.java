package io.vertomic.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * A database in storage answers exactly as the same database in memory, whatever the mix of
 * transactions, index jobs and peer restarts: the datoms of every index, current and history, are
 * compared after each step.
 */
class DurableMatchesMemPropertyTest {
  private static final String SCHEMA =
      "[{:db/ident :p/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + " :db/unique :db.unique/identity}"
          + " {:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
          + " :db/index true}"
          + " {:db/ident :p/tag :db/valueType :db.type/keyword :db/cardinality"
          + " :db.cardinality/many}"
          + " {:db/ident :p/friend :db/valueType :db.type/ref :db/cardinality"
          + " :db.cardinality/one}]";

  @AfterProperty
  void shutdown() {
    Peer.shutdown();
  }

  @Property(tries = 12)
  void storageAndMemoryAgreeAfterEveryStep(@ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    String id = UUID.randomUUID().toString();
    String kept = "vertomic:kept://prop-" + id;
    String mem = "vertomic:mem://prop-" + id;
    Peer.createDatabase(kept);
    Peer.createDatabase(mem);
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i < 60; i++) {
      names.append("{:p/name \"n").append(i).append("\"}");
    }
    for (String uri : List.of(kept, mem)) {
      tx(Peer.connect(uri), SCHEMA);
      tx(Peer.connect(uri), names.append("]").toString());
      names.setLength(names.length() - 1);
    }
    int applied = 0;
    for (int step = 0; step < 25; step++) {
      String data = randomTx(rnd);
      boolean keptOk = attempt(Peer.connect(kept), data);
      boolean memOk = attempt(Peer.connect(mem), data);
      assertEquals(memOk, keptOk, data);
      applied += keptOk ? 1 : 0;
      int action = rnd.nextInt(10);
      if (action < 2) {
        Peer.connect(kept)
            .requestIndex()
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      } else if (action < 4) {
        // transactions while the job runs, which the value after it takes from the one before it
        // (only assertions) or replays (any other)
        var indexing = Peer.connect(kept).requestIndex();
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
          String more = rnd.nextBoolean() ? newPersons(rnd, step * 10 + k) : randomTx(rnd);
          assertEquals(attempt(Peer.connect(mem), more), attempt(Peer.connect(kept), more), more);
        }
        indexing.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } else if (action == 4) {
        Peer.shutdown();
      }
      assertEquals(all(Peer.connect(mem).db()), all(Peer.connect(kept).db()), "after " + data);
    }
    Peer.deleteDatabase(mem);
    org.junit.jupiter.api.Assertions.assertTrue(applied > 10, "only " + applied + " of 25 applied");
  }

  // names n0..n29 always exist (lookup refs resolve); n30..n59 come and go with retractEntity
  private static String randomTx(Random rnd) {
    StringBuilder b = new StringBuilder("[");
    int n = 1 + rnd.nextInt(8);
    for (int i = 0; i < n; i++) {
      String name = "\"n" + rnd.nextInt(60) + "\"";
      String kept = "[:p/name \"n" + rnd.nextInt(30) + "\"]";
      switch (rnd.nextInt(7)) {
        case 0 -> b.append("{:p/name " + name + " :p/age " + rnd.nextInt(100) + "}");
        case 1 -> b.append("{:p/name " + name + " :p/tag :t" + rnd.nextInt(5) + "}");
        case 2 -> b.append("[:db/retract " + kept + " :p/age " + rnd.nextInt(100) + "]");
        case 3 -> b.append("[:db/retract " + kept + " :p/tag :t" + rnd.nextInt(5) + "]");
        case 4 -> b.append("{:p/name " + name + " :p/friend {:p/name " + name + "}}");
        case 5 -> b.append("[:db/add " + kept + " :p/age " + rnd.nextInt(100) + "]");
        default -> b.append("[:db/retractEntity [:p/name \"n" + (30 + rnd.nextInt(30)) + "\"]]");
      }
    }
    return b.append(']').toString();
  }

  // persons that did not exist before (m<step>-<i>), only assertions
  private static String newPersons(Random rnd, int step) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0, n = 1 + rnd.nextInt(20); i < n; i++) {
      b.append("{:p/name \"m")
          .append(step)
          .append('-')
          .append(i)
          .append("\" :p/age ")
          .append(rnd.nextInt(100))
          .append(" :p/tag :t")
          .append(rnd.nextInt(5))
          .append(" :p/friend [:p/name \"n")
          .append(rnd.nextInt(30))
          .append("\"]}");
    }
    return b.append(']').toString();
  }

  private static boolean attempt(Connection c, String data) {
    try {
      tx(c, data);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static void tx(Connection c, String data) throws Exception {
    c.transact(data).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String shown(io.vertomic.datom.Datom d) {
    return d.v() instanceof java.util.Date ? d.e() + " instant" : d.toString();
  }

  private static List<String> all(Database db) {
    List<String> out = new ArrayList<>();
    out.add("t " + db.basisT());
    for (String index : List.of(":eavt", ":aevt", ":avet", ":vaet")) {
      // transaction instants differ between the two databases: everything else must not
      db.datoms(index).forEach(d -> out.add(index + " " + shown(d)));
      db.history().datoms(index).forEach(d -> out.add("history " + index + " " + shown(d)));
    }
    return out;
  }
}
