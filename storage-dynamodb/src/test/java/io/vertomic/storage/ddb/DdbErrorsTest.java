package io.vertomic.storage.ddb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * What DynamoDB answers that dynalite cannot be made to (throttling, refused credentials), as the
 * SDK reports it, becomes the anomaly API.md section 6 names.
 */
@Tag("slow") // dynalite
class DdbErrorsTest {
  private static final String STORAGE = "ddb us-east-1/t";

  @Test
  void throttlingAfterTheSdksRetriesIsBusy() {
    Anomaly a =
        DdbErrors.translate(
            STORAGE,
            "put seg/x",
            new CompletionException(
                ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(error("ProvisionedThroughputExceededException"))
                    .message("Rate of requests exceeds the allowed throughput")
                    .build()));
    assertEquals(Category.BUSY, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains(STORAGE) && a.getMessage().contains("put seg/x"));
  }

  @Test
  void refusedCredentialsAreForbidden() {
    Anomaly a =
        DdbErrors.translate(
            STORAGE,
            "open",
            DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(error("UnrecognizedClientException"))
                .message("The security token included in the request is invalid.")
                .build());
    assertEquals(Category.FORBIDDEN, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains(STORAGE), a.getMessage());
  }

  @Test
  void noCredentialsAtAllAreForbidden() {
    Anomaly a =
        DdbErrors.translate(
            STORAGE,
            "open",
            SdkClientException.create("Unable to load credentials from any of the providers"));
    assertEquals(Category.FORBIDDEN, a.category(), a.getMessage());
  }

  @Test
  void anItemOverTheSizeLimitIsIncorrect() {
    Anomaly a =
        DdbErrors.translate(
            STORAGE,
            "cas db/x",
            DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(error("ValidationException"))
                .message("Item size has exceeded the maximum allowed size")
                .build());
    assertEquals(Category.INCORRECT, a.category(), a.getMessage());
    assertTrue(a.getMessage().contains("cas db/x"), a.getMessage());
  }

  @Test
  void aServerErrorIsUnavailable() {
    Anomaly a =
        DdbErrors.translate(
            STORAGE,
            "get seg/x",
            DynamoDbException.builder()
                .statusCode(500)
                .awsErrorDetails(error("InternalServerError"))
                .build());
    assertEquals(Category.UNAVAILABLE, a.category(), a.getMessage());
  }

  private static AwsErrorDetails error(String code) {
    return AwsErrorDetails.builder().errorCode(code).serviceName("DynamoDB").build();
  }
}
