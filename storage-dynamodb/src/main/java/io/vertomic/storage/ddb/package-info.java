/**
 * The {@code ddb} storage backend on DynamoDB (AWS SDK v2 async client, conditional writes for
 * compare-and-swap and log append, large values split over several items). Internal but for the
 * provider found by {@link java.util.ServiceLoader}.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core and the AWS SDK.
 */
package io.vertomic.storage.ddb;
