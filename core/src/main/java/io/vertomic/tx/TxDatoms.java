package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.datom.Datom;
import io.vertomic.datom.Values;
import io.vertomic.db.DbValue;
import io.vertomic.schema.Attr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The datoms a transaction produces, gathered op by op against the database before it:
 * cardinality-one assertions replace the current value, redundant assertions and retractions of
 * absent facts vanish, and asserting and retracting the same fact (or asserting two values, or
 * retracting two values, of a cardinality-one attribute) in one transaction is a conflict.
 */
final class TxDatoms {
  private final DbValue db;
  private final long tx;
  private final TempidResolver ids;
  // the facts asserted of cardinality-many attributes; those of cardinality-one ones are in ones,
  // which finds a repeated assertion as well as a second value, with one lookup instead of two
  private final Set<Fact> asserts;
  // how many of asserted are in asserts or ones: replay leaves them out until an add or retract
  // asks
  private int indexed;
  private final Map<Fact, Datom> retracts = new HashMap<>();
  // Facts the transaction asked to retract, present or not: asserting one of them is a
  // conflict whichever statement comes first.
  private final Set<Fact> retractRequests = new HashSet<>();
  // the value asserted for each (entity, cardinality-one attribute)
  private final LongPairMap<Object> ones;
  private final Map<Fact, Object> retractedOnes = new HashMap<>();
  final List<Datom> asserted;
  final List<Datom> removed = new ArrayList<>();
  final List<Datom> retractions = new ArrayList<>();

  /** (entity, attribute) pairs touched of attributes that are part of a composite tuple. */
  final Set<Fact> touched;

  /**
   * An empty gathering for transaction {@code tx}; {@code expected} statements (about one datom
   * each) size its maps, so a large transaction does not rehash them again and again.
   */
  TxDatoms(DbValue db, long tx, TempidResolver ids, int expected) {
    this.db = db;
    this.tx = tx;
    this.ids = ids;
    int capacity = expected + expected / 3 + 1;
    this.asserts = new HashSet<>(capacity);
    this.ones = new LongPairMap<>(expected);
    this.touched = new HashSet<>(capacity);
    this.asserted = new ArrayList<>(expected + 1); // and the transaction instant
  }

  long tx() {
    return tx;
  }

  /** Asserts (e, a, v); {@code why} names the statement for conflict messages. */
  void add(Object why, long e, Attr a, Object v) {
    indexReplayed();
    if (!retractRequests.isEmpty() && retractRequests.contains(new Fact(e, a.id(), v))) {
      throw conflict(why, "asserts and retracts " + show(e, a, v) + " in one transaction");
    }
    boolean fresh = ids.isNew(e);
    if (!a.many()) {
      Object prior = ones.putIfAbsent(e, a.id(), v);
      if (prior != null) {
        if (Values.equal(prior, v)) {
          return; // asserted before in this transaction
        }
        throw twoValues(why, "two values for", a, e, prior, v);
      }
      if (!fresh) {
        for (Datom old : db.currentDatoms(e, a.id())) {
          if (Values.equal(old.v(), v)) {
            return; // redundant: already the current value
          }
          remove(old);
        }
      }
    } else {
      // one lookup for the usual new fact; a redundant one stays in asserts all the same, so that
      // retracting it is a conflict too
      if (!asserts.add(new Fact(e, a.id(), v))) {
        return;
      }
      if (!fresh && db.currentDatom(e, a.id(), v) != null) {
        return;
      }
    }
    Datom d = new Datom(e, a.id(), v, tx, true);
    asserted.add(d);
    indexed++;
    touch(e, a.id());
  }

  // only (e, a) pairs of a composite tuple's parts matter (CompositeTuples, on the same base)
  private void touch(long e, long a) {
    if (!db.schema().compositesOf(a).isEmpty()) {
      touched.add(new Fact(e, a, null));
    }
  }

  /** Retracts (e, a, v) when it is current; a retraction of an absent fact is ignored. */
  void retract(Object why, long e, Attr a, Object v) {
    indexReplayed();
    Fact f = new Fact(e, a.id(), v);
    if (a.many() ? asserts.contains(f) : isAssertedOne(e, a.id(), v)) {
      throw conflict(why, "asserts and retracts " + show(e, a, v) + " in one transaction");
    }
    retractRequests.add(f);
    if (!a.many()) {
      // as in Datomic, even when neither value is current
      Object prior = retractedOnes.putIfAbsent(new Fact(e, a.id(), null), v);
      if (prior != null && !Values.equal(prior, v)) {
        throw twoValues(why, "retracts two values of", a, e, prior, v);
      }
    }
    if (retracts.containsKey(f) || ids.isNew(e)) {
      return;
    }
    Datom old = db.currentDatom(e, a.id(), v);
    if (old != null) {
      remove(old);
    }
  }

  private static Anomaly twoValues(Object why, String what, Attr a, long e, Object x, Object y) {
    return conflict(
        why,
        what
            + " cardinality-one "
            + a.ident()
            + " of entity "
            + e
            + ": "
            + TxExpander.describe(x)
            + " and "
            + TxExpander.describe(y));
  }

  private void remove(Datom old) {
    Fact f = new Fact(old.e(), old.a(), old.v());
    if (retracts.putIfAbsent(f, old) == null) {
      removed.add(old);
      retractions.add(new Datom(old.e(), old.a(), old.v(), tx, false));
      touch(old.e(), old.a());
    }
  }

  /**
   * Takes a datom of a transaction that was already accepted (read back from the log): an assertion
   * as is, a retraction together with the current datom it retracts.
   */
  void replay(Datom d) {
    if (d.added()) {
      asserted.add(d); // into asserts only if an add or retract follows (indexReplayed)
      return;
    }
    Fact f = new Fact(d.e(), d.a(), d.v());
    Datom old = db.currentDatom(d.e(), d.a(), d.v());
    if (old == null) {
      throw new IllegalStateException("log retracts a datom the database does not hold: " + d);
    }
    retracts.put(f, old);
    retractRequests.add(f);
    removed.add(old);
    retractions.add(d);
  }

  // puts the replayed assertions in asserts or ones, which add and retract consult; a replay of
  // thousands of datoms that no schema change follows never needs them
  private void indexReplayed() {
    for (; indexed < asserted.size(); indexed++) {
      Datom d = asserted.get(indexed);
      Attr a = db.schema().attr(d.a());
      if (a != null && !a.many()) {
        ones.putIfAbsent(d.e(), d.a(), d.v());
      } else {
        asserts.add(new Fact(d.e(), d.a(), d.v()));
      }
    }
  }

  private boolean isAssertedOne(long e, long a, Object v) {
    Object asserted = ones.get(e, a);
    return asserted != null && Values.equal(asserted, v);
  }

  /** Whether the current fact (e, a, v) is retracted by this transaction. */
  boolean isRetracted(long e, long a, Object v) {
    return retracts.containsKey(new Fact(e, a, v));
  }

  /** The value this transaction asserts for cardinality-one (e, a), or null. */
  Object assertedOne(long e, long a) {
    return ones.get(e, a);
  }

  /** Every datom of the transaction: assertions, then retractions. */
  List<Datom> all() {
    List<Datom> out = new ArrayList<>(asserted.size() + retractions.size());
    out.addAll(asserted);
    out.addAll(retractions);
    return out;
  }

  private static Anomaly conflict(Object why, String what) {
    return Anomaly.conflict("db.error/datoms-conflict", why + ": " + what);
  }

  static String show(long e, Attr a, Object v) {
    return "[" + e + " " + a.ident() + " " + TxExpander.describe(v) + "]";
  }
}
