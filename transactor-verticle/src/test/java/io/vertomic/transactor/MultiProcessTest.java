package io.vertomic.transactor;

import io.vertomic.peer.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** A test that runs child JVMs: every one it starts is killed when the test ends. */
@Tag("slow") // child JVMs
public abstract class MultiProcessTest {
  private final List<ChildJvm> children = new ArrayList<>();

  /** {@code c}, killed after the test. */
  protected ChildJvm kept(ChildJvm c) {
    children.add(c);
    return c;
  }

  /**
   * Starts a transactor child JVM of a new cluster on {@code system} and makes this JVM a peer of
   * that cluster until the test ends (so that {@code Peer.connect} reaches the transactor); returns
   * once the transactor is active.
   */
  protected ChildJvm servedBy(String system, String clusterPrefix) throws Exception {
    String cluster = clusterPrefix + "-" + java.util.UUID.randomUUID();
    ChildJvm transactor = kept(Systems.transactor(cluster, system, 5000));
    transactor.await(l -> l.contains(" active epoch "), 120, "transactor activation");
    Peer.configure(Peer.options().setClusterName(cluster));
    return transactor;
  }

  // their output stays in target/children/ for whoever reads a failure
  @AfterEach
  protected void killChildren() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "children"));
    for (ChildJvm c : children) {
      c.close();
      Files.write(dir.resolve(getClass().getSimpleName() + "-" + c.pid() + ".log"), c.output());
    }
    Peer.configure(Peer.options().setClusterName(null).setClusterTls(null));
    Peer.shutdown();
  }
}
