package io.vertomic.storage.mem;

import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageContractTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

class MemStorageTest extends StorageContractTest {
  @Override
  protected Future<Storage> open(Vertx vertx) {
    return Future.succeededFuture(new MemStorage());
  }

  @Override
  protected boolean durable() {
    return false;
  }
}
