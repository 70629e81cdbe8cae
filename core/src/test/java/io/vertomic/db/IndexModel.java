package io.vertomic.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.datom.IndexOrder;
import io.vertomic.db.ModelStmt.Attr;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Attribute;
import io.vertomic.peer.Database;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The reference model of {@link IndexModelPropertyTest}: plain sets of facts, written from
 * Datomic's rules rather than from the engine. It holds the current facts (e, a, v, tx), every
 * assertion and retraction with its tx, and a copy of the current facts after each transaction;
 * from these it predicts what a transaction does (or that it is a conflict) and what every index
 * and view must hold.
 */
final class IndexModel {
  /** A fact's identity: entity (an id, or a tempid's placeholder while predicting), attr, value. */
  record Key(Object e, Attr a, Object v) {}

  /** What a transaction will do: a conflict, or its new facts, removed facts and tempids. */
  record Plan(String conflict, Set<Key> added, Set<Key> removed, Map<String, Object> tempids) {}

  private static final Keyword REF = Keyword.of("db.type/ref");

  private final Map<Attr, Long> ids = new EnumMap<>(Attr.class);
  private final Map<Long, Attr> byId = new HashMap<>();
  private final Set<Long> avet = new HashSet<>();
  private final Set<Long> vaet = new HashSet<>();
  private final long txInstant;
  private final List<Datom> baseline;
  private final Map<Key, Datom> current = new LinkedHashMap<>();
  private final List<Datom> instants = new ArrayList<>();
  private final List<Datom> events = new ArrayList<>();
  private final TreeMap<Long, List<Datom>> snapshots = new TreeMap<>();

  /** Entities the generated transactions created, in order. */
  final List<Long> pool = new ArrayList<>();

  /** The t of every transaction so far, the schema's first. */
  final List<Long> ts = new ArrayList<>();

  /** A model of {@code db}: its datoms become the baseline, never retracted. */
  IndexModel(Database db) {
    baseline = new ArrayList<>();
    db.datoms(":eavt").forEach(baseline::add);
    for (Attr a : Attr.values()) {
      long id = db.entid(a.ident);
      ids.put(a, id);
      byId.put(id, a);
    }
    txInstant = db.entid(":db/txInstant");
    Set<Long> attrs = new HashSet<>(ids.values());
    baseline.forEach(d -> attrs.add(d.a()));
    for (long a : attrs) {
      Attribute attr = db.attribute(a);
      if (attr.indexed()) {
        avet.add(a);
      }
      if (REF.equals(attr.valueType())) {
        vaet.add(a);
      }
    }
    ts.add(db.basisT());
    snapshots.put(db.basisT(), List.of());
  }

  long id(Attr a) {
    return ids.get(a);
  }

  /** The current values of {@code (e, a)}. */
  List<Object> values(long e, Attr a) {
    List<Object> out = new ArrayList<>();
    for (Key k : current.keySet()) {
      if (k.e().equals(e) && k.a() == a) {
        out.add(k.v());
      }
    }
    return out;
  }

  private Object one(Object e, Attr a) {
    for (Key k : current.keySet()) {
      if (k.e().equals(e) && k.a() == a) {
        return k.v();
      }
    }
    return null;
  }

  private Long owner(Object uid) {
    for (Key k : current.keySet()) {
      if (k.a() == Attr.UID && k.v().equals(uid)) {
        return (Long) k.e();
      }
    }
    return null;
  }

  /**
   * Tempids resolved as Datomic does: a tempid asserting a {@code :db.unique/identity} value some
   * entity has becomes that entity (upsert); tempids asserting the same new value become one new
   * entity, named by a placeholder string until the transaction says which id it got.
   */
  Map<String, Object> tempids(List<ModelStmt> stmts) {
    Map<Object, String> byUid = new HashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    for (ModelStmt s : stmts) {
      if (s instanceof ModelStmt.Create c) {
        Object uid = c.values().get(Attr.UID);
        Long owner = uid == null ? null : owner(uid);
        String same = uid == null ? null : byUid.putIfAbsent(uid, c.tempid());
        out.put(
            c.tempid(), owner != null ? owner : same != null ? out.get(same) : "new:" + c.tempid());
      }
    }
    return out;
  }

