package io.vertomic.cache;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.AsyncMap;

/**
 * The segment cache in the cluster's own map: {@code vertx.sharedData()}'s async map {@value #MAP},
 * which in a Vert.x clustered with Hazelcast is a Hazelcast distributed map shared by every member
 * (and a local map in a Vert.x that is not clustered).
 */
public final class ClusterMapSegmentCache implements SegmentCache {
  /** The name of the shared map. */
  public static final String MAP = "vertomic.segments";

  private final Future<AsyncMap<String, Buffer>> map;

  public ClusterMapSegmentCache(Vertx vertx) {
    this.map = vertx.sharedData().<String, Buffer>getAsyncMap(MAP);
  }

  @Override
  public Future<byte[]> get(String key) {
    return map.compose(m -> m.get(key))
        .map(b -> b == null ? null : b.getBytes())
        .otherwise((byte[]) null);
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    return map.compose(m -> m.put(key, Buffer.buffer(value))).otherwiseEmpty();
  }

  @Override
  public Future<Void> remove(String key) {
    return map.compose(m -> m.remove(key)).otherwiseEmpty().mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
