/**
 * Public API of the Vertomic client SDK: {@link io.vertomic.client.VertomicClient}, its {@link
 * io.vertomic.client.ClientOptions}, {@link io.vertomic.client.Connection}, {@link
 * io.vertomic.client.Db} and the value records {@link io.vertomic.client.Datom}, {@link
 * io.vertomic.client.Tx} and {@link io.vertomic.client.TxResult}. The SDK talks to a peer server
 * over HTTP (docs/http-api.md) and never depends on the engine.
 *
 * <p>May use: {@code io.vertomic.edn}, {@code io.vertomic.anomaly}, Vert.x core and RxJava 3; the
 * one edge into {@code io.vertomic.client.impl} is {@link
 * io.vertomic.client.VertomicClient#create}, the static factory (as {@code Vertx.vertx()} does).
 */
package io.vertomic.client;
