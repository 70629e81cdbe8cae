/**
 * The servers' logging: SLF4J through logback, configured by {@link
 * io.vertomic.logging.LogConfigurator} from the environment, one {@link
 * io.vertomic.logging.LineLayout} line per event with {@link io.vertomic.logging.Secrets} masked.
 * Libraries (core, the storages) log through the SLF4J API only; the transactor and the peer server
 * depend on this module; an application embedding the peer library brings its own backend.
 */
package io.vertomic.logging;
