package io.vertomic.cli;

import java.util.List;

/** {@code vertomic db rename TARGET NEW-NAME}: Datomic's {@code rename-database}. */
final class DbRename implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db rename",
        "TARGET NEW-NAME",
        "Renames the database TARGET names to NEW-NAME, in place (a storage URI only).",
        "Its data, history and log stay; the old name is free afterwards.",
        2,
        2,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      t.rename(in.args().get(1));
      in.out().println("renamed to " + in.args().get(1));
    }
    return Exit.OK;
  }
}
