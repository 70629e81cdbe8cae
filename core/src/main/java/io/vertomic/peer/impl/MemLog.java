package io.vertomic.peer.impl;

import io.vertomic.db.Resolver;
import io.vertomic.peer.Log;
import io.vertomic.peer.LogEntry;
import io.vertomic.tx.Writer;

/** The {@link Log} of a mem database: bounds resolve like {@code asOf} arguments. */
record MemLog(Writer writer) implements Log {
  @Override
  public Iterable<LogEntry> txRange(Object start, Object end) {
    long from = start == null ? 0 : Resolver.t(writer.db(), start);
    long to = end == null ? Long.MAX_VALUE : Resolver.t(writer.db(), end);
    return writer.log().range(from, to);
  }
}
