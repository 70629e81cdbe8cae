package io.vertomic.peerserver;

import java.util.Locale;

/**
 * What an access key may do (docs/security.md, "Access keys and roles"). A role is the highest
 * right it holds, each right including those below it: {@code read} queries, pulls, and reads
 * datoms and the log; {@code write} also transacts (and {@code with}); {@code admin} also creates
 * and deletes databases.
 */
enum Right {
  READ,
  WRITE,
  ADMIN;

  /** The name in the keys file and in messages: {@code read}, {@code write}, {@code admin}. */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a key of this role holds {@code right}. */
  boolean covers(Right right) {
    return compareTo(right) >= 0;
  }

  /** The role named {@code name}; fails naming the three there are. */
  static Right of(String name) {
    for (Right r : values()) {
      if (r.wireName().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("role must be read, write or admin, not '" + name + "'");
  }
}
