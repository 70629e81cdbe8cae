package io.vertomic.tx;

import io.vertomic.edn.Keyword;
import java.util.List;
import java.util.Map;

/** An extension found by {@link java.util.ServiceLoader} on the test classpath. */
public final class TestExtension implements Extension {
  @Override
  public void register(Registry registry) {
    registry.txFunction(
        "vertomic.test/named",
        (db, args) -> List.of(Map.of(Keyword.of("person/name"), args.get(0))));
  }
}
