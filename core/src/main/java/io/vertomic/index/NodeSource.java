package io.vertomic.index;

/**
 * Where a {@link DatomTree} finds the children it holds only by address: the seam between the tree
 * and the storage its nodes may live in.
 *
 * <p>An in-memory tree resolves every child itself, so it never calls its source ({@link #NONE}). A
 * stored tree has a source that reads the segment stored under an address (through the segment
 * cache) and decodes it; callers of {@link DatomTree} do not change.
 *
 * <p>Contract: {@link #load} returns the node stored under {@code address}; since stored nodes are
 * immutable, every call for one address returns an equal node, and a source may cache freely. It is
 * synchronous and may block, so trees with a storage-backed source must not be read on an event
 * loop thread. It fails with an unchecked exception (an anomaly of category {@code unavailable}
 * when storage cannot be reached); the failure propagates out of the tree operation that needed the
 * node. Implementations must be thread-safe: one tree is read from many threads.
 */
@FunctionalInterface
public interface NodeSource {
  /** The source of in-memory trees: every child is resolved, so loading is a bug. */
  NodeSource NONE =
      address -> {
        throw new IllegalStateException("No node source: node " + address + " is not in memory");
      };

  /** The node stored under {@code address}. */
  Node load(Object address);
}
