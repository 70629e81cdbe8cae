package io.vertomic.cli;

import java.util.List;

/** {@code vertomic db delete TARGET}: Datomic's {@code delete-database}. */
final class DbDelete implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db delete",
        "TARGET",
        "Deletes the database TARGET names, its history and log; prints deleted, or absent.",
        "",
        1,
        1,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      in.out().println(t.delete() ? "deleted" : "absent");
    }
    return Exit.OK;
  }
}
