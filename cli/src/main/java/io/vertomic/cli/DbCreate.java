package io.vertomic.cli;

import java.util.List;

/** {@code vertomic db create TARGET}: Datomic's {@code create-database}. */
final class DbCreate implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db create",
        "TARGET",
        "Creates the database TARGET names; prints created, or exists when it already did.",
        "",
        1,
        1,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      in.out().println(t.create() ? "created" : "exists");
    }
    return Exit.OK;
  }
}
