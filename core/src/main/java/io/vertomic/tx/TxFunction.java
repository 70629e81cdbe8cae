package io.vertomic.tx;

import io.vertomic.peer.Database;
import java.util.List;

/**
 * A transaction function: called as {@code [name arg ...]} in transaction data, with the database
 * before the transaction and the arguments as written; it returns transaction data (a {@code List}
 * of forms, or EDN text), which is expanded in its place and may itself call functions. Throwing
 * fails the transaction: an {@link io.vertomic.anomaly.Anomaly} with its own category, anything
 * else as {@code incorrect}; nothing is applied either way.
 */
@FunctionalInterface
public interface TxFunction {
  /** The transaction data this call stands for. */
  Object apply(Database dbBefore, List<Object> args);
}
