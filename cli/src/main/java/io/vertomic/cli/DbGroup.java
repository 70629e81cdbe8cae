package io.vertomic.cli;

import java.util.List;

/** {@code vertomic db --help}: the help of the {@code db} subcommands as a group. */
final class DbGroup implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "db",
        "list|create|delete|rename|stats TARGET",
        "Lists, creates, deletes, renames and describes databases.",
        """
        db list TARGET            the databases of a storage (its URI naming *) or a peer server
        db create TARGET          creates the database TARGET names
        db delete TARGET          deletes it, with its history and log
        db rename TARGET NEW-NAME renames it in place (a storage URI only)
        db stats TARGET           its basis-t, datom count and datoms per attribute, as EDN

        vertomic db SUBCOMMAND --help tells more of each.""",
        1,
        -1,
        false,
        List.of());
  }

  @Override
  public int run(Invocation invocation) {
    // Args checked a subcommand name follows; Commands.find handles every other case
    throw new UsageException("unknown subcommand 'db " + invocation.args().get(0) + "'");
  }
}
