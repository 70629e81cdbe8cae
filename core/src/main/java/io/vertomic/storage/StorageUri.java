package io.vertomic.storage;

import io.vertomic.anomaly.Anomaly;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * A parsed connection URI: the storage kind, the storage system (what to connect to, everything of
 * the URI but the database name) and the database name ({@code *} for "every database of this
 * storage", as in Datomic).
 *
 * <pre>{@code
 * StorageUri.parse("vertomic:sql://people?postgresql://postgres@127.0.0.1:5432/test")
 * // => kind "sql", system "postgresql://postgres@127.0.0.1:5432/test", database "people"
 * }</pre>
 */
public record StorageUri(String uri, String kind, String system, String database) {
  private static final String PREFIX = "vertomic:";

  // the providers by kind, looked up once per class loader: a ServiceLoader scan reads every jar on
  // the class path, and every URI is parsed through its provider (the peer server parses one per
  // request). Providers are stateless, so one instance serves every lookup
  private static final Map<ClassLoader, Map<String, StorageProvider>> PROVIDERS =
      new WeakHashMap<>();

  /** Parses {@code uri} with the provider of its kind; fails {@code incorrect} when malformed. */
  public static StorageUri parse(String uri) {
    if (uri == null) {
      throw new NullPointerException("uri");
    }
    int sep = uri.indexOf("://");
    if (!uri.startsWith(PREFIX) || sep < 0) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri",
          "Invalid database URI " + uri + ": expected vertomic:KIND://... (see API.md section 1)");
    }
    String kind = uri.substring(PREFIX.length(), sep);
    return provider(kind, uri).parse(uri, uri.substring(sep + 3));
  }

  /**
   * The provider of {@code kind}; fails {@code incorrect} when no module on the class path has it.
   */
  public static StorageProvider provider(String kind, String uri) {
    StorageProvider p = providers().get(kind);
    if (p != null) {
      return p;
    }
    throw Anomaly.incorrect(
        "db.error/unsupported-storage",
        "No storage of kind '" + kind + "' for " + uri + " on the class path");
  }

  // the providers the context class loader sees (as ServiceLoader.load(Class) looks them up)
  private static Map<String, StorageProvider> providers() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    synchronized (PROVIDERS) {
      Map<String, StorageProvider> known = PROVIDERS.get(loader);
      if (known == null) {
        known = new HashMap<>();
        for (StorageProvider p : ServiceLoader.load(StorageProvider.class, loader)) {
          known.putIfAbsent(p.kind(), p);
        }
        PROVIDERS.put(loader, known);
      }
      return known;
    }
  }

  /** True for the {@code *} name that stands for every database of the storage. */
  public boolean isWildcard() {
    return database.equals("*");
  }

  /** The URI of database {@code name} of the storage this {@code *} URI names. */
  public StorageUri withDatabase(String name) {
    checkName(name, uri);
    int star = database.equals("*") ? uri.indexOf("://*") : -1;
    int at = star >= 0 ? star + 3 : uri.indexOf("/*");
    if (!isWildcard() || at < 0 || name.equals("*")) {
      throw Anomaly.incorrect("db.error/invalid-uri", "Not a storage URI with *: " + uri);
    }
    if (star < 0) {
      at += 1;
    }
    return parse(uri.substring(0, at) + name + uri.substring(at + 1));
  }

  /**
   * The URI of database {@code name} in the storage this database URI names (a rename's target).
   * Every kind writes the database name as the last part before the query ({@code
   * vertomic:sql://NAME?...}, {@code vertomic:dev://HOST:PORT/NAME}); the result is parsed again
   * and must name the same storage. Fails {@code incorrect} for an invalid name or {@code *}.
   */
  public StorageUri withName(String name) {
    checkName(name, uri);
    int from = uri.indexOf("://") + 3;
    int q = uri.indexOf('?', from);
    int end = q < 0 ? uri.length() : q;
    int start = end - database.length();
    StorageUri renamed =
        name.equals("*") || isWildcard() || start < from || !uri.startsWith(database, start)
            ? null
            : parse(uri.substring(0, start) + name + uri.substring(end));
    if (renamed == null
        || !renamed.database.equals(name)
        || !renamed.kind.equals(kind)
        || !renamed.system.equals(system)) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri", "Cannot name database '" + name + "' in the storage of " + uri);
    }
    return renamed;
  }

  /**
   * The URI of {@code kind} whose {@code rest} (what follows {@code kind://}) is {@code
   * SYSTEM/NAME[?QUERY]}: the name is the last segment of the path, the system the path before it
   * with the query. Null when the path has no {@code /}. {@code shown} is the URI as an error may
   * show it (secrets masked).
   */
  public static StorageUri systemAndName(String uri, String kind, String rest, String shown) {
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    String system = path.substring(0, slash) + (q < 0 ? "" : rest.substring(q));
    return new StorageUri(uri, kind, system, checkName(path.substring(slash + 1), shown));
  }

  /** Fails {@code incorrect} unless {@code name} is a valid database name. */
  public static String checkName(String name, String uri) {
    if (name.equals("*")) {
      return name;
    }
    if (name.isEmpty()
        || name.length() > 200
        || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.".indexOf(c) >= 0)) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri",
          "Invalid database name '" + name + "' in " + uri + ": use letters, digits, - _ and .");
    }
    return name;
  }
}
