package io.vertomic.bench;

import java.util.List;

/**
 * One query a user of a data set would write: its EDN text, passed as text on every call, and its
 * inputs after the database, each as EDN text read once per engine (rule sets, names, numbers), as
 * a user's program holds them.
 */
record RealQuery(String name, String query, List<String> inputs) {
  static RealQuery of(String name, String query, String... inputs) {
    return new RealQuery(name, query, List.of(inputs));
  }
}
