/**
 * Internal: the pull API ({@link io.vertomic.pull.Pull}). Plain Java. May use: {@code
 * io.vertomic.db}, {@code io.vertomic.schema}, {@code io.vertomic.datom}, the api module.
 */
package io.vertomic.pull;
