package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertomic.client.ClientOptions;
import io.vertomic.client.VertomicClient;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The peer server with a certificate from its config answers over TLS only. */
class TlsTest {
  @Test
  void serverWithACertificateAnswersOverTlsToAClientThatTrustsIt() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("localhost");
    try (Server server =
        new Server(
            new JsonObject()
                .put("tlsCertPath", cert.certificatePath())
                .put("tlsKeyPath", cert.privateKeyPath()))) {
      VertomicClient trusting =
          VertomicClient.create(
              server.vertx,
              new ClientOptions()
                  .setEndpoint("https://127.0.0.1:" + server.port)
                  .setTrustAll(true));
      String name = Server.freshName();
      assertTrue(EndToEndTest.await(trusting.createDatabase(name)));
      assertTrue(EndToEndTest.await(trusting.listDatabases()).contains(name));
      VertomicClient plain =
          VertomicClient.create(
              server.vertx,
              new ClientOptions()
                  .setEndpoint("http://127.0.0.1:" + server.port)
                  .setRequestTimeoutMillis(5000)
                  .setRetryDeadlineMillis(0));
      Anomaly plainRefused =
          assertThrows(Anomaly.class, () -> EndToEndTest.await(plain.listDatabases()));
      assertTrue(
          Set.of(Category.UNAVAILABLE, Category.INTERRUPTED).contains(plainRefused.category()),
          plainRefused.toString());
      VertomicClient distrusting =
          VertomicClient.create(
              server.vertx,
              new ClientOptions()
                  .setEndpoint("https://127.0.0.1:" + server.port)
                  .setRetryDeadlineMillis(0));
      Anomaly refused =
          assertThrows(Anomaly.class, () -> EndToEndTest.await(distrusting.listDatabases()));
      assertEquals(Category.UNAVAILABLE, refused.category(), refused.toString());
    }
  }
}
