package io.vertomic.storage.ddb;

import io.netty.channel.EventLoopGroup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Builds the AWS SDK's async DynamoDB client of a {@code ddb} storage, on a worker thread because
 * looking for credentials may read files and ask the instance metadata service.
 *
 * <p>Credentials come from the SDK's default chain (environment, system properties, profile files,
 * container and instance roles). When the URI names an {@code endpoint} and the chain finds
 * nothing, the client signs with fixed dummy credentials: a local DynamoDB-compatible server such
 * as dynalite ignores them. Without an endpoint, no credentials is a {@code forbidden} anomaly.
 *
 * <p>Retries are the SDK's standard ones (throttling and transient errors, with backoff and
 * jitter); what still fails after them becomes an anomaly in {@link DdbErrors}.
 */
final class DdbClient {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  final DynamoDbAsyncClient sdk;
  private final EventLoopGroup loops;

  private DdbClient(DynamoDbAsyncClient sdk, EventLoopGroup loops) {
    this.sdk = sdk;
    this.loops = loops;
  }

  static Future<DdbClient> create(Vertx vertx, DdbStorageProvider.Target target) {
    return vertx.executeBlocking(() -> build(target));
  }

  /**
   * Closes the client and its I/O threads, blocking until they are gone. The threads are this
   * class's own, not the SDK's, because the SDK shuts its own down with a two-second quiet period.
   */
  void close() {
    sdk.close();
    loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }

  // the SDK recognises only the classic group classes (Netty 4.2 deprecates them)
  @SuppressWarnings("deprecation")
  private static DdbClient build(DdbStorageProvider.Target target) {
    // two threads are plenty for the I/O of one storage: replies hop to Vert.x at once
    EventLoopGroup loops = new io.netty.channel.nio.NioEventLoopGroup(2);
    AwsCredentialsProvider credentials;
    try {
      credentials = credentials(target);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 5, TimeUnit.SECONDS);
      throw e;
    }
    var builder =
        DynamoDbAsyncClient.builder()
            .region(Region.of(target.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .maxConcurrency(64)
                    .eventLoopGroup(SdkEventLoopGroup.create(loops)))
            .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT));
    if (target.endpoint() != null) {
      builder.endpointOverride(target.endpoint());
    }
    try {
      return new DdbClient(builder.build(), loops);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 5, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static AwsCredentialsProvider credentials(DdbStorageProvider.Target target) {
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    try {
      chain.resolveCredentials();
      return chain;
    } catch (SdkClientException e) {
      chain.close();
      if (target.endpoint() == null) {
        throw DdbErrors.noCredentials(target.shown());
      }
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
  }
}
