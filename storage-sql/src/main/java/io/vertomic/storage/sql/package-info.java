/**
 * The {@code sql} storage backend on PostgreSQL (Vert.x PG client). Internal but for the provider
 * found by {@link java.util.ServiceLoader}.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core and the PG client. Nothing else of
 * core.
 */
package io.vertomic.storage.sql;
