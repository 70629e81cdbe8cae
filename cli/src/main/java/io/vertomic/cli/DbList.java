package io.vertomic.cli;

import java.util.List;

/** {@code vertomic db list TARGET}: one database name a line, sorted. */
final class DbList implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db list",
        "TARGET",
        "Prints the names of the databases of a storage or peer server, one a line.",
        "TARGET names every database: vertomic:dev://localhost:4334/*, http://127.0.0.1:8998.",
        1,
        1,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      t.databaseNames().forEach(in.out()::println);
    }
    return Exit.OK;
  }
}
