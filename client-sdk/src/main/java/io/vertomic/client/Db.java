package io.vertomic.client;

import io.reactivex.rxjava3.core.Flowable;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import java.util.Map;

/**
 * An immutable database value of a remote database: a basis-t plus the view on it ({@code as-of},
 * {@code since}, {@code history}, speculative {@code with} tx data). It holds no data: every read
 * sends the view to the peer server, which answers from the database at exactly that value, so
 * reads of one {@code Db} are consistent with each other. Thread-safe.
 *
 * <pre>{@code
 * Db now = conn.db();
 * Db lastYear = now.asOf(1000);
 * lastYear.pull("[:person/name {:person/friends [:person/name]}]", "[:person/email \"i@x.org\"]");
 * now.history().datoms("eavt", 17592186045418L).subscribe(System.out::println);
 * }</pre>
 *
 * <p>Selectors, entity ids (an id, an ident or a lookup ref), index components, attributes and
 * range bounds are EDN text when given as a {@code String} ({@code ":person/name"}, {@code
 * "\"Ivan\""}) and Java values otherwise ({@code Keyword.of("person/name")}, {@code 42L}, {@code
 * List.of(Keyword.of("person/email"), "i@x.org")}). Failures are {@link io.vertomic.anomaly.Anomaly
 * anomalies} inside the Future or Flowable.
 */
public interface Db {

  /** The database's name. */
  String dbName();

  /**
   * The basis-t reads are made at. A {@code with} database keeps the basis-t it was built on; its
   * speculative transactions are resent with each read.
   */
  long basisT();

  /** The {@code as-of} t, or null. */
  Long asOfT();

  /** The {@code since} t, or null. */
  Long sinceT();

  /** Whether this is a history database (every assertion and retraction). */
  boolean isHistory();

  /** This database as it was at {@code t}. */
  Db asOf(long t);

  /** This database with only the facts added after {@code t}. */
  Db since(long t);

  /** This database with every assertion and retraction ever made. */
  Db history();

  /**
   * Applies {@code txData} speculatively: nothing is written. The result's {@code dbAfter()}
   * carries this database's {@code with} tx data plus {@code txData}, so reads of it and further
   * {@code with} calls see the speculative facts.
   */
  Future<TxResult> with(Object txData);

  /**
   * The map {@code selector} pulls from entity {@code eid}; its keys are {@link
   * io.vertomic.edn.Keyword}s. Fails {@code not-found} when a lookup ref names no entity.
   */
  Future<Map<Object, Object>> pull(Object selector, Object eid);

  /**
   * The datoms of {@code index} ({@code "eavt"}, {@code "aevt"}, {@code "avet"} or {@code "vaet"},
   * with or without the colon) whose leading components equal {@code components}, in index order,
   * streamed in chunks as the subscriber requests them.
   *
   * @throws IllegalArgumentException when {@code index} names no index
   */
  Flowable<Datom> datoms(String index, Object... components);

  /**
   * The AVET datoms of {@code attr} whose values lie from {@code start} (inclusive) to {@code end}
   * (exclusive), streamed as the subscriber requests them; a null bound is open.
   */
  Flowable<Datom> indexRange(Object attr, Object start, Object end);

  /**
   * Datomic's {@code index-pull}: walks {@code :avet} (pulling each datom's entity) or {@code
   * :aevt} (pulling each datom's value, of a cardinality-many reference) from {@code :start}, a
   * vector whose first element is the attribute, within that attribute, downwards with {@code
   * :reverse true}, skipping {@code :offset} and stopping after {@code :limit} pulled maps. {@code
   * args} has keyword or {@code ":name"} string keys; {@code :selector} and {@code :start} are EDN
   * text or Java values. The maps (keys {@link io.vertomic.edn.Keyword}s) are streamed in chunks as
   * the subscriber requests them: the server walks and pulls only as fast as they are read. An
   * entity the selector finds nothing of (Datomic's nil) comes as an empty map, since a Flowable
   * carries no nulls. Fails {@code incorrect} for a missing key, another index, an attribute that
   * is not indexed (avet), a history database.
   *
   * <pre>{@code
   * db.indexPull(Map.of(":index", ":avet", ":selector", "[:person/name]",
   *     ":start", List.of(Keyword.of("person/age"), 30L), ":limit", 10))
   * }</pre>
   *
   * @throws NullPointerException when {@code args} lacks {@code :index}, {@code :selector} or
   *     {@code :start}
   */
  Flowable<Map<Object, Object>> indexPull(Map<?, ?> args);

  /**
   * Datomic's {@code db-stats} of this database: {@code {:datoms n, :attrs {:person/name {:count n}
   * ...}}}, counting every assertion and retraction it holds (as Datomic, whatever this value's
   * view), at this value's basis-t or later.
   */
  Future<Map<Keyword, Object>> dbStats();
}
