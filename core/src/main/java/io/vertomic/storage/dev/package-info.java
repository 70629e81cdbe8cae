/**
 * The {@code dev} storage backend: an embedded durable file store (LMDB) in one directory.
 * Internal.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core, LMDB.
 */
package io.vertomic.storage.dev;
