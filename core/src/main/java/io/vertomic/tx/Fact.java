package io.vertomic.tx;

import io.vertomic.datom.Values;

/** The identity of a fact within one transaction: entity, attribute, value (by value equality). */
record Fact(long e, long a, Object v) {
  @Override
  public boolean equals(Object o) {
    return o instanceof Fact f && f.e == e && f.a == a && Values.equal(f.v, v);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(e) * 31 + Long.hashCode(a)) * 31 + Values.hash(v);
  }
}
