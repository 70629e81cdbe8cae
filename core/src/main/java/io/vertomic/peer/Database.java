package io.vertomic.peer;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.Map;

/**
 * An immutable database value: every fact as of {@link #basisT()}, possibly filtered ({@link
 * #asOf}, {@link #since}, {@link #history}) or speculative ({@link #with}). Thread-safe; every
 * method is a pure read.
 *
 * <p>Entity arguments ({@code eid}) may be an entity id ({@code Long}), an ident ({@code Keyword}
 * or {@code ":ns/name"} string) or a lookup ref ({@code List.of(attr, value)}). Attribute arguments
 * may be an id, an ident keyword or a {@code ":ns/name"} string.
 */
public interface Database {

  /** The {@code t} of the most recent transaction in this value. */
  long basisT();

  /** The {@code t} this value is filtered as of, or -1. */
  long asOfT();

  /** The {@code t} this value is filtered since, or -1. */
  long sinceT();

  /** Whether this is a history value (assertions and retractions of all time). */
  boolean isHistory();

  /**
   * This database as it was at {@code t}: a {@code t} or tx id ({@code Number}) or a {@code
   * java.util.Date} (the last transaction at or before it).
   */
  Database asOf(Object t);

  /** Only the facts added after {@code t} (same forms as {@link #asOf}). */
  Database since(Object t);

  /** Every assertion and retraction of all time, each datom with its {@code added} flag. */
  Database history();

  /**
   * This database seeing only the datoms {@code pred} keeps (Datomic's {@code filter}): every read
   * through the value (datoms, seekDatoms, indexRange, entity, pull, q, datomCount, indexPull) and
   * every value derived from it ({@link #asOf}, {@link #since}, {@link #history}, {@link #with},
   * another filter) applies it. {@code pred} is called with this database without its filters, in
   * the same time view, and a datom; filters compose (a datom is seen when every filter keeps it).
   * Idents, attributes and {@link #dbStats} are not filtered, as in Datomic. A predicate that
   * throws fails the read with {@code incorrect} ({@code db.error/filter-failed}) naming the datom;
   * an {@code Anomaly} it throws keeps its category.
   *
   * <pre>{@code
   * Database noSecrets = db.filter((unfiltered, d) -> d.a() != secretAttrId);
   * }</pre>
   */
  Database filter(java.util.function.BiPredicate<Database, Datom> pred);

  /** Whether this value was made by (or derived from one made by) {@link #filter}. */
  boolean isFiltered();

  /**
   * The database as it would be after {@code txData}, without writing anything. Fails with the same
   * anomalies {@link Connection#transact} would.
   */
  TxReport with(Object txData);

  /** A lazy, navigable view of one entity; it has no attributes when the entity has no facts. */
  Entity entity(Object eid);

  /** The tree of facts that {@code selector} names, starting at {@code eid} (pull API). */
  Map<Keyword, Object> pull(Object selector, Object eid);

  /** {@link #pull} for each of {@code eids}, in order. */
  List<Map<Keyword, Object>> pullMany(Object selector, List<?> eids);

  /**
   * The datoms of {@code index} ({@code :eavt}, {@code :aevt}, {@code :avet}, {@code :vaet}, as a
   * keyword or string) whose leading components equal {@code components}, in index order.
   */
  Iterable<Datom> datoms(Object index, Object... components);

  /**
   * The datoms of {@code index} from the first at or after {@code components} to the end of the
   * index.
   */
  Iterable<Datom> seekDatoms(Object index, Object... components);

  /**
   * The AVET datoms of {@code attr} with value in {@code [start, end)}; a null bound is open. Fails
   * with {@code incorrect} when the attribute is neither indexed nor unique.
   */
  Iterable<Datom> indexRange(Object attr, Object start, Object end);

  /** The entity id of an ident, id, or lookup ref; null when there is none. */
  Long entid(Object ident);

  /** The ident of an entity, or null when it has none. */
  Keyword ident(Object eid);

