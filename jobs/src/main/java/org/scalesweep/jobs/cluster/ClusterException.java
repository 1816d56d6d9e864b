package org.scalesweep.jobs.cluster;

/**
 * A Spark cluster did not do what a run needs (no master, no executor, a secret it refuses, every
 * executor lost): exit code 1 with a message that says what to check.
 */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
