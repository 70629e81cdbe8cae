/**
 * Internal: the implementation of the client SDK, not an API; anything here may change without
 * notice. {@code HttpTransport} sends requests (Basic auth, MessagePack bodies, timeouts, answers
 * turned into anomalies), {@code MsgpackValues} is the value encoding, {@code Retry} retries busy
 * answers, {@code ChunkedResults} turns a chunk stream into a back-pressured {@code Flowable}.
 *
 * <p>May use: {@code io.vertomic.client}, {@code io.vertomic.edn}, {@code io.vertomic.anomaly},
 * Vert.x core, RxJava 3 and msgpack-core.
 */
package io.vertomic.client.impl;
