package io.vertomic.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.ModelStmt.Attr;
import io.vertomic.edn.Edn;
import io.vertomic.fixtures.DatomRows;
import io.vertomic.fixtures.TestDb;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random transaction sequences (creates with tempids and upserts, adds, retracts, retractEntity,
 * cas) over a small schema, applied to Vertomic and to {@link IndexModel}; after every step each
 * index, the history, an as-of and a since view must hold exactly the datoms the model predicts,
 * and a transaction the model calls a conflict must be rejected and change nothing.
 */
class IndexModelPropertyTest {
  private static final String SCHEMA =
      """
      [{:db/ident :m/name :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/index true}
       {:db/ident :m/nums :db/valueType :db.type/long :db/cardinality :db.cardinality/many}
       {:db/ident :m/friend :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}
       {:db/ident :m/uid :db/valueType :db.type/string :db/cardinality :db.cardinality/one
        :db/unique :db.unique/identity}
       {:db/ident :m/hits :db/valueType :db.type/long :db/cardinality :db.cardinality/one
        :db/noHistory true}]""";

  private static final Attr[] CARD_ONE = {Attr.NAME, Attr.FRIEND, Attr.UID, Attr.HITS};

  enum Kind {
    CREATE,
    ADD,
    RETRACT,
    RETRACT_ENTITY,
    CAS
  }

  /** One generated statement, before it is bound to the entities that exist when it runs. */
  record Spec(Kind kind, int slot, int attr, int value, int old, int mask) {}

  /** One generated transaction; {@code pick} chooses the t of the as-of and since checks. */
  record TxSpec(List<Spec> specs, int pick, boolean asEdn) {}

  @Property(tries = 50)
  void everyIndexMatchesTheModelAfterEveryTransaction(@ForAll("transactions") List<TxSpec> txs) {
    String uri = "vertomic:mem://model-" + UUID.randomUUID();
    Peer.createDatabase(uri);
    try {
      Connection conn = Peer.connect(uri);
      TestDb.tx(conn, SCHEMA);
      IndexModel model = new IndexModel(conn.db());
      List<Database> dbs = new ArrayList<>();
      List<List<Datom>> eavts = new ArrayList<>();
      List<String> done = new ArrayList<>();
      compare(conn.db(), model, 0, () -> "the schema");
      for (TxSpec spec : txs) {
        List<ModelStmt> stmts = model.sanitize(bind(spec, model));
        Object txData = spec.asEdn() ? Edn.write(ModelStmt.txData(stmts)) : ModelStmt.txData(stmts);
        done.add(Edn.write(ModelStmt.txData(stmts)));
        Supplier<String> ctx = () -> "after transactions\n  " + String.join("\n  ", done);
        step(conn, model, stmts, txData, ctx);
        compare(conn.db(), model, spec.pick(), ctx);
        dbs.add(conn.db());
        eavts.add(model.current(IndexOrder.EAVT));
      }
      for (int i = 0; i < dbs.size(); i++) {
        assertEquals(eavts.get(i), DatomRows.list(dbs.get(i).datoms(":eavt")), "snapshot " + i);
      }
    } finally {
      Peer.deleteDatabase(uri);
    }
  }

  private static void step(
      Connection conn,
      IndexModel model,
      List<ModelStmt> stmts,
      Object txData,
      Supplier<String> ctx) {
    IndexModel.Plan plan = model.predict(stmts);
    long basis = conn.db().basisT();
    TxReport report = null;
    Anomaly rejected = null;
    try {
      report = TestDb.tx(conn, txData);
    } catch (Anomaly a) {
      rejected = a;
    }
    if (plan.conflict() != null) {
      assertNotNull(rejected, () -> "expected a conflict (" + plan.conflict() + ") " + ctx.get());
      assertEquals(Category.CONFLICT, rejected.category(), rejected + " " + ctx.get());
      assertEquals(basis, conn.db().basisT(), "a rejected transaction changes nothing");
    } else if (rejected != null) {
      fail("rejected: " + rejected + " " + ctx.get());
    } else {
      model.commit(plan, report);
    }
  }

  private static void compare(Database db, IndexModel model, int pick, Supplier<String> ctx) {
    for (IndexOrder o : IndexOrder.values()) {
      same(o.toString(), model.current(o), db.datoms(o.keyword()), ctx);
    }
    same("history EAVT", model.history(IndexOrder.EAVT), db.history().datoms(":eavt"), ctx);
    same("history AVET", model.history(IndexOrder.AVET), db.history().datoms(":avet"), ctx);
    long t = model.ts.get(pick % model.ts.size());
    Database asOf = db.asOf(t);
    same("as-of " + t + " EAVT", model.asOf(t, IndexOrder.EAVT), asOf.datoms(":eavt"), ctx);
    same("as-of " + t + " VAET", model.asOf(t, IndexOrder.VAET), asOf.datoms(":vaet"), ctx);
    same("since " + t + " AEVT", model.since(t, IndexOrder.AEVT), db.since(t).datoms(":aevt"), ctx);
    assertEquals(model.current(IndexOrder.EAVT).size(), db.datomCount(), "datom count");
  }

