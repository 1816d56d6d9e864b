package org.scalesweep.jobs.spark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts a session's Spark jobs and tasks and sums the tasks' time, for the stage profile
 * (SCALESWEEP_PROFILE=1): task time is launch to finish, run time the part spent in the task's own
 * code; what a stage's wall clock has beyond them is driver work (planning, code generation,
 * scheduling, commits). Spark's listener bus is asynchronous, so a reading may miss the last events.
 */
public final class JobCounter extends SparkListener {
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong taskMs = new AtomicLong();
  private final AtomicLong runMs = new AtomicLong();
  private long[] last = new long[4];

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasks.incrementAndGet();
    if (taskEnd.taskInfo() != null) {
      taskMs.addAndGet(taskEnd.taskInfo().duration());
    }
    if (taskEnd.taskMetrics() != null) {
      runMs.addAndGet(taskEnd.taskMetrics().executorRunTime());
    }
  }

  /** The counts since the previous call, as one line. */
  public synchronized String sinceLast() {
    long[] now = {jobs.get(), tasks.get(), taskMs.get(), runMs.get()};
    String s = String.format(Locale.ROOT, "%d Spark jobs, %d tasks, task time %.2f s (of which in task code %.2f s)",
        now[0] - last[0], now[1] - last[1], (now[2] - last[2]) / 1e3, (now[3] - last[3]) / 1e3);
    last = now;
    return s;
  }
}
