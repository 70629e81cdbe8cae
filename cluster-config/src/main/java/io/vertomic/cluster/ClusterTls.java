package io.vertomic.cluster;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The cluster certificate: a directory holding {@value #KEY} (this member's private key, PKCS#8
 * PEM), {@value #CERT} (its certificate) and {@value #TRUSTED} (every certificate a member accepts
 * from another, one or more). With it the event bus speaks TLS 1.2/1.3 both ways and each end asks
 * for the other's certificate, so a process without a trusted certificate can neither send to a
 * member nor receive from one, even when it has joined Hazelcast. {@code scripts/lib/cluster-tls}
 * makes such a directory; rotating certificates is in docs/security.md.
 */
public record ClusterTls(Path key, Path cert, Path trusted) {
  public static final String KEY = "member-key.pem";
  public static final String CERT = "member-cert.pem";
  public static final String TRUSTED = "trusted-certs.pem";

  /** The files of {@code dir}; fails naming the first one missing. */
  public static ClusterTls in(Path dir) {
    ClusterTls t = new ClusterTls(dir.resolve(KEY), dir.resolve(CERT), dir.resolve(TRUSTED));
    for (Path p : new Path[] {t.key, t.cert, t.trusted}) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException(
            "The cluster TLS directory "
                + dir
                + " has no readable "
                + p.getFileName()
                + " (it holds "
                + KEY
                + ", "
                + CERT
                + " and "
                + TRUSTED
                + "; scripts/lib/cluster-tls makes one)");
      }
    }
    return t;
  }

  /** Makes {@code eventBus} mutual TLS with these files. */
  public void apply(EventBusOptions eventBus) {
    eventBus
        .setSsl(true)
        .setClientAuth(ClientAuth.REQUIRED)
        .setKeyCertOptions(
            new PemKeyCertOptions().setKeyPath(key.toString()).setCertPath(cert.toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(trusted.toString()))
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
  }
}
