package io.vertomic.cli;

import io.vertomic.edn.Edn;
import java.util.List;

/** {@code vertomic db stats TARGET}: Datomic's {@code db-stats}, with the basis-t. */
final class DbStats implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db stats",
        "TARGET",
        "Prints the database's basis-t, datom count and datoms per attribute as EDN.",
        "e.g. {:basis-t 1002, :datoms 1234, :attrs {:person/name {:count 3}}}",
        1,
        1,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      in.out().println(Edn.write(t.stats()));
    }
    return Exit.OK;
  }
}
