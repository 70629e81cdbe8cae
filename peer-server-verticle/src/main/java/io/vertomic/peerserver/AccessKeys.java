package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomaly;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP Basic authentication of every {@code /api} request with the access key and secret the server
 * was started with. Missing or wrong credentials are {@code forbidden}, answered 401.
 */
final class AccessKeys {
  private final byte[] expected;

  AccessKeys(String accessKey, String secret) {
    this.expected = (accessKey + ":" + secret).getBytes(StandardCharsets.UTF_8);
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      refuse(ctx, "Missing credentials: send HTTP Basic authentication with an access key");
      return;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      refuse(ctx, "Malformed HTTP Basic credentials");
      return;
    }
    // constant time: the comparison must not tell how much of a guess was right
    if (!MessageDigest.isEqual(given, expected)) {
      refuse(ctx, "Wrong access key or secret");
      return;
    }
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.put(Failures.UNAUTHENTICATED, Boolean.TRUE);
    ctx.fail(Anomaly.forbidden("vertomic.error/unauthorized", message));
  }
}
