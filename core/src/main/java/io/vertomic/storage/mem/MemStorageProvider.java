package io.vertomic.storage.mem;

import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageProvider;
import io.vertomic.storage.StorageUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * {@code vertomic:mem://NAME}: storage in this process. Every open of this kind answers the same
 * process-wide {@link MemStorage}, so that connections of one process share it.
 */
public final class MemStorageProvider implements StorageProvider {
  private static final MemStorage PROCESS = new MemStorage();

  @Override
  public String kind() {
    return "mem";
  }

  @Override
  public StorageUri parse(String uri, String rest) {
    return new StorageUri(uri, "mem", "", StorageUri.checkName(rest, uri));
  }

  @Override
  public Future<Storage> open(Vertx vertx, StorageUri uri) {
    return Future.succeededFuture(PROCESS);
  }
}
