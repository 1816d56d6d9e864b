package org.scalesweep.jobs.spark;

import java.util.Locale;

/**
 * The text of one progress line: "[fit] Approach 3 joint law per subgroup: 6/8 tasks (75%), 40s
 * elapsed, ETA ~15s". The ETA says "~" because tasks differ in cost; when the remaining tasks have
 * already run longer than finished ones took on average, it says so instead of promising a time.
 */
public final class ProgressLine {
  private ProgressLine() {}

  /**
   * @param stage pipeline stage (grid, simulate, ...)
   * @param what what the stage's current Spark job does
   * @param done finished tasks
   * @param total tasks of the Spark stage
   * @param elapsed seconds since the Spark stage started
   * @param meanTask mean seconds of the finished tasks (NaN when none finished)
   * @param running tasks running now
   * @param oldestRunning seconds the longest-running task has run (0 when none)
   * @param slots tasks that can run at once (cores)
   */
  public static String format(String stage, String what, int done, int total, double elapsed, double meanTask,
      int running, double oldestRunning, int slots) {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(stage).append("] ");
    if (what != null && !what.isBlank()) {
      sb.append(what).append(": ");
    }
    sb.append(String.format(Locale.ROOT, "%d/%d tasks (%d%%), %s elapsed", done, total, total == 0 ? 100
        : 100 * done / total, duration(elapsed)));
    int left = total - done;
    if (left <= 0) {
      return sb.toString();
    }
    if (!Double.isFinite(meanTask) || done == 0) {
      if (running > 0) {
        sb.append(String.format(Locale.ROOT, ", %d running", running));
      }
      return sb.toString();
    }
    int queued = Math.max(0, left - running);
    if (queued == 0 && running > 0 && oldestRunning > meanTask) {
      sb.append(String.format(Locale.ROOT, ", %d task%s still running (%s; finished ones took %s on average)", running,
          running == 1 ? "" : "s", duration(oldestRunning), duration(meanTask)));
      return sb.toString();
    }
    // waves of queued tasks over the slots, plus what the running ones still need on average
    double eta = Math.ceil((double) queued / Math.max(1, slots)) * meanTask
        + (running > 0 ? Math.max(0, meanTask - oldestRunning / 2) : 0);
    sb.append(", ETA ~").append(duration(eta));
    return sb.toString();
  }

  /** 7s, 1m05s, 2h03m. */
  public static String duration(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
