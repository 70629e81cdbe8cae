package io.vertomic.storage.ddb;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.StorageErrors;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place AWS SDK errors become anomalies (API.md section 6), after the SDK's own retries: a
 * missing table is {@code unavailable} and names {@code scripts/ddb-schema}, throttling is {@code
 * busy}, refused or missing credentials are {@code forbidden}, an item over DynamoDB's size limit
 * is {@code incorrect}, a server that cannot be reached or fails is {@code unavailable}, anything
 * else is a {@code fault}.
 */
final class DdbErrors {
  static final String SCHEMA_SCRIPT = "scripts/ddb-schema";

  private static final Set<String> CREDENTIALS =
      Set.of(
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "IncompleteSignature",
          "MissingAuthenticationToken",
          "MissingAuthenticationTokenException",
          "InvalidClientTokenId",
          "ExpiredTokenException",
          "AccessDeniedException");

  private DdbErrors() {}

  /** {@code e}, failing operation {@code what} on storage {@code name}, as an anomaly. */
  static Anomaly translate(String name, String what, Throwable e) {
    Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (c instanceof Anomaly a) {
      return a;
    }
    if (c instanceof ResourceNotFoundException) {
      return Anomaly.unavailable(
          "Storage " + name + " has no such table: run " + SCHEMA_SCRIPT + " (" + what + ")", c);
    }
    if (c instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      if (s.isThrottlingException()) {
        return StorageErrors.busy(name, what, c);
      }
      if (code != null && CREDENTIALS.contains(code) || s.statusCode() == 403) {
        return Anomaly.forbidden(
            "storage/credentials-refused",
            "DynamoDB refused the credentials of storage " + name + " (" + what + "): " + code);
      }
      if ("ValidationException".equals(code)
          && s.getMessage() != null
          && s.getMessage().contains("size")) {
        return Anomaly.incorrect(
            "storage/item-too-large",
            "DynamoDB refused an item over its 400 KB limit in storage "
                + name
                + " ("
                + what
                + ")");
      }
      if (s.statusCode() >= 500) {
        return StorageErrors.unreachable(name, what, c);
      }
      return Anomaly.fault("DynamoDB failed " + what + " on " + name + ": " + c, c);
    }
    if (c instanceof SdkClientException
        && c.getMessage() != null
        && c.getMessage().contains("Unable to load credentials")) {
      return noCredentials(name);
    }
    if (c instanceof SdkClientException || c instanceof java.io.IOException) {
      return StorageErrors.unreachable(name, what, c);
    }
    return Anomaly.fault("DynamoDB failed " + what + " on " + name + ": " + c, c);
  }

  static Anomaly noCredentials(String name) {
    return Anomaly.forbidden(
        "storage/no-credentials",
        "The AWS default credentials chain found no credentials for storage "
            + name
            + " (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or a role)");
  }

  static Anomaly rootTooLarge(String name, String root, int size) {
    return Anomaly.incorrect(
        "storage/item-too-large",
        "Root "
            + root
            + " of "
            + size
            + " bytes is larger than one DynamoDB item can hold (400 KB) in storage "
            + name);
  }
}
