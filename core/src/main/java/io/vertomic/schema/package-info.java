/**
 * Internal: the schema of a database value ({@link io.vertomic.schema.Schema}, {@link
 * io.vertomic.schema.Attr}, {@link io.vertomic.schema.ValueType}) and the bootstrap datoms every
 * database starts with. Plain Java. May use: {@code io.vertomic.datom}, the api module.
 */
package io.vertomic.schema;
