package io.vertomic.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertomic.datom.Datom;
import io.vertomic.datom.IndexOrder;
import io.vertomic.schema.Bootstrap;
import io.vertomic.schema.Idents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A database whose stored indexes were written before a bootstrap attribute existed loads with it,
 * as a new database has it.
 */
class BootstrapUpgradeTest {
  @Test
  void aDatabaseIndexedBeforeTheAccessKeyAttributeHasItWhenLoaded() {
    DbValue fresh = DbValue.bootstrap();
    List<Datom> older = new ArrayList<>();
    for (Datom d : Bootstrap.datoms()) {
      boolean installsIt = d.a() == 13 && d.v().equals(Bootstrap.ACCESS_KEY);
      if (d.e() != Bootstrap.ACCESS_KEY && !installsIt) {
        older.add(d);
      }
    }
    Indexes stored = Indexes.empty().apply(fresh.schema(), older, List.of(), List.of());

    DbValue loaded = DbValue.restore(stored, 0, Bootstrap.FIRST_USER_T, 100);

    assertEquals(fresh.datomCount(), loaded.datomCount());
    assertEquals(Bootstrap.ACCESS_KEY, loaded.schema().entid(Idents.TX_ACCESS_KEY));
    assertNotNull(loaded.attr(Bootstrap.ACCESS_KEY));
    for (IndexOrder o : IndexOrder.values()) {
      assertEquals(
          fresh.currentCount(o, new Object[0]), loaded.currentCount(o, new Object[0]), o.name());
    }
  }

  @Test
  void aDatabaseWithTheWholeBootstrapLoadsItsIndexesUnchanged() {
    DbValue fresh = DbValue.bootstrap();
    assertSame(fresh.indexes(), DbValue.withMissingBootstrap(fresh.indexes()));
  }
}
