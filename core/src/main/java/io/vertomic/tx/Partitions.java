package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.db.DbValue;
import io.vertomic.db.Resolver;
import io.vertomic.edn.DbId;
import io.vertomic.schema.Idents;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The partition a new entity of a transaction goes into, as Datomic decides it: a {@code
 * :db/force-partition} directive first, then {@code :db/match-partition} (the partition of another
 * entity or tempid), then a tempid record's own partition; else {@code :db.part/db} for an entity
 * that installs an attribute or a partition and {@code :db.part/user} for the rest. A partition is
 * named by an ident or an id: a named partition (an entity {@code :db.part/db} lists under {@code
 * :db.install/partition}) or one of the implicit partitions, whose ids carry the partition in their
 * high bits with a zero counter. The answer is the partition number that goes in an entity id's
 * high bits.
 */
public final class Partitions {
  /** The first of Datomic's 2^19 implicit partitions. */
  static final long FIRST_IMPLICIT = 1L << 19;

  private final DbValue db;
  private final Set<Object> installs;
  private final UnaryOperator<Object> root;
  private final Map<Object, Op.Place> force = new HashMap<>();
  private final Map<Object, Op.Place> match = new HashMap<>();
  private final Map<Object, DbId> records = new HashMap<>();
  private final Set<Object> resolving = new HashSet<>();

  Partitions(DbValue db, List<Op> ops, Set<Object> installs, UnaryOperator<Object> root) {
    this.db = db;
    this.installs = installs;
    this.root = root;
    for (Op op : ops) {
      if (op instanceof Op.Place p) {
        (p.match() ? match : force).put(root.apply(p.tempid()), p);
      } else if (op instanceof Op.Add add) {
        record(add.e());
        if (add.a().isRef()) {
          record(add.v());
        }
      }
    }
  }

  private void record(Object x) {
    if (x instanceof DbId r) {
      records.putIfAbsent(root.apply(r), r);
    }
  }

  /** The partition number of the new entity of tempid {@code key} (after unification). */
  long of(Object key) {
    Op.Place forced = force.get(key);
    if (forced != null) {
      return number(forced.target(), "In statement " + forced.stmt());
    }
    Op.Place matched = match.get(key);
    if (matched != null && resolving.add(key)) {
      try {
        Long p = partitionOfEntity(matched.target());
        if (p != null) {
          return p;
        }
      } finally {
        resolving.remove(key);
      }
    }
    DbId r = key instanceof DbId own ? own : records.get(key);
    if (r != null) {
      return number(r.partition(), "Tempid " + TxExpander.describe(r));
    }
    return installs.contains(key) ? EntityId.PART_DB : EntityId.PART_USER;
  }

  /**
   * The partition number {@code partition} (an ident or an id) names in {@code db}: a named or an
   * implicit partition. Fails with {@code incorrect} for anything else.
   */
  public static long number(DbValue db, Object partition) {
    return new Partitions(db, List.of(), Set.of(), x -> x).number(partition, "Partition");
  }

  /**
   * What Datomic's {@code part} answers for entity id {@code eid}: the partition's entity id, which
   * for an implicit partition is the id with the partition bits and a zero counter.
   */
  public static long partOf(long eid) {
    long field = EntityId.partition(eid);
    return field >= FIRST_IMPLICIT ? EntityId.of(field, 0) : field;
  }

  /**
   * The partition a match-partition target tempid stands for when nothing places it: a string's is
   * {@code :db.part/user} whatever record it unified with by upsert (Datomic's answer).
   */
  private long ownPartition(Object key, Object target) {
    if (force.containsKey(key) || match.containsKey(key)) {
      return of(key);
    }
    return installs.contains(key) ? EntityId.PART_DB : EntityId.PART_USER;
  }

  /** The partition of an entity or tempid, or null when it names no entity. */
  private Long partitionOfEntity(Object target) {
    if (TempidResolver.isTempid(target)) {
      Object key = root.apply(target);
      if (force.containsKey(key) || match.containsKey(key) || !(target instanceof DbId)) {
        return ownPartition(key, target);
      }
      // as Datomic: a record's own partition, even when it upserted to an existing entity
      return number(((DbId) target).partition(), "Tempid " + TxExpander.describe(target));
    }
    Long id = target instanceof Long l ? l : Resolver.entid(db, target);
    if (id == null) {
      // as Datomic: a lookup ref or ident that names nothing is an error, an unknown id is not
      throw Anomaly.incorrect(
          "db.error/not-an-entity",
          ":db/match-partition: unable to resolve entity " + TxExpander.describe(target));
    }
    if (db.currentDatoms(id).isEmpty()) {
      return null;
    }
    return EntityId.partition(id);
  }

  /** The partition number {@code partition} (an ident or an id) names. */
  long number(Object partition, String where) {
    Long id = partition instanceof Long l ? l : null;
    if (id == null) {
      id = partition instanceof Number ? null : entid(partition);
      if (id == null) {
        throw Anomaly.incorrect(
            "db.error/not-a-db-id",
            where + ": invalid db/id: " + TxExpander.describe(partition) + " names no partition");
      }
    }
    long field = EntityId.partition(id);
    if (EntityId.counter(id) == 0 && field >= FIRST_IMPLICIT && field < 2 * FIRST_IMPLICIT) {
      return field;
    }
    if (isNamedPartition(id)) {
      return id;
    }
    throw Anomaly.incorrect(
        "db.error/not-a-partition",
        where
            + ": "
            + TxExpander.describe(partition)
            + " is not a partition (neither installed with :db.install/partition nor implicit)");
  }

  private Long entid(Object ident) {
    try {
      return Resolver.entid(db, ident);
    } catch (Anomaly x) {
      return null;
    }
  }

  private boolean isNamedPartition(long id) {
    long install = db.schema().attr(Idents.INSTALL_PARTITION).id();
    for (Datom d : db.currentDatoms(EntityId.PART_DB, install)) {
      if (d.v() instanceof Long l && l == id) {
        return true;
      }
    }
    return false;
  }
}
