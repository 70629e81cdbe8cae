package io.vertomic.wire;

import io.vertomic.datom.Datom;
import java.util.List;

/**
 * What the log keeps of one transaction: its {@code t}, its datoms, and the id counters after it
 * ({@code nextT}, {@code nextDbCounter}), so that replaying the log rebuilds exactly the database
 * the writer had.
 */
public record TxEntry(long t, long nextT, long nextDbCounter, List<Datom> datoms) {}
