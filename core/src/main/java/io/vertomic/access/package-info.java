/**
 * Access-key secrets as stored: {@link io.vertomic.access.SecretHash}, the salted PBKDF2 hash the
 * peer server's keys file holds and the command-line tool writes (docs/security.md). Internal; JDK
 * only, may use nothing else of the project.
 */
package io.vertomic.access;
