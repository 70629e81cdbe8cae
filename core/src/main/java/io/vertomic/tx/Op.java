package io.vertomic.tx;

import io.vertomic.schema.Attr;

/**
 * One primitive operation of a transaction after map forms are expanded. Entity positions hold what
 * the user wrote (an id, an ident, a lookup ref, a string tempid, a tempid record) or an {@link
 * AutoId}; values are raw until tempids resolve. {@code stmt} is the index of the top-level
 * statement it came from, for messages.
 */
sealed interface Op {
  int stmt();

  /** Marks a retraction that names no value: every value of (e, a). */
  Object ALL_VALUES =
      new Object() {
        @Override
        public String toString() {
          return "<all values>";
        }
      };

  /** {@code [:db/add e a v]} or a map entry. */
  record Add(int stmt, Object e, Attr a, Object v) implements Op {}

  /** {@code [:db/retract e a v]}, or {@code [:db/retract e a]} with v = {@link #ALL_VALUES}. */
  record Retract(int stmt, Object e, Attr a, Object v) implements Op {}

  /** {@code [:db/cas e a old new]}: old may be null (no current value). */
  record Cas(int stmt, Object e, Attr a, Object oldV, Object newV) implements Op {}

  /** {@code [:db/retractEntity e]}. */
  record RetractEntity(int stmt, Object e) implements Op {}

  /**
   * A partition directive of a map form: {@code :db/force-partition {tempid partition}} puts the
   * new entity of {@code tempid} in {@code target} (an ident or id); {@code :db/match-partition
   * {tempid entity}} ({@code match}) in the partition of {@code target} (an id or a tempid).
   */
  record Place(int stmt, Object tempid, Object target, boolean match) implements Op {}

  /** The tempid of a map form written without {@code :db/id}. */
  record AutoId(int n) {
    @Override
    public String toString() {
      return "<entity of map form " + n + ">";
    }
  }
}
