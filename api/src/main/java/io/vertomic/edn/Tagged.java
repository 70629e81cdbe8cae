package io.vertomic.edn;

import java.util.Objects;

/**
 * A tagged literal whose tag the reader has no built-in meaning for, such as {@code #db/id
 * [:db.part/user -1]}. It keeps the tag and the value read after it, and prints back the same way.
 */
public record Tagged(Symbol tag, Object value) {
  public Tagged {
    Objects.requireNonNull(tag, "tag");
  }

  @Override
  public String toString() {
    return "#" + tag + " " + value;
  }
}
