package io.vertomic.datom;

/**
 * One fact: entity {@code e} has value {@code v} for attribute {@code a}, asserted ({@code added})
 * or retracted in transaction {@code tx}. Immutable.
 *
 * <p>{@code v} is one of the value types of {@link Values}: {@code Long} (longs and refs), {@code
 * Double}, {@code Float}, {@code BigInteger}, {@code BigDecimal}, {@code String}, {@code Boolean},
 * {@code Keyword}, {@code Symbol}, {@code Date}, {@code UUID}, {@code URI}, {@code byte[]} or a
 * {@code List} (tuples).
 */
public record Datom(long e, long a, Object v, long tx, boolean added) {

  /** The {@code t} of the transaction that asserted or retracted this datom. */
  public long t() {
    return EntityId.txToT(tx);
  }

  /** The same fact with {@code added} set to {@code added}. */
  public Datom withAdded(boolean added) {
    return added == this.added ? this : new Datom(e, a, v, tx, added);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Datom d
        && e == d.e
        && a == d.a
        && tx == d.tx
        && added == d.added
        && Values.equal(v, d.v);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(e) * 31 * 31 + Long.hashCode(a) * 31 + Values.hash(v);
  }

  @Override
  public String toString() {
    return "#datom [" + e + " " + a + " " + Values.toDebugString(v) + " " + tx + " " + added + "]";
  }
}
