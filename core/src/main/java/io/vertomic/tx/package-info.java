/**
 * Internal: pure transaction processing ({@link io.vertomic.tx.TxProcessor}: expansion, tempids and
 * upserts, datoms, composite tuples, schema changes, constraints) and the single-writer pipeline
 * ({@link io.vertomic.tx.Writer}). May use: {@code io.vertomic.db}, {@code io.vertomic.schema},
 * {@code io.vertomic.log}, {@code io.vertomic.datom}, {@code io.vertomic.peer}, the api module;
 * Vert.x only in {@code Writer}.
 */
package io.vertomic.tx;
