/**
 * What travels between peers and the transactor on the clustered event bus, and the transactor
 * lease they find each other by: event-bus addresses, the transaction request and reply, anomalies
 * as reply failures, and the {@link io.vertomic.cluster.bus.Lease} kept in storage. Internal.
 *
 * <p>May use: {@code io.vertomic.anomaly}, {@code io.vertomic.edn}, {@code io.vertomic.storage},
 * {@code io.vertomic.wire} (MessagePack, in which transactions and their answers travel), {@code
 * org.msgpack}, {@code io.vertx.core}.
 */
package io.vertomic.cluster.bus;
