package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * How a request wants its rows (docs/http-api.md): the {@code offset}/{@code limit} window, the
 * {@code chunk} size and the stream format of its Accept header (null for a whole answer).
 */
record Paging(long offset, long limit, int chunk, String stream) {
  /** The largest chunk a request may ask for. */
  static final int MAX_CHUNK = 100_000;

  static Paging of(Fields f, RoutingContext ctx) {
    return new Paging(
        f.number("offset", 0, 0),
        f.number("limit", 0, Long.MAX_VALUE),
        (int) Math.min(f.number("chunk", 1, 1000), MAX_CHUNK),
        Answers.streamFormat(ctx));
  }

  /** The window of {@code it}, itself lazy. */
  <T> Iterator<T> window(Iterator<T> it) {
    for (long i = 0; i < offset && it.hasNext(); i++) {
      it.next();
    }
    return new Iterator<>() {
      long left = limit;

      @Override
      public boolean hasNext() {
        return left > 0 && it.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        left--;
        return it.next();
      }
    };
  }

  /**
   * Every row of {@code it}, for a whole answer; fails {@code incorrect} past {@code max} rows,
   * naming {@code what} and the ways to read more.
   */
  static <T> List<T> drain(Iterator<T> it, int max, String what) {
    List<T> out = new ArrayList<>();
    while (it.hasNext()) {
      if (out.size() == max) {
        throw Anomaly.incorrect(
            "vertomic.error/result-too-large",
            "More than "
                + max
                + " "
                + what
                + ": page them with offset and limit, or stream them with Accept: "
                + Answers.NDJSON);
      }
      out.add(it.next());
    }
    return out;
  }
}
