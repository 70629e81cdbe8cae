/**
 * The in-process storage backend ({@code vertomic:mem}). Internal.
 *
 * <p>May use: {@code io.vertomic.storage}, api, Vert.x core.
 */
package io.vertomic.storage.mem;
