package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.edn.Keyword;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of every {@code /api} request against the access keys in force
 * (docs/security.md): the keys file named by {@code accessKeysFile}, re-read while the server runs,
 * or else the one key {@code accessKey}/{@code secret} of the config with role {@code admin}.
 * Missing or wrong credentials are {@code forbidden}, answered 401; the key a request passed with
 * is left on its context ({@link AccessKey#of}) for {@link RouteRights} to check.
 *
 * <p>A secret new to a table costs one PBKDF2, on a worker, shared by the requests that bring it
 * meanwhile; at most {@link #MAX_VERIFYING} run at once and more are {@code busy}, so guessing
 * cannot take every thread. Lifecycle: {@link #start} once, {@link #close} at stop.
 */
final class AccessKeys {
  private static final Logger LOG = LoggerFactory.getLogger(AccessKeys.class);

  /** How many PBKDF2 verifications may run at once. */
  static final int MAX_VERIFYING = 2;

  private final Vertx vertx;
  private final PeerServerOptions options;
  private final AtomicInteger verifying = new AtomicInteger();
  private volatile KeyTable table;
  private Buffer loadedContent;
  private String lastProblem;
  private boolean checking;
  private long timer = -1;

  AccessKeys(Vertx vertx, PeerServerOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  /**
   * Reads the keys file and starts watching it, or takes the config's one key when there is none.
   * Fails {@code incorrect} naming the file and what is wrong with it.
   */
  Future<Void> start() {
    String file = options.accessKeysFile();
    if (file == null) {
      table = KeyTable.single(options.accessKey(), options.secret());
      return Future.succeededFuture();
    }
    return vertx
        .fileSystem()
        .readFile(file)
        .recover(
            e ->
                Future.failedFuture(
                    Anomaly.incorrect(
                        "vertomic.error/invalid-config",
                        "Access keys file " + file + " cannot be read: " + e.getMessage())))
        .compose(
            content -> {
              try {
                table = KeyTable.parse(content);
              } catch (IllegalArgumentException e) {
                return Future.failedFuture(
                    Anomaly.incorrect(
                        "vertomic.error/invalid-config",
                        "Access keys file " + file + " is malformed: " + e.getMessage()));
              }
              loadedContent = content;
              timer = vertx.setPeriodic(options.accessKeysCheckMillis(), id -> check(file));
              return Future.succeededFuture();
            });
  }

  void close() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
    }
  }

  // the whole (small) file is compared, not its modification time: an edit within the file
  // system's time granularity that keeps the size would otherwise go unseen
  private void check(String file) {
    if (checking) {
      return;
    }
    checking = true;
    vertx
        .fileSystem()
        .readFile(file)
        .onComplete(
            ar -> {
              checking = false;
              if (ar.failed()) {
                problem(file, "cannot be read: " + ar.cause().getMessage());
                return;
              }
              if (ar.result().equals(loadedContent)) {
                return;
              }
              try {
                KeyTable next = KeyTable.parse(ar.result());
                table = next;
                loadedContent = ar.result();
                lastProblem = null;
                LOG.info("access keys reloaded from {}: {} keys", file, next.size());
              } catch (IllegalArgumentException e) {
                problem(file, "is malformed: " + e.getMessage());
              }
            });
  }

  private void problem(String file, String what) {
    if (!what.equals(lastProblem)) { // one line per problem, not one per check
      lastProblem = what;
      LOG.warn(
          "access keys file {} not reloaded, the {} keys loaded before stay: {}",
          file,
          table.size(),
          what);
    }
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      refuse(ctx, "Missing credentials: send HTTP Basic authentication with an access key");
      return;
    }
    String given;
    try {
      given =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      refuse(ctx, "Malformed HTTP Basic credentials");
      return;
    }
    int colon = given.indexOf(':');
    KeyTable t = table;
    AccessKey key = colon < 0 ? null : t.find(given.substring(0, colon));
    if (key == null) {
      refuse(ctx, "Wrong access key or secret");
      return;
    }
    String secret = given.substring(colon + 1);
    byte[] digest = KeyTable.digest(secret);
    Boolean known = t.remembered(key, digest);
    if (known != null) {
      decide(ctx, key, known);
      return;
    }
    Future<Boolean> verified = t.pending(key, digest);
    if (verified == null) {
      if (verifying.incrementAndGet() > MAX_VERIFYING) {
        verifying.decrementAndGet();
        ctx.fail(
            new Anomaly(
                Category.BUSY,
                Keyword.of("vertomic.error/peer-server-busy"),
                "The peer server is verifying "
                    + MAX_VERIFYING
                    + " access-key secrets new to it: try again later",
                null));
        return;
      }
      verified =
          t.verify(key, digest, vertx.executeBlocking(() -> key.secret().matches(secret), false));
      verified.onComplete(ar -> verifying.decrementAndGet());
    }
    // the body waits while the secret is verified off the event loop
    if (!ctx.request().isEnded()) {
      ctx.request().pause();
    }
    verified.onComplete(
        ar -> {
          if (!ctx.request().isEnded()) {
            ctx.request().resume();
          }
          decide(ctx, key, ar.succeeded() && ar.result());
        });
  }

  private static void decide(RoutingContext ctx, AccessKey key, boolean ok) {
    if (!ok) {
      refuse(ctx, "Wrong access key or secret");
      return;
    }
    ctx.put(AccessKey.CONTEXT_KEY, key);
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.put(Failures.UNAUTHENTICATED, Boolean.TRUE);
    ctx.fail(Anomaly.forbidden("vertomic.error/unauthorized", message));
  }
}
