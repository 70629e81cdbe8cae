package io.vertomic.peer;

import io.vertomic.datom.Datom;
import java.util.List;

/** One transaction of the {@link Log}: its {@code t} and the datoms it added and retracted. */
public record LogEntry(long t, List<Datom> data) {}
