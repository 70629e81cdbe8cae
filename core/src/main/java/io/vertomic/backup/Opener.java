package io.vertomic.backup;

import io.vertomic.storage.StorageSettings;
import io.vertx.core.Vertx;

/** What a backup command opens storages with: its Vert.x and the process's storage settings. */
record Opener(Vertx vertx, StorageSettings settings) {}
