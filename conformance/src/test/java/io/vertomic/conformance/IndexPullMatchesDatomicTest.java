package io.vertomic.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import datomic.Util;
import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Database.indexPull} gives Datomic's {@code index-pull} answers, side by side on the same
 * data (entity ids differ between the engines, so selectors pull values only).
 */
@Tag("slow") // Datomic's peer
class IndexPullMatchesDatomicTest {
  private static final String SCHEMA =
      "[{:db/ident :p/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one"
          + " :db/index true}"
          + " {:db/ident :p/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
          + " {:db/ident :p/kids :db/valueType :db.type/ref :db/cardinality :db.cardinality/many}]";
  private static final String DATA =
      "[{:db/id \"a\" :p/name \"Anna\" :p/age 31 :p/kids [\"k1\" \"k2\"]}"
          + " {:db/id \"k1\" :p/name \"Kid1\" :p/age 3} {:db/id \"k2\" :p/name \"Kid2\" :p/age 5}"
          + " {:p/name \"Bob\" :p/age 40} {:p/name \"Bob\" :p/age 41} {:p/name \"Carl\"}"
          + " {:p/name \"Dora\" :p/age 29 :p/kids [\"k3\"]} {:db/id \"k3\" :p/name \"Kid3\"}]";

  private static Connection vertomic;
  private static datomic.Connection reference;

  @BeforeAll
  static void load() throws Exception {
    String name = "ip-" + UUID.randomUUID();
    Peer.createDatabase("vertomic:mem://" + name);
    vertomic = Peer.connect("vertomic:mem://" + name);
    vertomic.transact(SCHEMA).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertomic.transact(DATA).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    datomic.Peer.createDatabase("datomic:mem://" + name);
    reference = datomic.Peer.connect("datomic:mem://" + name);
    reference.transact((List<?>) Util.read(SCHEMA)).get(30, TimeUnit.SECONDS);
    reference.transact((List<?>) Util.read(DATA)).get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void shutdown() {
    datomic.Peer.shutdown(false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{:index :avet :selector [:p/name :p/age] :start [:p/name]}",
        "{:index :avet :selector [:p/name :p/age] :start [:p/name \"Bob\"]}",
        "{:index :avet :selector [:p/name :p/age] :start [:p/name \"Bz\"]}",
        "{:index :avet :selector [:p/name] :start [:p/name] :reverse true}",
        "{:index :avet :selector [:p/name] :start [:p/name \"Carl\"] :reverse true}",
        "{:index :avet :selector [:p/age] :start [:p/name \"Kid1\"]}",
        "{:index :aevt :selector [:p/name :p/age] :start [:p/kids]}",
        "{:index :aevt :selector [:p/name] :start [:p/kids] :reverse true}",
        "{:index :avet :selector [[:p/age :default 0]] :start [:p/name]}"
      })
  void indexPullAnswersAsDatomic(String args) {
    Object expected =
        reference
            .db()
            .indexPull(Util.read(args))
            .map(ClojureValues::toJava)
            .collect(Collectors.toList());
    List<Object> actual = new java.util.ArrayList<>();
    vertomic.db().indexPull((Map<?, ?>) Edn.read(args)).forEach(actual::add);
    assertEquals(Edn.write(expected), Edn.write(actual), args);
  }
}
