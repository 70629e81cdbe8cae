package io.vertomic.storage;

/** One entry of a database's transaction log: the {@code t} it is keyed by and its bytes. */
public record LogRecord(long t, byte[] entry) {}
