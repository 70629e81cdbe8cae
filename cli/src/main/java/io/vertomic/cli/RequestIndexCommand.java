package io.vertomic.cli;

import java.util.List;

/** {@code vertomic request-index TARGET}: Datomic's {@code request-index}, waited for. */
final class RequestIndexCommand implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "request-index",
        "TARGET",
        "Indexes the database's novelty now and waits until the durable index holds it.",
        "A storage URI only.",
        1,
        1,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    try (Target t = in.target(0)) {
      t.requestIndex();
      in.out().println("indexed");
    }
    return Exit.OK;
  }
}