  /** The facts {@code stmts} assert (tempids resolved by {@code tempids}). */
  private Set<Key> asserted(List<ModelStmt> stmts, Map<String, Object> tempids) {
    Set<Key> a = new LinkedHashSet<>();
    for (ModelStmt s : stmts) {
      if (s instanceof ModelStmt.Create c) {
        Object e = tempids.get(c.tempid());
        c.values()
            .forEach(
                (attr, v) -> {
                  for (Object x : attr.many ? (List<?>) v : List.of(v)) {
                    a.add(new Key(e, attr, x));
                  }
                });
      } else if (s instanceof ModelStmt.Add add) {
        a.add(new Key(add.e(), add.a(), add.v()));
      } else if (s instanceof ModelStmt.Cas cas) {
        a.add(new Key(cas.e(), cas.a(), cas.v()));
      }
    }
    return a;
  }

  /**
   * Drops each retraction of a fact that is not current but asserted by the same transaction: the
   * one combination whose outcome Datomic leaves to statement order.
   */
  List<ModelStmt> sanitize(List<ModelStmt> stmts) {
    Set<Key> a = asserted(stmts, tempids(stmts));
    List<ModelStmt> out = new ArrayList<>();
    for (ModelStmt s : stmts) {
      if (s instanceof ModelStmt.Retract r) {
        Key k = new Key(r.e(), r.a(), r.v());
        if (!current.containsKey(k) && a.contains(k)) {
          continue;
        }
      }
      out.add(s);
    }
    return out;
  }

  /** What {@code stmts} will do to the current facts. */
  Plan predict(List<ModelStmt> stmts) {
    Map<String, Object> tempids = tempids(stmts);
    Set<Key> a = asserted(stmts, tempids);
    Set<Key> retracted = new LinkedHashSet<>();
    Map<List<Object>, Object> retractedOnes = new HashMap<>();
    for (ModelStmt s : stmts) {
      if (s instanceof ModelStmt.Retract r) {
        Key k = new Key(r.e(), r.a(), r.v());
        // Datomic: two retractions of different values of a cardinality-one attribute conflict
        Object prior = r.a().many ? null : retractedOnes.putIfAbsent(List.of(r.e(), r.a()), r.v());
        if (prior != null && !prior.equals(r.v())) {
          return conflict("retracts two values for " + k + ": " + prior);
        }
        if (current.containsKey(k)) {
          retracted.add(k);
        }
      } else if (s instanceof ModelStmt.RetractEntity re) {
        for (Key k : current.keySet()) {
          if (k.e().equals(re.e()) || k.a().ref && k.v().equals(re.e())) {
            retracted.add(k);
            Object prior =
                k.a().many ? null : retractedOnes.putIfAbsent(List.of(k.e(), k.a()), k.v());
            if (prior != null && !prior.equals(k.v())) {
              return conflict("retracts two values for " + k + ": " + prior);
            }
          }
        }
      } else if (s instanceof ModelStmt.Cas cas
          && !Objects.equals(cas.old(), one(cas.e(), cas.a()))) {
        return conflict("cas of " + cas + " found " + one(cas.e(), cas.a()));
      }
    }
    for (Key k : a) {
      if (retracted.contains(k)) {
        return conflict("asserts and retracts " + k);
      }
    }
    Map<List<Object>, Object> ones = new HashMap<>();
    for (Key k : a) {
      if (!k.a().many) {
        Object prior = ones.putIfAbsent(List.of(k.e(), k.a()), k.v());
        if (prior != null && !prior.equals(k.v())) {
          return conflict("two values for " + k + ": " + prior);
        }
        Object cur = one(k.e(), k.a());
        if (cur != null && !cur.equals(k.v())) {
          retracted.add(new Key(k.e(), k.a(), cur));
        }
      }
    }
    Set<Key> added = new LinkedHashSet<>();
    for (Key k : a) {
      if (!current.containsKey(k)) {
        added.add(k);
      }
    }
    Map<Object, Object> uids = new HashMap<>();
    for (Key k : added) {
      if (k.a() == Attr.UID) {
        Object other = uids.putIfAbsent(k.v(), k.e());
        Long owner = owner(k.v());
        if (other != null && !other.equals(k.e())
            || owner != null
                && !owner.equals(k.e())
                && !retracted.contains(new Key(owner, Attr.UID, k.v()))) {
          return conflict("unique " + k);
        }
      }
    }
    return new Plan(null, added, retracted, tempids);
  }

  private static Plan conflict(String why) {
    return new Plan(why, Set.of(), Set.of(), Map.of());
  }

