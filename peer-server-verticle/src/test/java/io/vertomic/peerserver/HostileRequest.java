package io.vertomic.peerserver;

/**
 * One request of the HTTP fuzzer: the raw bytes a hostile client writes, how it writes them, and
 * whether a success (2xx) is a possible answer (a read that happens to be well-formed) or would
 * mean the server accepted something it must refuse.
 */
record HostileRequest(String kind, byte[] bytes, Delivery delivery, boolean mayBeOk) {
  /** The same request, for which a success is a right answer. */
  HostileRequest ok() {
    return new HostileRequest(kind, bytes, delivery, true);
  }

  /** How the bytes go out. */
  enum Delivery {
    /** All at once, then the answer is read. */
    WHOLE,
    /** All at once, then the client closes its side: the request is cut short. */
    TRUNCATED,
    /** A byte at a time with pauses, never finishing: the server must cut it off. */
    SLOW,
    /** All at once and the connection held without reading: a stream slot taken. */
    HELD
  }
}
