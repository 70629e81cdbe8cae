package io.vertomic.storage.dev;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageProvider;
import io.vertomic.storage.StorageSettings;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code vertomic:dev://HOST:PORT/NAME} (API.md section 1). In the finished system the transactor
 * at HOST:PORT serves the dev store to peers; until that process exists, the process that opens
 * such a URI opens the store itself, in the directory {@code BASE/HOST_PORT}, where BASE is the
 * {@link StorageSettings#dataDir} it is given ({@link StorageSettings#fromProcess} when none is).
 * LMDB locks a store to one environment per process, so opens of one directory share one {@link
 * DevStorage}, reference counted: the last close closes the files.
 */
public final class DevStorageProvider implements StorageProvider {
  private static final Map<Path, Shared> OPEN = new HashMap<>();

  @Override
  public String kind() {
    return "dev";
  }

  @Override
  public StorageUri parse(String uri, String rest) {
    int slash = rest.indexOf('/');
    String hostPort = slash < 0 ? "" : rest.substring(0, slash);
    int colon = hostPort.lastIndexOf(':');
    if (slash < 0 || colon <= 0 || !hostPort.substring(colon + 1).matches("[0-9]{1,5}")) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri",
          "Invalid dev URI " + uri + ": expected vertomic:dev://HOST:PORT/NAME");
    }
    return new StorageUri(
        uri, "dev", hostPort, StorageUri.checkName(rest.substring(slash + 1), uri));
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri) {
    return open(vertx, uri, StorageSettings.fromProcess());
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri, StorageSettings settings) {
    Path dir = directory(settings, uri.system());
    return vertx.executeBlocking(() -> acquire(dir), false);
  }

  /** The directory of the dev store that {@code hostPort} names under {@code settings}. */
  private static Path directory(StorageSettings settings, String hostPort) {
    return Path.of(settings.dataDir(), hostPort.replace(':', '_')).toAbsolutePath().normalize();
  }

  private static synchronized Storage acquire(Path dir) {
    Shared s = OPEN.get(dir);
    if (s == null) {
      s = new Shared(DevStorage.open(dir));
      OPEN.put(dir, s);
    }
    s.users++;
    return new SharedDevStorage(s.store, () -> release(dir));
  }

  private static synchronized Future<Void> release(Path dir) {
    Shared s = OPEN.get(dir);
    if (s == null || --s.users > 0) {
      return Future.succeededFuture();
    }
    OPEN.remove(dir);
    return s.store.close();
  }

  private static final class Shared {
    final DevStorage store;
    int users;

    Shared(DevStorage store) {
      this.store = store;
    }
  }
}
