package io.vertomic.tx;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.peer.Database;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * This process's registry of the names transactions and schema may call: transaction functions,
 * attribute predicates ({@code :db.attr/preds}) and entity predicates ({@code :db.entity/preds}).
 * Every {@link Extension} on the classpath registers here the first time a name is looked up; a
 * process may add those of jars its configuration names ({@link #loadJars}) or of any class loader
 * ({@link #load(ClassLoader)}), and code may register directly ({@link #registry()}). Only
 * registered names run: transaction data never makes the engine call arbitrary code. Thread-safe.
 */
public final class Extensions implements Registry {
  private static final Extensions INSTANCE = new Extensions();

  private final Map<String, TxFunction> txFunctions = new ConcurrentHashMap<>();
  private final Map<String, Predicate<Object>> attrPreds = new ConcurrentHashMap<>();
  private final Map<String, BiPredicate<Database, Long>> entityPreds = new ConcurrentHashMap<>();
  // guarded by this: the extension classes that have registered, each once whoever finds it
  private final Set<Class<?>> registered = new HashSet<>();
  private volatile boolean loaded;

  private Extensions() {}

  /** The registry of this process, with every extension on the classpath loaded. */
  public static Registry registry() {
    return INSTANCE.load();
  }

  /**
   * Registers, after those of the classpath, the extensions {@code loader} finds with {@link
   * ServiceLoader} that have not registered yet: an extension class that {@code loader} finds
   * through its parent (one on the classpath too) registers only once. A name registered again
   * replaces the earlier one. Fails with {@link ServiceConfigurationError} as {@code ServiceLoader}
   * does when a listed class cannot be loaded or instantiated, and with whatever an extension's
   * {@code register} throws.
   */
  public static Registry load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return INSTANCE.load().register(ServiceLoader.load(Extension.class, loader));
  }

  /**
   * Registers the extensions of {@code jars} (a process's {@code classpath} configuration: jars not
   * on its class path), through a class loader over them whose parent is the one of this class.
   * Does nothing for no jars. Fails with {@code incorrect} ({@code vertomic.error/invalid-config},
   * naming the jars) when they list an extension that does not load or whose registration throws.
   *
   * <pre>{@code Extensions.loadJars(List.of(Path.of("bank.jar"))); // bank/deposit now runs}</pre>
   */
  public static Registry loadJars(List<Path> jars) {
    if (jars.isEmpty()) {
      return registry();
    }
    URL[] urls = new URL[jars.size()];
    try {
      for (int i = 0; i < urls.length; i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      // never closed: the extensions' classes load lazily from it for the life of the process
      return load(new URLClassLoader(urls, Extensions.class.getClassLoader()));
    } catch (MalformedURLException | ServiceConfigurationError | LinkageError e) {
      throw invalid(jars, e);
    } catch (RuntimeException e) {
      throw e instanceof Anomaly a ? a : invalid(jars, e);
    }
  }

  private static Anomaly invalid(List<Path> jars, Throwable e) {
    return Anomaly.incorrect(
        "vertomic.error/invalid-config",
        "The extensions of classpath " + jars + " do not load: " + e);
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
          register(ServiceLoader.load(Extension.class));
        }
      }
    }
    return this;
  }

  private synchronized Extensions register(ServiceLoader<Extension> found) {
    for (ServiceLoader.Provider<Extension> p : found.stream().toList()) {
      if (registered.add(p.type())) {
        p.get().register(this);
      }
    }
    return this;
  }
}
