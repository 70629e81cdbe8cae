package io.vertomic.tx;

import io.vertomic.peer.Database;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * This process's registry of the names transactions and schema may call: transaction functions,
 * attribute predicates ({@code :db.attr/preds}) and entity predicates ({@code :db.entity/preds}).
 * Every {@link Extension} on the classpath registers here the first time a name is looked up; code
 * may also register directly ({@link #registry()}). Only registered names run: transaction data
 * never makes the engine call arbitrary code. Thread-safe.
 */
public final class Extensions implements Registry {
  private static final Extensions INSTANCE = new Extensions();

  private final Map<String, TxFunction> txFunctions = new ConcurrentHashMap<>();
  private final Map<String, Predicate<Object>> attrPreds = new ConcurrentHashMap<>();
  private final Map<String, BiPredicate<Database, Long>> entityPreds = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  private Extensions() {}

  /** The registry of this process, with every extension on the classpath loaded. */
  public static Registry registry() {
    return INSTANCE.load();
  }

  @Override
  public void txFunction(String name, TxFunction fn) {
    txFunctions.put(name, fn);
  }

  @Override
  public void attrPredicate(String name, Predicate<Object> p) {
    attrPreds.put(name, p);
  }

  @Override
  public void entityPredicate(String name, BiPredicate<Database, Long> p) {
    entityPreds.put(name, p);
  }

  static TxFunction txFunction(String name) {
    return INSTANCE.load().txFunctions.get(name);
  }

  static Predicate<Object> attrPredicate(String name) {
    return INSTANCE.load().attrPreds.get(name);
  }

  static BiPredicate<Database, Long> entityPredicate(String name) {
    return INSTANCE.load().entityPreds.get(name);
  }

  // extensions register before any lookup; one registering during the load sees the others later
  private Extensions load() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          loaded = true;
          for (Extension e : ServiceLoader.load(Extension.class)) {
            e.register(this);
          }
        }
      }
    }
    return this;
  }
}
