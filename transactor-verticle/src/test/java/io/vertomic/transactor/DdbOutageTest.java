package io.vertomic.transactor;

import org.junit.jupiter.api.Tag;

/** dynalite stopped and started again under load; its script does both in a moment. */
@Tag("slow") // child JVMs
class DdbOutageTest extends StorageOutageContract {
  @Override
  protected String kind() {
    return "ddb";
  }

  @Override
  protected String service() {
    return "dynamodb";
  }
}
