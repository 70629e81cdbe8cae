package io.vertomic.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

/** {@code vertomic gc TARGET [--older-than INSTANT]}: Datomic's {@code gc-storage}. */
final class GcCommand implements Command {
  /** Datomic advises keeping recent garbage for the peers still reading older database values. */
  static final Duration DEFAULT_AGE = Duration.ofDays(7);

  @Override
  public Usage usage() {
    return new Usage(
        "gc",
        "TARGET",
        "Deletes the database's index segments no longer reachable, written before an instant.",
        """
        A database value older than that instant may fail to read afterwards, so keep it
        older than the oldest value a peer still uses. A storage URI only.""",
        1,
        1,
        true,
        List.of(
            Option.valued(
                "older-than",
                "INSTANT",
                "ISO-8601, e.g. 2026-01-01T00:00:00Z (default: 7 days ago)")));
  }

  @Override
  public int run(Invocation in) {
    Date olderThan = olderThan(in.args().option("older-than", null));
    try (Target t = in.target(0)) {
      long deleted = t.gcStorage(olderThan);
      in.out().println("deleted " + deleted + " segments written before " + olderThan.toInstant());
    }
    return Exit.OK;
  }

  private static Date olderThan(String text) {
    if (text == null) {
      return Date.from(Instant.now().minus(DEFAULT_AGE));
    }
    try {
      return Date.from(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new UsageException("--older-than needs an ISO-8601 instant, not " + text);
    }
  }
}
