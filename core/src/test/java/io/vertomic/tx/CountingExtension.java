package io.vertomic.tx;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An extension listed by no {@code META-INF/services} file of the test classpath: the tests of
 * {@link Extensions#load(ClassLoader)} list it in class loaders of their own, and count how often
 * it registers.
 */
public final class CountingExtension implements Extension {
  static final AtomicInteger REGISTRATIONS = new AtomicInteger();

  @Override
  public void register(Registry registry) {
    REGISTRATIONS.incrementAndGet();
    registry.txFunction("vertomic.counting/nothing", (db, args) -> List.of());
  }
}