  /** The schema of an attribute, or null when {@code attr} names no attribute. */
  Attribute attribute(Object attr);

  /** How many datoms this value holds (in its view: current, as-of, since or history). */
  long datomCount();

  /**
   * The {@code t} one beyond the highest this value reaches (Datomic's {@code next-t}): the t the
   * next transaction would get, since new entity ids draw from the same counter it can be more than
   * {@code basisT() + 1}. The same for every view of one value (as-of, since, history).
   */
  long nextT();

  /**
   * The entity id in {@code partition} (an ident or an id) at the counter of {@code tOrDate}: a t,
   * or a date, meaning the t of the first transaction at or after it ({@link #nextT} when none).
   * For scans of the entities a partition gained since then, as Datomic's {@code entidAt}:
   *
   * <pre>{@code
   * db.entidAt(":db.part/user", 1000L) // => 17592186045416
   * }</pre>
   */
  long entidAt(Object partition, Object tOrDate);

  /**
   * Datomic's {@code db-stats}: {@code {:datoms n, :attrs {:person/name {:count n} ...}}}, where
   * {@code :datoms} counts every assertion and retraction the database holds (its history, as
   * Datomic counts, whatever this value's view) and {@code :attrs} the same per attribute ident,
   * leaving out attributes with none. Cheap: reads index counts, not datoms.
   */
  Map<Keyword, Object> dbStats();

  /**
   * Calls the database function ({@code :db/fn} value) of the entity {@code fnIdent} names (an
   * ident, id or lookup ref), as this value sees it, with {@code args} as given (Datomic's {@code
   * invoke}: a transaction function takes a database first, pass one). Answers what the function
   * returns; what it throws comes out as it is. The application calls this itself, so it runs
   * whether or not database functions are on for transactions ({@link PeerOptions}). Fails with
   * {@code not-found} when {@code fnIdent} names no entity, {@code incorrect} when the entity has
   * no function or the number of arguments is not the function's.
   *
   * <pre>{@code
   * db.invoke(":bank/fee", db, 100L) // => 2
   * }</pre>
   */
  Object invoke(Object fnIdent, Object... args);

  /**
   * Walks an index from a start position and pulls, lazily, the entity of each datom (Datomic's
   * {@code index-pull}). {@code args} has keyword (or {@code ":name"} string) keys:
   *
   * <ul>
   *   <li>{@code :index}: {@code :avet} (pulls each datom's entity; the attribute must be indexed
   *       or unique) or {@code :aevt} (pulls each datom's value; the attribute must be a
   *       cardinality-many reference);
   *   <li>{@code :selector}: a pull selector, EDN text or a {@code List};
   *   <li>{@code :start}: a vector in the index's order, the attribute first, then optionally a
   *       value (avet) or entity (aevt) and the next component; iteration never leaves the
   *       attribute;
   *   <li>{@code :reverse} (optional): walk downwards from the start (from the attribute's last
   *       datom when only the attribute is given);
   *   <li>{@code :offset} and {@code :limit} (optional, as Datomic's client API): skip that many
   *       results, stop after that many.
   * </ul>
   *
   * <p>Each pass over the result walks the index again; nothing is pulled before it is consumed. An
   * entity the selector finds nothing of gives null (Datomic's nil), not an empty map. Fails with
   * {@code incorrect} for a missing {@code :index}, {@code :selector} or {@code :start} attribute,
   * an index other than the two, an attribute that is not indexed (avet) or not cardinality-many
   * ref (aevt), a malformed selector, or a history value (Datomic: "Can't pull from history").
   *
   * <pre>{@code
   * db.indexPull(Map.of(":index", ":avet", ":selector", "[:person/name]",
   *     ":start", List.of(":person/name", "B")))
   * // => ({:person/name "Bob"} {:person/name "Carol"} ...)
   * }</pre>
   */
  Iterable<Map<Keyword, Object>> indexPull(Map<?, ?> args);
}
