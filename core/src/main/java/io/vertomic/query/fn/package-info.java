/**
 * Internal. The whitelisted functions, predicates and aggregates queries may call, and the registry
 * for Java-registered ones. May use: datom, api.
 */
package io.vertomic.query.fn;
