package io.vertomic.tx;

import io.vertomic.db.DbValue;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where a {@link Writer} makes each transaction durable before acknowledging it. The mem database's
 * sink keeps nothing ({@link #NONE}); a durable storage's sink appends the log entry.
 */
public interface LogSink {
  /** A sink for databases that live only in memory: every append succeeds at once. */
  LogSink NONE =
      new LogSink() {
        @Override
        public Future<Void> append(List<TxResult> group) {
          return Future.succeededFuture();
        }

        @Override
        public Future<DbValue> catchUp(DbValue db) {
          return Future.succeededFuture(db);
        }
      };

  /**
   * Makes a group of consecutive transactions durable, in order; the future fails when storage did
   * not (or may not have) taken them all.
   */
  Future<Void> append(List<TxResult> group);

  /**
   * After a failed append, whose entry may or may not be in storage: the database with every
   * transaction the log holds beyond {@code db} applied, so the writer continues from the truth.
   */
  Future<DbValue> catchUp(DbValue db);
}
