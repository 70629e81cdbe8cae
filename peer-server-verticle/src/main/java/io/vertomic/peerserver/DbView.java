package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The database value a read sees (docs/http-api.md, "Which database value a read sees"): the
 * connection's value, at {@code basis-t} when given, then {@code as-of}, {@code since}, {@code
 * history} and the speculative {@code with} transactions, in that order. Blocks while the peer
 * catches up to {@code basis-t}: call it from a worker.
 */
final class DbView {
  private DbView() {}

  static Database of(Connection conn, Fields f, long timeoutMillis) {
    Database db = conn.db();
    Long basis = f.number("basis-t");
    if (basis != null && db.basisT() < basis) {
      db = await(conn, basis, timeoutMillis);
    }
    if (basis != null && db.basisT() != basis) {
      db = db.asOf(basis);
    }
    Long asOf = f.number("as-of");
    if (asOf != null) {
      db = db.asOf(asOf);
    }
    Long since = f.number("since");
    if (since != null) {
      db = db.since(since);
    }
    if (f.flag("history")) {
      db = db.history();
    }
    for (String tx : f.strings("with")) {
      db = db.with(tx).dbAfter();
    }
    return db;
  }

  /** The connection's value once it has {@code t}. */
  static Database await(Connection conn, long t, long timeoutMillis) {
    try {
      return conn.sync(t)
          .toCompletionStage()
          .toCompletableFuture()
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Anomaly(
          Category.INTERRUPTED,
          Keyword.of("vertomic.error/sync-timeout"),
          "The peer did not reach t " + t + " within " + timeoutMillis + " ms",
          null);
    } catch (ExecutionException e) {
      throw Anomalies.from(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Anomalies.from(e);
    }
  }
}