  /** Checks {@code report} against {@code plan}, then applies it. */
  void commit(Plan plan, TxReport report) {
    long t = report.dbAfter().basisT();
    long tx = EntityId.tToTx(t);
    Map<Object, Long> fresh = new HashMap<>();
    for (Map.Entry<String, Object> en : plan.tempids().entrySet()) {
      Long got = report.tempids().get(en.getKey());
      assertNotNull(got, () -> "tempid " + en.getKey() + " in " + report.tempids());
      if (en.getValue() instanceof Long upserted) {
        assertEquals(upserted, got, "tempid " + en.getKey() + " upserts");
      } else {
        Long prior = fresh.putIfAbsent(en.getValue(), got);
        assertEquals(prior == null ? got : prior, got, "tempids with one new identity unify");
        assertFalse(pool.contains(got) && prior == null, () -> "new entity " + got + " is fresh");
      }
    }
    assertEquals(fresh.size(), new HashSet<>(fresh.values()).size(), "new entities are distinct");
    Set<Datom> expected = new HashSet<>();
    List<Datom> adds = new ArrayList<>();
    for (Key k : plan.added()) {
      Object e = k.e() instanceof Long id ? id : fresh.get(k.e());
      Datom d = new Datom((Long) e, id(k.a()), k.v(), tx, true);
      adds.add(d);
      expected.add(d);
    }
    List<Datom> retractions = new ArrayList<>();
    for (Key k : plan.removed()) {
      Datom old = current.get(k);
      retractions.add(new Datom(old.e(), old.a(), old.v(), tx, false));
    }
    expected.addAll(retractions);
    Datom instant =
        report.txData().stream()
            .filter(d -> d.a() == txInstant && d.e() == tx)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tx instant in " + report.txData()));
    expected.add(instant);
    assertEquals(expected, new HashSet<>(report.txData()), "tx data");
    assertEquals(expected.size(), report.txData().size(), "tx data has no duplicates");

    plan.removed().forEach(current::remove);
    for (Datom d : adds) {
      current.put(new Key(d.e(), byId.get(d.a()), d.v()), d);
    }
    instants.add(instant);
    events.add(instant);
    for (Datom d : adds) {
      if (byId.get(d.a()) != Attr.HITS) {
        events.add(d);
      }
    }
    for (Datom d : retractions) {
      if (byId.get(d.a()) != Attr.HITS) {
        events.add(d);
      }
    }
    List<Datom> snapshot = new ArrayList<>(instants);
    current.values().stream().filter(d -> byId.get(d.a()) != Attr.HITS).forEach(snapshot::add);
    snapshots.put(t, snapshot);
    ts.add(t);
    fresh.values().stream().sorted().forEach(pool::add);
    assertTrue(ts.size() < 2 || ts.get(ts.size() - 2) < t, "t grows");
  }

  private List<Datom> hits(Predicate<Datom> keep) {
    return current.values().stream()
        .filter(d -> byId.get(d.a()) == Attr.HITS)
        .filter(keep)
        .toList();
  }

  /** The current datoms of {@code order}. */
  List<Datom> current(IndexOrder order) {
    List<Datom> all = new ArrayList<>(baseline);
    all.addAll(instants);
    all.addAll(current.values());
    return sorted(order, all, false);
  }

  /**
   * The history datoms of {@code order}: a {@code :db/noHistory} attribute keeps only its present.
   */
  List<Datom> history(IndexOrder order) {
    List<Datom> all = new ArrayList<>(baseline);
    all.addAll(events);
    all.addAll(hits(d -> true));
    return sorted(order, all, true);
  }

  /** The datoms of {@code order} as of {@code t}. */
  List<Datom> asOf(long t, IndexOrder order) {
    long tx = EntityId.tToTx(t);
    List<Datom> all = new ArrayList<>(baseline.stream().filter(d -> d.tx() <= tx).toList());
    Map.Entry<Long, List<Datom>> then = snapshots.floorEntry(t);
    if (then != null) {
      all.addAll(then.getValue());
    }
    all.addAll(hits(d -> d.tx() <= tx));
    return sorted(order, all, false);
  }

  /** The current datoms of {@code order} added after {@code t}. */
  List<Datom> since(long t, IndexOrder order) {
    long tx = EntityId.tToTx(t);
    return current(order).stream().filter(d -> d.tx() > tx).toList();
  }

  private List<Datom> sorted(IndexOrder order, List<Datom> all, boolean history) {
    List<Datom> out = new ArrayList<>();
    for (Datom d : all) {
      if (order == IndexOrder.AVET
          ? avet.contains(d.a())
          : order != IndexOrder.VAET || vaet.contains(d.a())) {
        out.add(d);
      }
    }
    out.sort(history ? order.historyComparator() : order.comparator());
    return out;
  }
}
