/**
 * Internal: the immutable database value ({@link io.vertomic.db.DbValue}), its {@link
 * io.vertomic.db.Indexes}, the as-of/since/history views, argument resolution and the entity view.
 * Plain Java. May use: {@code io.vertomic.index}, {@code io.vertomic.schema}, {@code
 * io.vertomic.datom}, {@code io.vertomic.peer} (interfaces), the api module.
 */
package io.vertomic.db;
