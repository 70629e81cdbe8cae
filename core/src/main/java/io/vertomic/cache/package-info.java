/**
 * The distributed segment cache tier: {@link io.vertomic.cache.SegmentCache} on memcached servers
 * or the cluster's map, and {@link io.vertomic.cache.TieredStorage}, a storage whose segment reads
 * go through it. (The peer's object cache of decoded segments sits above, in peer.impl.) Internal.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core.
 */
package io.vertomic.cache;
