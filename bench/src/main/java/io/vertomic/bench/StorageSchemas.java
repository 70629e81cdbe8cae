package io.vertomic.bench;

import io.vertomic.storage.cass.CassSchema;
import io.vertomic.storage.ddb.DdbSchema;

/**
 * Creates the table a bench storage needs when it is missing, as {@code scripts/cass-schema} and
 * {@code scripts/ddb-schema} do (sql's tables come with {@code scripts/services/postgres}; dev
 * needs none).
 */
final class StorageSchemas {
  private StorageSchemas() {}

  static void install(String system) throws Exception {
    if (system.startsWith("vertomic:cass://")) {
      // vertomic:cass://HOST:PORT/KEYSPACE.TABLE/NAME
      String[] parts = system.substring("vertomic:cass://".length()).split("/");
      CassSchema.main(new String[] {parts[0], parts[1]});
    } else if (system.startsWith("vertomic:ddb://")) {
      DdbSchema.main(new String[] {system});
    }
  }
}
