package io.vertomic.tx;

import io.vertomic.peer.Database;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Where an {@link Extension} registers its names: a qualified name such as {@code "bank/transfer"}
 * (what transaction data or schema writes, as a symbol or keyword) for each function. A later
 * registration of a name replaces the earlier one.
 */
public interface Registry {
  /** {@code [name arg ...]} in transaction data calls {@code fn}. */
  void txFunction(String name, TxFunction fn);

  /** {@code :db.attr/preds name} checks each value of the attribute with {@code p}. */
  void attrPredicate(String name, Predicate<Object> p);

  /**
   * {@code :db.entity/preds name} checks, with {@code p}, each entity a transaction asks to ensure
   * the spec of, given the database after the transaction.
   */
  void entityPredicate(String name, BiPredicate<Database, Long> p);
}
