package io.vertomic.index;

/**
 * How a branch refers to one child: by the node itself, or by the address it is stored under.
 * Immutable.
 *
 * <p>This is the whole lazy-loading seam. A tree built in memory holds its nodes; a branch decoded
 * from storage holds addresses only, and a reader resolves them through the tree's {@link
 * NodeSource}. A reference never caches what it loaded: memory stays bounded by the segment cache
 * behind the source, not by how much of the tree was read.
 */
final class ChildRef {
  private final Node node;
  private final Object address;

  private ChildRef(Node node, Object address) {
    this.node = node;
    this.address = address;
  }

  /** A reference to an in-memory node. */
  static ChildRef of(Node node) {
    return new ChildRef(node, null);
  }

  /** A reference to a node stored under {@code address}, loaded on demand. */
  static ChildRef stored(Object address) {
    return new ChildRef(null, address);
  }

  /** The node, loading it through {@code source} when only its address is held. */
  Node resolve(NodeSource source) {
    return node != null ? node : source.load(address);
  }

  /** The node if it is held in memory, else null. */
  Node nodeOrNull() {
    return node;
  }

  /** The storage address, or null for a node that is in memory only. */
  Object address() {
    return address;
  }
}
