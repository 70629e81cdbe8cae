package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.DbId;
import io.vertomic.edn.Edn;
import io.vertomic.schema.Idents;
import io.vertomic.schema.Unique;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every tempid of a transaction its entity id. First upserts: a tempid asserted with a {@code
 * :db.unique/identity} value some entity already has becomes that entity (repeated until nothing
 * changes, since resolving one tempid can make another's value known). Then tempids that assert the
 * same identity value unify, transitively, and with the entity one of them upserted to. The rest
 * get new ids, in order of first appearance: in {@code :db.part/db} when they install an attribute,
 * else in {@code :db.part/user}, counting up from the transaction's {@code t}. A tempid that never
 * names the entity of an assertion (only a value, or a retraction) is an error, as in Datomic.
 */
final class TempidResolver {
  private final DbValue db;
  private final List<Op> ops;
  private final long t;
  private final Map<Object, Long> ids = new HashMap<>();
  private final Map<Object, Object> alias = new HashMap<>();
  private long nextUser;
  private long nextDb;

  TempidResolver(DbValue db, List<Op> ops, long t) {
    this.db = db;
    this.ops = ops;
    this.t = t;
    this.nextUser = t + 1;
    this.nextDb = db.nextDbCounter();
    ids.put(Idents.TX_TEMPID, EntityId.tToTx(t));
  }

  /** Whether {@code x} in entity position (or as a ref value) is a tempid. */
  static boolean isTempid(Object x) {
    return x instanceof String || x instanceof DbId || x instanceof Op.AutoId;
  }

  /** Resolves every tempid; afterwards {@link #id} answers for each. */
  TempidResolver resolve() {
    checkRecords();
    upsert();
    unify();
    allocate();
    return this;
  }

  /** The entity id of tempid {@code tempid}. */
  long id(Object tempid) {
    Long id = ids.get(root(tempid));
    if (id == null) {
      throw Anomaly.incorrect(
          "db.error/tempid-not-an-entity",
          "tempid " + TxExpander.describe(tempid) + " is used only in a retraction or as a value");
    }
    return id;
  }

  /** Whether entity {@code id} is created by this transaction (so it has no datoms yet). */
  boolean isNew(long id) {
    long c = EntityId.counter(id);
    return EntityId.partition(id) == EntityId.PART_DB ? c >= db.nextDbCounter() : c >= db.nextT();
  }

  /** The user's string tempids and what they resolved to. */
  Map<String, Long> userTempids() {
    Map<String, Long> out = new LinkedHashMap<>(ids.size() * 4 / 3 + 1);
    for (Op op : ops) {
      if (op instanceof Op.Add add) {
        userTempid(add.e(), out);
        if (add.a().isRef()) {
          userTempid(add.v(), out);
        }
      }
    }
    return out;
  }

  private void userTempid(Object x, Map<String, Long> out) {
    if (x instanceof String s && !s.equals(Idents.TX_TEMPID)) {
      if (!out.containsKey(s)) { // an entity map's tempid comes with each of its attributes
        out.put(s, id(s));
      }
    } else if (x instanceof DbId r) {
      out.put(key(r), id(r));
    }
  }

  /** The key of a tempid record in a report's tempids: its EDN text. */
  static String key(DbId r) {
    return Edn.write(r);
  }

  long nextT() {
    return nextUser;
  }

  long nextDbCounter() {
    return nextDb;
  }

  private void upsert() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Op op : ops) {
        if (op instanceof Op.Add add && isTempid(add.e()) && add.a().unique() == Unique.IDENTITY) {
          Object v = known(add);
          Long existing = v == null ? null : db.entityWith(add.a().id(), v);
          if (existing != null) {
            Long prev = ids.get(add.e());
            if (prev == null) {
              ids.put(add.e(), existing);
              changed = true;
            } else if (!prev.equals(existing)) {
              throw Anomaly.conflict(
                  "db.error/unique-conflict",
                  "In statement "
                      + add.stmt()
                      + ": tempid "
                      + TxExpander.describe(add.e())
                      + " upserts to two entities, "
                      + prev
                      + " and "
                      + existing
                      + " ("
                      + add.a().ident()
                      + " "
                      + TxExpander.describe(add.v())
                      + ")");
            }
          }
        }
      }
    }
  }

  /** The stored value of an add whose value is known now (not an unresolved tempid). */
  private Object known(Op.Add add) {
    Object v = add.v();
    if (isTempid(v) && add.a().isRef()) {
      return ids.get(root(v));
    }
    try {
      return Resolver.value(db, add.a(), v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void unify() {
    Map<List<Object>, Object> owners = new HashMap<>();
    for (Op op : ops) {
      if (op instanceof Op.Add add && isTempid(add.e()) && add.a().unique() == Unique.IDENTITY) {
        Object v = known(add);
        if (v == null) {
          continue;
        }
        Object owner = owners.putIfAbsent(List.of(add.a().id(), v), add.e());
        if (owner != null) {
          union(owner, add);
        }
      }
    }
  }

  /** Makes {@code owner} and the entity of {@code add} one; the root keeps any upserted id. */
  private void union(Object owner, Op.Add add) {
    Object a = root(owner);
    Object b = root(add.e());
    if (a.equals(b)) {
      return;
    }
    Long ia = ids.get(a);
    Long ib = ids.get(b);
    if (ia != null && ib != null && !ia.equals(ib)) {
      throw Anomaly.conflict(
          "db.error/unique-conflict",
          "In statement "
              + add.stmt()
              + ": tempids "
              + TxExpander.describe(owner)
              + " and "
              + TxExpander.describe(add.e())
              + " share "
              + add.a().ident()
              + " "
              + TxExpander.describe(add.v())
              + " but upsert to two entities, "
              + ia
              + " and "
              + ib);
    }
    if (ia == null && ib != null) {
      alias.put(a, b);
    } else {
      alias.put(b, a);
    }
  }

  /** The tempid that stands for {@code x} after unification. */
  private Object root(Object x) {
    Object r = x;
    for (Object next = alias.get(r); next != null; next = alias.get(r)) {
      r = next;
    }
    return r;
  }

  /** A record's number names one entity, so one number in two partitions is a mistake. */
  private void checkRecords() {
    Map<Long, DbId> seen = new HashMap<>();
    for (Op op : ops) {
      if (op instanceof Op.Add add) {
        checkRecord(add.e(), add.stmt(), seen);
        checkRecord(add.v(), add.stmt(), seen);
      }
    }
  }

  private static void checkRecord(Object x, int stmt, Map<Long, DbId> seen) {
    if (!(x instanceof DbId r)) {
      return;
    }
    DbId other = seen.putIfAbsent(r.idx(), r);
    if (other != null && !other.partition().equals(r.partition())) {
      throw Anomaly.incorrect(
          "db.error/tempid-partition-conflict",
          "In statement "
              + stmt
              + ": tempid number "
              + r.idx()
              + " is used in two partitions, "
              + TxExpander.describe(other)
              + " and "
              + TxExpander.describe(r));
    }
  }

  private void allocate() {
    Set<Object> installs = new HashSet<>();
    boolean refTempids = false;
    for (Op op : ops) {
      if (op instanceof Op.Add add) {
        if (add.a().ident() == Idents.VALUE_TYPE && isTempid(add.e())) {
          installs.add(root(add.e()));
        }
        if (add.a().ident() == Idents.INSTALL_PARTITION && isTempid(add.v())) {
          installs.add(root(add.v()));
        }
        refTempids |= add.a().isRef() && isTempid(add.v());
      } else if (op instanceof Op.Cas cas) {
        refTempids |= cas.a().isRef() && isTempid(cas.newV());
      }
    }
    // the tempids that name an entity here, which a reference to one allocates; none needed in a
    // load with no tempid in a reference (hashing every tempid entity was most of this method)
    Set<Object> entities = refTempids ? tempidEntities() : Set.of();
    Partitions parts = new Partitions(db, ops, installs, this::root);
    for (Op op : ops) {
      if (op instanceof Op.Add add) {
        allocate(add.e(), parts);
        if (add.a().isRef() && isTempid(add.v()) && entities.contains(root(add.v()))) {
          allocate(add.v(), parts);
        }
      } else if (op instanceof Op.Cas cas
          && cas.a().isRef()
          && isTempid(cas.newV())
          && entities.contains(root(cas.newV()))) {
        allocate(cas.newV(), parts);
      }
    }
  }

  private Set<Object> tempidEntities() {
    Set<Object> entities = new HashSet<>();
    for (Op op : ops) {
      if (op instanceof Op.Add add && isTempid(add.e())) {
        entities.add(root(add.e()));
      }
    }
    return entities;
  }

  private void allocate(Object x, Partitions parts) {
    if (!isTempid(x)) {
      return;
    }
    Object key = root(x);
    if (!ids.containsKey(key)) {
      long part = parts.of(key);
      ids.put(
          key,
          part == EntityId.PART_DB
              ? EntityId.of(EntityId.PART_DB, nextDb++)
              : part == EntityId.PART_TX ? EntityId.tToTx(t) : EntityId.of(part, nextUser++));
    }
  }
}
