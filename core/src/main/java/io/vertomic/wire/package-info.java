/**
 * Everything that crosses a process or storage boundary as bytes: MessagePack codecs for values,
 * datoms and log entries, and the {@link io.vertomic.wire.Frame} envelope (format version,
 * checksum, Zstandard compression). Internal.
 *
 * <p>May use: {@code datom}, api, MessagePack, zstd.
 */
package io.vertomic.wire;
