package org.scalesweep.jobs.stage;

/**
 * An input table is malformed (a missing column, a wrong type, a null or impossible value): the
 * message names the file, the column, a row and what is allowed. Exit code 2, like a bad config.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
