package org.scalesweep.jobs.cluster;

import java.util.Arrays;

/**
 * Runs a Spark daemon's main class, and exits when a watched process ends: a cluster started by a
 * test stops with the test JVM even when that JVM is killed before it can stop the cluster.
 * Usage: {@code Daemon WATCH_PID MAIN_CLASS ARGS...} (WATCH_PID 0: no watch).
 */
public final class Daemon {
  private Daemon() {}

  public static void main(String[] args) throws Exception {
    long watch = Long.parseLong(args[0]);
    if (watch > 0) {
      ProcessHandle.of(watch).ifPresentOrElse(p -> p.onExit().thenRun(() -> {
        System.err.println("scalesweep: process " + watch + " that started this daemon has ended; exiting");
        System.exit(0); // shutdown hooks run: a worker kills its executors
      }), () -> System.exit(0));
    }
    Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 2,
        args.length));
  }
}
