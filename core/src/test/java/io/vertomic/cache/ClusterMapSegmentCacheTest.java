package io.vertomic.cache;

import io.vertx.core.Vertx;

/** The cache contract on the cluster map (a local Vert.x: its local shared map). */
class ClusterMapSegmentCacheTest extends CacheContractTest {
  @Override
  protected SegmentCache open(Vertx vertx) {
    return new ClusterMapSegmentCache(vertx);
  }
}
