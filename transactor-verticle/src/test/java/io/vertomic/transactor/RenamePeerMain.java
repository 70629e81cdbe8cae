package io.vertomic.transactor;

import io.vertomic.peer.Peer;

/**
 * A peer process for the multi-process tests that renames database {@code args[0]} to {@code
 * args[1]} and prints {@code renamed true}, or {@code error ...}; then exits.
 */
public final class RenamePeerMain {
  public static void main(String[] args) {
    try {
      System.out.println("renamed " + Peer.renameDatabase(args[0], args[1]));
      Peer.shutdown();
    } catch (Throwable e) {
      System.out.println("error " + e);
      e.printStackTrace(System.out);
    }
    System.exit(0);
  }
}
