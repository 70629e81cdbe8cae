/**
 * Public API: {@link io.vertomic.anomaly.Anomaly}, the one failure type, and its {@link
 * io.vertomic.anomaly.Category}. May use: {@code io.vertomic.edn} and the JDK.
 */
package io.vertomic.anomaly;
