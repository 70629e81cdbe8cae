package io.vertomic.client;

import java.util.Objects;

/**
 * One fact as the peer server answers it: entity id {@code e}, attribute id {@code a}, value {@code
 * v}, transaction id {@code tx}, and whether it was asserted ({@code added}) or retracted. The
 * value is a Java value of the MessagePack encoding ({@code Long}, {@code String}, {@link
 * io.vertomic.edn.Keyword}, {@link java.util.Date}, ...). Immutable.
 *
 * <pre>{@code new Datom(17592186045418L, 72, "Ivan", 13194139534313L, true)}</pre>
 */
public record Datom(long e, long a, Object v, long tx, boolean added) {
  public Datom {
    Objects.requireNonNull(v, "v");
  }
}
