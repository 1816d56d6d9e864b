package org.scalesweep.jobs.cli;

/** A command-line problem the user can fix (exit code 2). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
