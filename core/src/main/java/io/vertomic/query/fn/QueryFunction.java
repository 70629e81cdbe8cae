package io.vertomic.query.fn;

/**
 * A whitelisted query function or predicate (a truthy result passes, see {@link Functions#truthy}).
 */
@FunctionalInterface
public interface QueryFunction {
  Object apply(Object... args);
}
