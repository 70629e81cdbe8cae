package io.vertomic.cli;

import java.util.List;

/** {@code vertomic transact TARGET FILE|-}: one transaction of EDN tx data. */
final class TransactCommand implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "transact",
        "TARGET FILE|-",
        "Commits the EDN tx data in FILE (or standard input) as one transaction.",
        """
        Prints {:t-before T :t-after T :datoms N :tempids {...}}. The tx data is what
        Datomic's transact takes: [{:db/id "x" :person/name "Ivan"} [:db/add "x" :a 1] ...].
        For many transactions in one file, see vertomic import.""",
        2,
        2,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    String txData = InputText.read(in.args().get(1), in.in());
    try (Target t = in.target(0)) {
      in.out().println(t.transact(txData).edn());
    }
    return Exit.OK;
  }
}
