package io.vertomic.schema;

import io.vertomic.datom.Datom;
import io.vertomic.datom.EntityId;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.List;

/**
 * The datoms every new database starts with, in its transaction {@code t = 0}: partitions, the
 * value types, cardinalities and uniqueness idents, and the schema attributes themselves. Ids
 * follow Datomic's where Datomic has them, so its users recognise them.
 */
public final class Bootstrap {
  /** The counter of the first entity that a transaction may create in {@code :db.part/db}. */
  public static final long FIRST_DB_COUNTER = 100;

  /** The {@code t} of the first user transaction. */
  public static final long FIRST_USER_T = 1000;

  /**
   * The attributes whose datoms make up the schema ({@code :db/ident}, value type, cardinality,
   * unique, index, fulltext, component, no-history, tuple attrs and types, attr preds): a change to
   * one of them changes the schema.
   */
  public static final java.util.Set<Long> SCHEMA_ATTRIBUTES =
      java.util.Set.of(10L, 40L, 41L, 42L, 43L, 44L, 45L, 51L, 63L, 64L, 65L, 66L);

  private static final long TX = EntityId.tToTx(0);
  private static final long IDENT = 10;

  /** The id of {@code :vertomic.tx/access-key}, the peer server's audit of who transacted. */
  public static final long ACCESS_KEY = 74;

  /** The id of {@code :db/fulltext}. */
  public static final long FULLTEXT = 51;

  private Bootstrap() {}

  /** The bootstrap datoms, in EAVT order of creation. */
  public static List<Datom> datoms() {
    List<Datom> d = new ArrayList<>();
    ident(d, 0, "db.part/db");
    ident(d, 1, "db/add");
    ident(d, 2, "db/retract");
    ident(d, 3, "db.part/tx");
    ident(d, 4, "db.part/user");
    attr(d, 10, "db/ident", 21, false, 38, false);
    attr(d, 11, "db.install/partition", 20, true, 0, false);
    attr(d, 13, "db.install/attribute", 20, true, 0, false);
    for (long part : new long[] {0, 3, 4}) {
      d.add(new Datom(0, 11, part, TX, true));
    }
    attr(d, 15, "db/excise", 20, false, 0, false);
    attr(d, 16, "db.excise/attrs", 20, true, 0, false);
    attr(d, 17, "db.excise/beforeT", 22, false, 0, false);
    attr(d, 18, "db.excise/before", 25, false, 0, false);
    ident(d, 20, "db.type/ref");
    ident(d, 21, "db.type/keyword");
    ident(d, 22, "db.type/long");
    ident(d, 23, "db.type/string");
    ident(d, 24, "db.type/boolean");
    ident(d, 25, "db.type/instant");
    ident(d, 26, "db.type/fn");
    ident(d, 27, "db.type/bytes");
    ident(d, 35, "db.cardinality/one");
    ident(d, 36, "db.cardinality/many");
    ident(d, 37, "db.unique/value");
    ident(d, 38, "db.unique/identity");
    attr(d, 40, "db/valueType", 20, false, 0, false);
    attr(d, 41, "db/cardinality", 20, false, 0, false);
    attr(d, 42, "db/unique", 20, false, 0, false);
    attr(d, 43, "db/isComponent", 24, false, 0, false);
    attr(d, 44, "db/index", 24, false, 0, false);
    attr(d, 45, "db/noHistory", 24, false, 0, false);
    attr(d, 50, "db/txInstant", 25, false, 0, true);
    attr(d, FULLTEXT, "db/fulltext", 24, false, 0, false);
    attr(d, 52, "db/fn", 26, false, 0, false);
    ident(d, 56, "db.type/uuid");
    ident(d, 57, "db.type/double");
    ident(d, 58, "db.type/float");
    ident(d, 59, "db.type/uri");
    ident(d, 60, "db.type/bigint");
    ident(d, 61, "db.type/bigdec");
    attr(d, 62, "db/doc", 23, false, 0, false);
    attr(d, 63, "db/tupleAttrs", 71, false, 0, false);
    d.add(new Datom(63, 64, Keyword.of("db.type/keyword"), TX, true));
    attr(d, 64, "db/tupleType", 21, false, 0, false);
    attr(d, 65, "db/tupleTypes", 71, false, 0, false);
    d.add(new Datom(65, 64, Keyword.of("db.type/keyword"), TX, true));
    attr(d, 66, "db.attr/preds", 70, true, 0, false);
    attr(d, 67, "db/ensure", 20, true, 0, false);
    attr(d, 68, "db.entity/attrs", 21, true, 0, false);
    attr(d, 69, "db.entity/preds", 70, true, 0, false);
    ident(d, 70, "db.type/symbol");
    ident(d, 71, "db.type/tuple");
    attr(d, 72, "vertomic.tx/idempotency-key", 23, false, 37, false);
    attr(d, 73, "vertomic.tx/tempids", 23, false, 0, false);
    // indexed: "which transactions did this key write" is an AVET lookup
    attr(d, ACCESS_KEY, "vertomic.tx/access-key", 23, false, 0, true);
    d.add(new Datom(TX, 50, new java.util.Date(0), TX, true));
    return d;
  }

  private static void ident(List<Datom> d, long e, String ident) {
    d.add(new Datom(e, IDENT, Keyword.of(ident), TX, true));
  }

  private static void attr(
      List<Datom> d, long e, String ident, long type, boolean many, long unique, boolean index) {
    ident(d, e, ident);
    d.add(new Datom(e, 40, type, TX, true));
    d.add(new Datom(e, 41, many ? 36L : 35L, TX, true));
    if (unique != 0) {
      d.add(new Datom(e, 42, unique, TX, true));
    }
    if (index) {
      d.add(new Datom(e, 44, true, TX, true));
    }
    d.add(new Datom(0, 13, e, TX, true));
  }
}
