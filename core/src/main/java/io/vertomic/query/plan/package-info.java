/**
 * Internal. The query planner: per-attribute datom counts ({@link
 * io.vertomic.query.plan.AttrStats}), cardinality estimates and index choice ({@link
 * io.vertomic.query.plan.Estimator}), greedy clause ordering ({@link
 * io.vertomic.query.plan.Planner}) and {@link io.vertomic.query.plan.Explain}. May use:
 * query.parse, db (and the datom/schema types db exposes), api.
 */
package io.vertomic.query.plan;
