/**
 * Internal: the persistent sorted datom structure every index is built on. {@link
 * io.vertomic.index.DatomTree} is a copy-on-write B+tree of large immutable nodes (leaves of sorted
 * datoms, branches of child references); a new version shares every node its change did not touch
 * with the old one. Children are reached through a {@link io.vertomic.index.NodeSource}, so the
 * same nodes live as immutable segments in storage and load lazily; a stored tree's later changes
 * are kept apart in memory ({@code Overlay}) until they are stored.
 *
 * <p>Plain Java, no Vert.x. May use: {@code io.vertomic.datom}.
 */
package io.vertomic.index;
