/**
 * The {@code cass} storage backend on Cassandra (Vert.x Cassandra client, lightweight transactions
 * for compare-and-swap and log append). Internal but for the provider found by {@link
 * java.util.ServiceLoader}.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core and the Cassandra client.
 */
package io.vertomic.storage.cass;