  private static void same(
      String what, List<Datom> expected, Iterable<Datom> actualDatoms, Supplier<String> ctx) {
    List<Datom> actual = DatomRows.list(actualDatoms);
    if (expected.equals(actual)) {
      return;
    }
    Set<Datom> missing = new HashSet<>(expected);
    actual.forEach(missing::remove);
    Set<Datom> extra = new HashSet<>(actual);
    expected.forEach(extra::remove);
    fail(
        what
            + " differs: missing "
            + missing
            + ", unexpected "
            + extra
            + (missing.isEmpty() && extra.isEmpty() ? ", order " + actual : "")
            + "\n"
            + ctx.get());
  }

  /** Binds each spec to the entities of the model (statements needing an entity need a pool). */
  private static List<ModelStmt> bind(TxSpec tx, IndexModel model) {
    List<ModelStmt> out = new ArrayList<>();
    List<Long> pool = model.pool;
    for (int i = 0; i < tx.specs().size(); i++) {
      Spec s = tx.specs().get(i);
      if (s.kind() == Kind.CREATE) {
        out.add(create("t" + i, s, pool));
        continue;
      }
      if (pool.isEmpty()) {
        continue;
      }
      long e = pool.get(s.slot() % pool.size());
      Attr a = Attr.values()[s.attr()];
      switch (s.kind()) {
        case ADD -> out.add(new ModelStmt.Add(e, a, value(a, s.value(), pool)));
        case RETRACT -> {
          List<Object> now = model.values(e, a);
          Object v =
              !now.isEmpty() && s.old() < 2
                  ? now.get(s.value() % now.size())
                  : value(a, s.value(), pool);
          out.add(new ModelStmt.Retract(e, a, v));
        }
        case RETRACT_ENTITY -> out.add(new ModelStmt.RetractEntity(e));
        default -> {
          Attr one = CARD_ONE[s.attr() % CARD_ONE.length];
          List<Object> now = model.values(e, one);
          Object old =
              switch (s.old()) {
                case 0 -> now.isEmpty() ? null : now.get(0);
                case 1 -> null;
                default -> value(one, s.value() + 1, pool);
              };
          out.add(new ModelStmt.Cas(e, one, old, value(one, s.value(), pool)));
        }
      }
    }
    return out;
  }

  private static ModelStmt create(String tempid, Spec s, List<Long> pool) {
    Map<Attr, Object> values = new EnumMap<>(Attr.class);
    for (Attr a : Attr.values()) {
      if ((s.mask() & (1 << a.ordinal())) == 0 || a == Attr.FRIEND && pool.isEmpty()) {
        continue;
      }
      values.put(
          a,
          switch (a) {
            case NUMS -> List.of(value(a, s.value(), pool), value(a, s.value() + 2, pool));
            case FRIEND -> value(a, s.slot(), pool);
            case UID -> value(a, s.value() + s.slot(), pool);
            default -> value(a, s.value(), pool);
          });
    }
    if (values.isEmpty()) {
      values.put(Attr.NAME, value(Attr.NAME, s.value(), pool));
    }
    return new ModelStmt.Create(tempid, values);
  }

  /** The {@code i}th value of attribute {@code a}'s small domain. */
  private static Object value(Attr a, int i, List<Long> pool) {
    return switch (a) {
      case NAME -> String.valueOf((char) ('a' + i % 4));
      case NUMS -> (long) (i % 4 + 1);
      case FRIEND -> pool.get(i % pool.size());
      case UID -> "u" + i % 4;
      case HITS -> (long) (i % 3 + 1);
    };
  }

  @Provide
  Arbitrary<List<TxSpec>> transactions() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequency(
            Tuple.of(3, Kind.CREATE),
            Tuple.of(3, Kind.ADD),
            Tuple.of(2, Kind.RETRACT),
            Tuple.of(1, Kind.RETRACT_ENTITY),
            Tuple.of(2, Kind.CAS));
    Arbitrary<Spec> spec =
        Combinators.combine(
                kinds,
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 31))
            .as(Spec::new);
    Arbitrary<TxSpec> tx =
        Combinators.combine(
                spec.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.of(true, false))
            .as(TxSpec::new);
    return tx.list().ofMinSize(1).ofMaxSize(15);
  }
}
