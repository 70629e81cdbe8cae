package io.vertomic.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A data set as the EDN text of its transactions, schema first, loaded the same way into both
 * engines: {@link #mbrainz()} from the committed {@code mbrainz.edn.gz} (made by {@link
 * MbrainzConvert}), {@link SocialGraph} generated.
 */
record RealData(String name, List<String> transactions) {
  private static RealData mbrainz;

  /** Datomic's mbrainz sample subset, read once from the class path. */
  static synchronized RealData mbrainz() {
    if (mbrainz == null) {
      mbrainz = new RealData("mbrainz", readLines("/mbrainz.edn.gz", Integer.MAX_VALUE));
    }
    return mbrainz;
  }

  /**
   * The first {@code limit} transactions of the mbrainz file: the schema and enums, then a slice of
   * each kind of entity (lookup refs to entities outside the slice fail, so tests take whole-file
   * prefixes only where that holds).
   */
  static List<String> readLines(String resource, int limit) {
    List<String> lines = new ArrayList<>();
    try (InputStream raw = RealData.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && lines.size() < limit) {
        if (!line.isBlank() && !line.startsWith(";")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** Loads every transaction into {@code db}, in order. */
  void loadInto(RealDb db) {
    for (String tx : transactions) {
      db.transact(tx);
    }
  }
}
