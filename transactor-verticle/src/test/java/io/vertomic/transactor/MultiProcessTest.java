package io.vertomic.transactor;

import io.vertomic.peer.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A test that runs child JVMs: every one it starts is killed when the test ends. */
abstract class MultiProcessTest {
  private final List<ChildJvm> children = new ArrayList<>();

  /** {@code c}, killed after the test. */
  ChildJvm kept(ChildJvm c) {
    children.add(c);
    return c;
  }

  @AfterEach
  void killChildren() throws InterruptedException {
    for (ChildJvm c : children) {
      c.close();
    }
    Peer.shutdown();
  }
}
