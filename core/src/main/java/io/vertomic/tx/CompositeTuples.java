package io.vertomic.tx;

import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import io.vertomic.schema.Attr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps composite tuple attributes ({@code :db/tupleAttrs}) up to date: for every entity whose part
 * attributes the transaction touched, the tuple is recomputed from the values after the
 * transaction, asserted when any part has a value and retracted when none has.
 */
final class CompositeTuples {
  private CompositeTuples() {}

  static void update(DbValue db, TxDatoms acc) {
    Set<Fact> todo = new HashSet<>();
    for (Fact ea : acc.touched) {
      for (Attr comp : db.schema().compositesOf(ea.a())) {
        todo.add(new Fact(ea.e(), comp.id(), null));
      }
    }
    for (Fact ec : todo) {
      Attr comp = db.schema().attr(ec.a());
      List<Object> tuple = new ArrayList<>();
      boolean any = false;
      for (long part : comp.tupleAttrs()) {
        Object v = valueAfter(db, acc, ec.e(), part);
        any |= v != null;
        tuple.add(v);
      }
      Object why = "Composite tuple " + comp.ident() + " of entity " + ec.e();
      if (any) {
        acc.add(why, ec.e(), comp, Collections.unmodifiableList(tuple));
      } else {
        for (Datom old : db.currentDatoms(ec.e(), comp.id())) {
          acc.retract(why, ec.e(), comp, old.v());
        }
      }
    }
  }

  private static Object valueAfter(DbValue db, TxDatoms acc, long e, long a) {
    Object v = acc.assertedOne(e, a);
    if (v != null) {
      return v;
    }
    for (Datom d : db.currentDatoms(e, a)) {
      if (!acc.isRetracted(e, a, d.v())) {
        return d.v();
      }
    }
    return null;
  }
}
