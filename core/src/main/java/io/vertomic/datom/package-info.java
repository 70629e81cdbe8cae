/**
 * Public API: the {@link io.vertomic.datom.Datom} record, the total order of values ({@link
 * io.vertomic.datom.Values}), the entity-id layout ({@link io.vertomic.datom.EntityId}) and the
 * four {@link io.vertomic.datom.IndexOrder}s. Plain Java. May use: {@code io.vertomic.edn}, {@code
 * io.vertomic.anomaly}.
 */
package io.vertomic.datom;
