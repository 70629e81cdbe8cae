package io.vertomic.peer;

import io.vertomic.datom.EntityId;
import io.vertomic.edn.DbFn;
import io.vertomic.edn.DbId;
import io.vertomic.edn.Edn;
import io.vertomic.peer.impl.Catalog;
import io.vertomic.peer.impl.Queries;
import io.vertomic.tx.DatabaseFunctions;
import io.vertomic.tx.Partitions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The entry point of the peer library, in the spirit of {@code datomic.Peer}: create, delete and
 * connect to databases named by URI (API.md section 1). Thread-safe; connections are cached per
 * URI, so calling {@link #connect} twice returns the same connection.
 *
 * <pre>{@code
 * Peer.createDatabase("vertomic:mem://shop");            // => true
 * Connection conn = Peer.connect("vertomic:mem://shop");
 * conn.transact("[{:db/ident :item/name :db/valueType :db.type/string"
 *     + " :db/cardinality :db.cardinality/one}]").toCompletionStage().toCompletableFuture().join();
 * }</pre>
 */
public final class Peer {
  private Peer() {}

  /**
   * Creates the database named by {@code uri}. Returns true when it was created, false when it
   * already existed. Fails with {@code incorrect} for a malformed URI.
   */
  public static boolean createDatabase(String uri) {
    return Catalog.instance().createDatabase(uri);
  }

  /**
   * Deletes the database named by {@code uri} and releases its connections. Returns true when it
   * existed.
   */
  public static boolean deleteDatabase(String uri) {
    return Catalog.instance().deleteDatabase(uri);
  }

  /**
   * Renames the database named by {@code uri} to {@code newName} in the same storage (Datomic's
   * {@code renameDatabase}); returns true. Its data, history and log stay as they were; the old
   * name is free afterwards. Connections to the database follow it to its new name, as Datomic's
   * do: they read and transact on, and {@link #connect} of the new URI returns them. On a storage a
   * transactor serves, the transactor renames it. Fails with {@code not-found} when there is no
   * such database, {@code conflict} ({@code :db.error/db-exists}) when {@code newName} is taken,
   * {@code incorrect} for an invalid name; then nothing changed.
   *
   * <pre>{@code
   * Peer.renameDatabase("vertomic:mem://shop", "store");  // => true
   * Peer.connect("vertomic:mem://store");                  // the same data
   * }</pre>
   */
  public static boolean renameDatabase(String uri, String newName) {
    return Catalog.instance().renameDatabase(uri, newName);
  }

  /**
   * The connection to the database named by {@code uri}. Fails with {@code not-found} when there is
   * no such database.
   */
  public static Connection connect(String uri) {
    return Catalog.instance().connect(uri);
  }

  /**
   * The names of the databases of a storage, named by a URI with {@code *} as its database name
   * ({@code "vertomic:sql://*?postgresql://..."}), sorted; Datomic's {@code getDatabaseNames}.
   */
  public static List<String> getDatabaseNames(String uri) {
    return Catalog.instance().databaseNames(uri);
  }

  /**
   * Sets what the peer library does in this process (see {@link PeerOptions}); it holds from the
   * next transaction on, for every database this process writes, until set again.
   */
  public static void configure(PeerOptions options) {
    Catalog.instance().configure(new PeerOptions(Objects.requireNonNull(options, "options")));
  }

  /** A copy of the options in force in this process. */
  public static PeerOptions options() {
    return new PeerOptions(Catalog.instance().options());
  }

  /**
   * A database function (Datomic's {@code Peer.function}), as EDN {@code #db/fn {...}} reads: from
   * a map with {@code :lang} ({@code "java"}), {@code :params} (symbols or strings, the database
   * first for a transaction function), {@code :code} (a Java method body returning an {@code
   * Object}; it may start with {@code import} statements) and optionally {@code :imports}. It is
   * compiled now, so that a mistake shows here; transact it as the {@code :db/fn} of an entity with
   * an ident, and call it by that ident in transaction data or with {@link Database#invoke}. Fails
   * with {@code incorrect} for a malformed map, another {@code :lang}, or code that does not
   * compile (with the compiler's message).
   *
   * <pre>{@code
   * DbFn inc = Peer.function(Map.of(":lang", "java", ":params", List.of("db", "x"),
   *     ":code", "return ((Long) x) + 1;"));
   * conn.transact(List.of(Map.of(":db/ident", ":my/inc", ":db/fn", inc)));
   * conn.db().invoke(":my/inc", conn.db(), 41L) // => 42
   * }</pre>
   */
  public static DbFn function(Map<?, ?> spec) {
    return DatabaseFunctions.function(spec);
  }

  /**
   * Releases every connection and storage this process opened, and the Vert.x instance behind
   * durable storages, so the JVM can exit (Datomic's {@code Peer.shutdown}). Databases stay in
   * storage; {@code mem} databases are kept until the process ends.
   */
  public static void shutdown() {
    Catalog.instance().shutdown();
  }

  /**
   * Runs a Datalog query (EDN text, or the same data as Java lists, list or map form) over {@code
   * inputs}, matched in order to its {@code :in} ({@code [$]} when absent): databases, scalars,
   * tuples, collections, relations and rules. Any number of databases may be given (cross-database
   * joins; as-of, since, history and with values too). The answer follows the find spec: a {@code
   * Set} of {@code List}s for a relation (maps with {@code :keys}/{@code :syms}/{@code :strs}), a
   * {@code Collection} for {@code [?x ...]}, a {@code List} or null for a tuple, a value or null
   * for a scalar. Fails with {@code incorrect} for a bad query or input, {@code forbidden} for a
   * function that is not whitelisted.
   *
   * <pre>{@code
   * Peer.q("[:find ?n :in $ ?age :where [?e :person/age ?age] [?e :person/name ?n]]", db, 42)
   * // => #{["Ivan"]}
   * }</pre>
   */
  public static Object q(Object query, Object... inputs) {
    return Queries.q(query, inputs);
  }

  /**
   * Runs a query map: {@code :query}, {@code :args} (a List of inputs), {@code :timeout} (ms; past
   * it the query fails with an {@code interrupted} anomaly {@code :query.error/timeout}) and {@code
   * :row-limit} (cap on the rows of any intermediate relation, default 10,000,000; past it, {@code
   * incorrect} {@code :query.error/too-many-rows}).
   */
  public static Object query(Map<?, ?> queryMap) {
    return Queries.query(queryMap);
  }

  /**
   * Datomic's {@code qseq}: {@link #q}'s answer as a lazy sequence, each pull expression of the
   * find spec evaluated only when its row is consumed, so a query over many rows with pull holds
   * the rows' entity ids, not their pulled trees (and the first row comes before the last is
   * pulled). Each pass over the answer pulls afresh; its {@code size()} (a {@code Collection})
   * pulls nothing. A relation gives one {@code List} per row ({@code Map}s with {@code :keys}), a
   * collection find spec its values; a scalar or tuple find spec is {@code incorrect}. {@code
   * query} may be a query map with {@code :query} and {@code :args} (and {@code :timeout}), as
   * Datomic's {@code qseq} takes. Same anomalies as {@link #q}; a pull that fails does so when its
   * row is consumed.
   *
   * <pre>{@code
   * for (Object row : Peer.qseq("[:find (pull ?e [:person/name]) :where [?e :person/age]]", db)) {
   *   // row => [{:person/name "Ivan"}], pulled now
   * }
   * }</pre>
   */
  public static Iterable<?> qseq(Object query, Object... inputs) {
    return Queries.qseq(query, inputs);
  }

  /**
   * The plan the engine would run for {@code query} over {@code inputs}, as EDN-able data: {@code
   * {:steps [{:clause "[?e :email \"x\"]" :index :avet :estimated-rows 1} ...]}}, in execution
   * order. Runs nothing.
   */
  public static Object explain(Object query, Object... inputs) {
    return Queries.explain(query, inputs);
  }

  /**
   * A tempid record for a new entity of {@code partition} (an ident such as {@code :db.part/user},
   * or a partition's id), distinct from every other; the same object used twice in a transaction is
   * one entity. EDN {@code #db/id[:db.part/user]} reads to the same kind of record.
   */
  public static Object tempid(Object partition) {
    return DbId.next(partition);
  }

  /**
   * The tempid record number {@code n} (negative) of {@code partition}: within a transaction every
   * record with that number is one entity, as EDN {@code #db/id[:db.part/user -1]}.
   */
  public static Object tempid(Object partition, long n) {
    return new DbId(partition, n);
  }

  /**
   * The partition of entity id {@code eid}: the partition's entity id (4 for {@code
   * :db.part/user}); for an implicit partition, its id (partition bits, zero counter).
   */
  public static long part(long eid) {
    return Partitions.partOf(eid);
  }

  /**
   * The entity id {@code tempid} (a string tempid or a tempid record) got in the transaction whose
   * report gave {@code tempids}, or null.
   *
   * <pre>{@code
   * Object id = Peer.tempid(Keyword.of("db.part/user"));
   * TxReport r = conn.transact(List.of(Map.of(Keyword.of("db/id"), id,
   *     Keyword.of("person/name"), "Ivan"))).toCompletionStage().toCompletableFuture().join();
   * Peer.resolveTempid(r.dbAfter(), r.tempids(), id) // => 17592186045418
   * }</pre>
   */
  public static Long resolveTempid(Database db, Map<String, Long> tempids, Object tempid) {
    return tempids.get(tempid instanceof DbId r ? Edn.write(r) : String.valueOf(tempid));
  }

  /** The t of transaction id {@code tx} (a t is answered as itself). */
  public static long toT(long tx) {
    return EntityId.txToT(tx);
  }

  /** The transaction id of {@code t}. */
  public static long toTx(long t) {
    return EntityId.tToTx(t);
  }

  /**
   * A UUID whose first 32 bits are the current time in seconds, the rest random, as Datomic's
   * {@code squuid}: values made later sort later, which keeps an index of them appending.
   */
  public static UUID squuid() {
    UUID random = UUID.randomUUID();
    long seconds = System.currentTimeMillis() / 1000;
    long msb = (seconds << 32) | (random.getMostSignificantBits() & 0xFFFFFFFFL);
    return new UUID(msb, random.getLeastSignificantBits());
  }

  /**
   * The time in epoch milliseconds (to the second) that {@link #squuid} wrote into {@code uuid}.
   */
  public static long squuidTimeMillis(UUID uuid) {
    return (uuid.getMostSignificantBits() >>> 32) * 1000;
  }
}
