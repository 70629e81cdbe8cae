package io.vertomic.peer.impl;

import io.vertomic.anomaly.Anomaly;

/**
 * A parsed connection URI (API.md section 1): {@code vertomic:STORAGE://REST} with the database
 * name last. Only {@code mem} is served so far.
 */
record DbUri(String storage, String name) {
  private static final String PREFIX = "vertomic:";

  static DbUri parse(String uri) {
    if (uri == null) {
      throw new NullPointerException("uri");
    }
    int sep = uri.indexOf("://");
    if (!uri.startsWith(PREFIX) || sep < 0) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri",
          "Invalid database URI " + uri + ": expected vertomic:mem://NAME (see API.md section 1)");
    }
    String storage = uri.substring(PREFIX.length(), sep);
    String name = uri.substring(sep + 3);
    if (!storage.equals("mem")) {
      throw Anomaly.incorrect(
          "db.error/unsupported-storage",
          "Storage '"
              + storage
              + "' of "
              + uri
              + " is not available in this build; use vertomic:mem://NAME");
    }
    if (name.isEmpty() || name.contains("/") || name.contains("?") || name.equals("*")) {
      throw Anomaly.incorrect(
          "db.error/invalid-uri", "Invalid database name '" + name + "' in " + uri);
    }
    return new DbUri(storage, name);
  }
}
