/**
 * Internal: pure transaction processing ({@link io.vertomic.tx.TxProcessor}: expansion, tempids and
 * upserts, datoms, composite tuples, schema changes, constraints), the application's code that
 * transactions call (extensions, and database functions compiled with Janino) and the single-writer
 * pipeline ({@link io.vertomic.tx.Writer}). May use: {@code io.vertomic.db}, {@code
 * io.vertomic.schema}, {@code io.vertomic.log}, {@code io.vertomic.datom}, {@code
 * io.vertomic.peer}, the api module, Janino and Caffeine; Vert.x only in {@code Writer}.
 */
package io.vertomic.tx;
