package io.vertomic.query.fn;

import java.util.List;

/** A whitelisted aggregate: {@code args} are the leading constants, {@code values} the bag. */
@FunctionalInterface
public interface Aggregate {
  Object apply(List<Object> args, List<Object> values);
}
