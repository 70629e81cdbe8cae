package io.vertomic.cache;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The segment cache on real memcached servers ({@code host:port} each), spoken to over a Vert.x
 * {@link NetClient}: no blocking client library and no threads of its own, the event loop does the
 * I/O. Each key lives on one server, chosen by rendezvous hashing, so adding a server moves only
 * the keys it wins. Keys are made memcached-safe (prefix {@code vx:}; a SHA-1 when too long);
 * values over memcached's 1 MB item limit are not cached.
 */
public final class MemcachedSegmentCache implements SegmentCache {
  /** memcached's default largest item. */
  static final int MAX_VALUE = 1024 * 1024 - 512;

  private final NetClient client;
  private final List<MemcachedServer> servers = new ArrayList<>();

  /** A cache on {@code servers} ({@code host:port} each); a get waits {@code timeoutMs} at most. */
  public MemcachedSegmentCache(Vertx vertx, List<String> servers, long timeoutMs) {
    this.client =
        vertx.createNetClient(
            new NetClientOptions().setConnectTimeout((int) timeoutMs).setTcpNoDelay(true));
    for (String s : servers) {
      int colon = s.lastIndexOf(':');
      this.servers.add(
          new MemcachedServer(
              vertx,
              client,
              s.substring(0, colon),
              Integer.parseInt(s.substring(colon + 1).trim()),
              timeoutMs));
    }
  }

  @Override
  public Future<byte[]> get(String key) {
    String k = safe(key);
    return server(k).get(k);
  }

  @Override
  public Future<Void> put(String key, byte[] value) {
    if (value.length <= MAX_VALUE) {
      String k = safe(key);
      server(k).set(k, value);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String key) {
    String k = safe(key);
    server(k).command("delete " + k + " noreply\r\n");
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> all = new ArrayList<>();
    servers.forEach(s -> all.add(s.close()));
    return Future.join(all).eventually(client::close).mapEmpty();
  }

  private MemcachedServer server(String key) {
    MemcachedServer best = null;
    long bestScore = Long.MIN_VALUE;
    for (MemcachedServer s : servers) {
      long score = mix((key + "@" + s.host + ":" + s.port).hashCode());
      if (best == null || score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  static String safe(String key) {
    String k = "vx:" + key;
    boolean plain = k.length() <= 240 && k.chars().allMatch(c -> c > 32 && c < 127);
    return plain ? k : "vx#" + sha1(key);
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // spreads String.hashCode's bits (splitmix64 finaliser) so rendezvous scores are fair
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
