/**
 * The storage SPI: {@link io.vertomic.storage.Storage} (segments, roots, log; bytes and keys only,
 * all {@code Future}), {@link io.vertomic.storage.StorageProvider} found by URI kind, {@link
 * io.vertomic.storage.StorageUri}. Exported for backend modules.
 *
 * <p>May use: api, Vert.x core. Nothing else of core.
 */
package io.vertomic.storage;
