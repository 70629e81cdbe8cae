/**
 * The demo {@code ./scripts/dev} runs until the peer server arrives. May use: {@code
 * io.vertomic.peer}, {@code io.vertomic.datom}, the api module (public API only).
 */
package io.vertomic.demo;
