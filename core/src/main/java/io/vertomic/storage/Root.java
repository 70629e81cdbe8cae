package io.vertomic.storage;

/**
 * A mutable root as read from storage: its value and the revision a {@link Storage#cas} must name
 * to replace it. Revisions start at 1 and grow by one per swap.
 */
public record Root(String name, long revision, byte[] value) {}
