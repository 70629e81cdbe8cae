/**
 * Starting a clustered Vert.x over Hazelcast with Vertomic's cluster configurations ({@code
 * cluster.xml}, {@code cluster-multicast.xml}, {@code cluster-kubernetes.xml}).
 *
 * <p>May use: Vert.x core, vertx-hazelcast.
 */
package io.vertomic.cluster;
