package io.vertomic.cli;

/**
 * Bad usage of the tool, found before anything was changed: the message is printed on one line and
 * the tool exits with {@link Exit#USAGE}. No stack trace (an expected failure).
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
