package io.vertomic.peerserver;

import io.vertomic.transactor.ChildJvm;
import io.vertomic.transactor.Systems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The processes of a whole system for the end-to-end tests: a transactor and a peer server, each a
 * real JVM on 127.0.0.1, on one storage and one cluster of their own.
 */
final class RemoteSystem {
  private RemoteSystem() {}

  /**
   * A transactor and a peer server (heap {@code heap}, config members {@code more}) on the
   * machine's PostgreSQL, in a cluster of their own, each handed to {@code keep} (which kills it
   * after the test); the port the peer server listens on.
   */
  static int start(UnaryOperator<ChildJvm> keep, String heap, String more) throws Exception {
    return start(keep, heap, more, Systems.sqlSystem());
  }

  /** The same on {@code storage} (a system named with {@code *}, as {@link Systems} gives). */
  static int start(UnaryOperator<ChildJvm> keep, String heap, String more, String storage)
      throws Exception {
    String cluster = "remote-" + UUID.randomUUID();
    keep.apply(transactor(cluster, storage));
    return port(keep.apply(peerServer(cluster, storage, heap, more)));
  }

  /** A transactor on {@code storage}, once it is active. */
  static ChildJvm transactor(String cluster, String storage) throws Exception {
    ChildJvm t = Systems.transactor(cluster, storage, 3000);
    t.await(l -> l.contains(" active epoch "), 120, "active transactor");
    return t;
  }

  /** A peer server on {@code storage} with the config members {@code more}, once it listens. */
  static ChildJvm peerServer(String cluster, String storage, String heap, String more)
      throws IOException {
    Path conf = Files.createTempFile("peer-server", ".json");
    Files.writeString(
        conf,
        "{\"storage\": \""
            + storage
            + "\", \"port\": 0"
            + (more.isEmpty() ? "" : ", " + more)
            + "}");
    conf.toFile().deleteOnExit();
    return ChildJvm.start(
        cluster, List.of("-Xmx" + heap), PeerServerMain.class.getName(), "-conf", conf.toString());
  }

  /** The port a peer server prints once it listens. */
  static int port(ChildJvm peerServer) throws Exception {
    String line = peerServer.await(l -> l.contains("listening on http"), 120, "listening line");
    return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
  }
}
