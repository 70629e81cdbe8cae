package io.vertomic.cli;

import io.vertomic.edn.Edn;
import java.util.List;

/** {@code vertomic pull TARGET SELECTOR EID}: Datomic's {@code pull}, printed as EDN. */
final class PullCommand implements Command {
  @Override
  public Usage usage() {
    return new Usage(
        "pull",
        "TARGET SELECTOR EID",
        "Pulls SELECTOR (EDN, e.g. '[*]') of the entity EID; prints the map as EDN.",
        "EID is an entity id, an ident (:my/ident) or a lookup ref ('[:person/name \"Ivan\"]').",
        3,
        3,
        true,
        List.of());
  }

  @Override
  public int run(Invocation in) {
    Object eid = Edn.read(in.args().get(2));
    try (Target t = in.target(0)) {
      in.out().println(Edn.write(t.pull(in.args().get(1), eid)));
    }
    return Exit.OK;
  }
}
