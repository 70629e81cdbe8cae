/**
 * Internal. The query executor: relations and hash joins, data patterns over the indexes,
 * predicates and function expressions, {@code not}/{@code or}, tabled (recursive) rules, find-spec
 * shaping with aggregates and pull, timeouts and row limits. Entry point {@link
 * io.vertomic.query.exec.QueryExecutor}, called by {@code peer.impl.Queries}. May use: query.parse,
 * query.plan, query.fn, pull, db (and datom/schema), api. Plain Java, no Vert.x.
 */
package io.vertomic.query.exec;
