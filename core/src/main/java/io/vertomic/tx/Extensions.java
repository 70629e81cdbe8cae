package io.vertomic.tx;

import io.vertomic.peer.Database;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The registry of the predicates schema may name: attribute predicates ({@code :db.attr/preds},
 * called with the value) and entity predicates ({@code :db.entity/preds}, called with the database
 * after the transaction and the entity id). Only registered names run: transaction data never makes
 * the engine call arbitrary code. Thread-safe.
 */
public final class Predicates {
  private static final Map<String, Predicate<Object>> ATTR = new ConcurrentHashMap<>();
  private static final Map<String, BiPredicate<Database, Long>> ENTITY = new ConcurrentHashMap<>();

  private Predicates() {}

  /** Registers attribute predicate {@code name} (a symbol such as {@code "my.ns/valid-email?"}). */
  public static void registerAttr(String name, Predicate<Object> pred) {
    ATTR.put(name, pred);
  }

  /** Registers entity predicate {@code name}. */
  public static void registerEntity(String name, BiPredicate<Database, Long> pred) {
    ENTITY.put(name, pred);
  }

  static Predicate<Object> attr(String name) {
    return ATTR.get(name);
  }

  static BiPredicate<Database, Long> entity(String name) {
    return ENTITY.get(name);
  }
}
