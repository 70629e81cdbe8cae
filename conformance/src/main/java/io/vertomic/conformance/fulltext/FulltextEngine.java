package io.vertomic.conformance.fulltext;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.conformance.ClojureValues;
import io.vertomic.edn.Keyword;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One engine's side of the fulltext comparison: a fresh in-memory database, transactions, database
 * views and the {@code fulltext} function, with entity ids and {@code t}s turned into what both
 * sides share (the {@code :doc/key} of the entity, the ordinal of the transaction).
 */
abstract class FulltextEngine implements AutoCloseable {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** The view a search runs on. */
  enum View {
    CURRENT,
    AS_OF,
    SINCE,
    HISTORY
  }

  /** A row of a search: the entity's key, the value, the transaction's ordinal and the score. */
  record Hit(long key, String value, int tx, double score) {
    /** The row without its score: what both engines must find alike. */
    String row() {
      return key + " " + tx + " " + value;
    }
  }

  /** What a search answered: hits, or the refusal's message. */
  record Answer(List<Hit> hits, String refusal) {
    boolean refused() {
      return refusal != null;
    }
  }

  static final String QUERY =
      "[:find ?e ?v ?t ?s :in $ ?a ?q :where [(fulltext $ ?a ?q) [[?e ?v ?t ?s]]]]";
  static final String KEYS = "[:find ?e ?k :where [?e :doc/key ?k]]";

  /** How a Vertomic refusal starts when it is the {@code incorrect} anomaly it should be. */
  static final String INCORRECT = "incorrect: ";

  final String name = "fulltext-conf-" + COUNTER.incrementAndGet();
  // t and transaction id of each transaction, both to its ordinal
  private final Map<Long, Integer> txOrdinal = new HashMap<>();
  private final List<Long> ts = new ArrayList<>();
  private Map<Long, Long> keyOf = Map.of();

  /** Transacts {@code tx} (Vertomic's EDN values), returns its ordinal. */
  final int transact(List<Object> tx) throws Exception {
    long t = transactForT(tx);
    int ordinal = ts.size();
    ts.add(t);
    txOrdinal.put(t, ordinal);
    txOrdinal.put(txId(t), ordinal);
    return ordinal;
  }

  /** Reads the entities' keys; call after the last transaction. */
  final void loaded() {
    Map<Long, Long> m = new HashMap<>();
    for (Object row : (Collection<?>) query(KEYS, List.of())) {
      List<?> r = (List<?>) row;
      m.put(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
    }
    keyOf = m;
  }

  /**
   * The hits of {@code search} on attribute {@code attr} of the view ({@code asOf}/{@code since} at
   * the t of transaction ordinal {@code at}), or the refusal.
   */
  final Answer search(View view, int at, Keyword attr, Object search) {
    Object rows;
    try {
      rows = query(QUERY, List.of(view, ts.get(at), attr, search == null ? "" : search));
    } catch (Exception e) { // Datomic throws checked exceptions undeclared
      return new Answer(null, refusal(e));
    }
    List<Hit> out = new ArrayList<>();
    for (Object row : (Collection<?>) rows) {
      List<?> r = (List<?>) row;
      long e = ((Number) r.get(0)).longValue();
      Long key = keyOf.get(e);
      Integer tx = txOrdinal.get(((Number) r.get(2)).longValue());
      out.add(
          new Hit(
              key == null ? -e : key,
              (String) r.get(1),
              tx == null ? -1 : tx,
              ((Number) r.get(3)).doubleValue()));
    }
    return new Answer(out, null);
  }

  abstract long transactForT(List<Object> tx) throws Exception;

  abstract long txId(long t);

  /** Runs {@code query}; {@code args} is empty (current database) or [view, t, attr, search]. */
  abstract Object query(String query, List<Object> args);

  /** The message of a refusal, or the exception rethrown when it is not one. */
  abstract String refusal(Exception e);

  /** Datomic's in-memory peer. */
  static final class Datomic extends FulltextEngine {
    private final String uri = "datomic:mem://" + name;
    private final datomic.Connection conn;

    Datomic() {
      datomic.Peer.createDatabase(uri);
      conn = datomic.Peer.connect(uri);
    }

    @Override
    long transactForT(List<Object> tx) throws Exception {
      Map<?, ?> r = conn.transact((List<?>) ClojureValues.toClojure(tx)).get();
      return ((datomic.Database) r.get(datomic.Connection.DB_AFTER)).basisT();
    }

    @Override
    long txId(long t) {
      return (Long) datomic.Peer.toTx(t);
    }

    @Override
    Object query(String query, List<Object> args) {
      datomic.Database db = conn.db();
      if (args.isEmpty()) {
        return datomic.Peer.query(query, db);
      }
      long t = (Long) args.get(1);
      datomic.Database view =
          switch ((View) args.get(0)) {
            case CURRENT -> db;
            case AS_OF -> db.asOf(t);
            case SINCE -> db.since(t);
            case HISTORY -> db.history();
          };
      return datomic.Peer.query(
          query, view, ClojureValues.toClojure(args.get(2)), ClojureValues.toClojure(args.get(3)));
    }

    @Override
    String refusal(Exception e) {
      StringBuilder b = new StringBuilder();
      for (Throwable c = e; c != null && b.length() < 300; c = c.getCause()) {
        b.append(b.length() == 0 ? "" : " <- ")
            .append(c.getClass().getSimpleName())
            .append(": ")
            .append(String.valueOf(c.getMessage()).lines().findFirst().orElse(""));
        if (c.getCause() == c) {
          break;
        }
      }
      return b.toString();
    }

    @Override
    public void close() {
      conn.release();
      datomic.Peer.deleteDatabase(uri);
    }
  }

  /** Vertomic's in-process {@code vertomic:mem://} peer. */
  static final class Vertomic extends FulltextEngine {
    private final String uri = "vertomic:mem://" + name;
    private final io.vertomic.peer.Connection conn;

    Vertomic() {
      io.vertomic.peer.Peer.createDatabase(uri);
      conn = io.vertomic.peer.Peer.connect(uri);
    }

    @Override
    long transactForT(List<Object> tx) throws Exception {
      return conn.transact(tx).toCompletionStage().toCompletableFuture().get().dbAfter().basisT();
    }

    @Override
    long txId(long t) {
      return io.vertomic.peer.Peer.toTx(t);
    }

    @Override
    Object query(String query, List<Object> args) {
      io.vertomic.peer.Database db = conn.db();
      if (args.isEmpty()) {
        return io.vertomic.peer.Peer.q(query, db);
      }
      long t = (Long) args.get(1);
      io.vertomic.peer.Database view =
          switch ((View) args.get(0)) {
            case CURRENT -> db;
            case AS_OF -> db.asOf(t);
            case SINCE -> db.since(t);
            case HISTORY -> db.history();
          };
      return io.vertomic.peer.Peer.q(query, view, args.get(2), args.get(3));
    }

    /** Only an {@code incorrect} anomaly is a refusal; anything else is marked a failure. */
    @Override
    String refusal(Exception e) {
      if (e instanceof Anomaly a && a.category() == Category.INCORRECT) {
        return INCORRECT + a.getMessage();
      }
      return "failed (" + e.getClass().getName() + "): " + e.getMessage();
    }

    @Override
    public void close() {
      conn.release();
      io.vertomic.peer.Peer.deleteDatabase(uri);
    }
  }
}
