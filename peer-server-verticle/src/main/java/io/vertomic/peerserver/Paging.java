package io.vertomic.peerserver;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The {@code offset}/{@code limit} window of a lazy sequence of rows, itself lazy. */
final class Paging {
  private Paging() {}

  static <T> Iterator<T> window(Iterator<T> it, long offset, long limit) {
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
}
