package org.scalesweep.jobs.spark;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Console progress of long stages (see {@link ProgressLine}): a line when tasks finish, at most one
 * every {@link #EVERY_NANOS}, once a Spark stage has run a few seconds; and, between task ends, a
 * line on executor heartbeats (every 10 s by Spark's default) when nothing was printed for
 * {@link #QUIET_NANOS}, so a stage waiting on one long task does not look hung. Written to stderr
 * so stdout stays clean for tables.
 */
public final class Progress extends SparkListener {
  static final long START_NANOS = 3_000_000_000L;
  static final long EVERY_NANOS = 5_000_000_000L;
  static final long QUIET_NANOS = 15_000_000_000L;

  private final PrintStream out;
  private final ConcurrentHashMap<Integer, StageState> stages = new ConcurrentHashMap<>();
  private volatile String label = "spark";
  private volatile String what = "";
  private volatile int slots = 1;

  private static final class StageState {
    final int total;
    final String stage;
    final String what;
    final long start = System.nanoTime();
    final ConcurrentHashMap<Long, Long> running = new ConcurrentHashMap<>();
    int done;
    double taskSeconds;
    long lastPrint;

    StageState(int total, String stage, String what) {
      this.total = total;
      this.stage = stage;
      this.what = what;
      this.lastPrint = start;
    }

    synchronized String line(long now, int slots) {
      double oldest = 0;
      long wall = System.currentTimeMillis();
      for (long launched : running.values()) {
        oldest = Math.max(oldest, (wall - launched) / 1e3);
      }
      lastPrint = now;
      return ProgressLine.format(stage, what, done, total, (now - start) / 1e9, done > 0 ? taskSeconds / done
          : Double.NaN, running.size(), oldest, slots);
    }
  }

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** The pipeline stage and what its next Spark jobs do, printed before Spark's progress. */
  public void label(String stage, String description) {
    this.label = stage;
    this.what = description == null ? "" : description;
  }

  /** Tasks that can run at once (for the ETA). */
  public void slots(int n) {
    this.slots = Math.max(1, n);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    stages.put(e.stageInfo().stageId(), new StageState(e.stageInfo().numTasks(), label, what));
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    StageState s = stages.get(e.stageId());
    if (s != null) {
      s.running.put(e.taskInfo().taskId(), e.taskInfo().launchTime());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    StageState s = stages.get(e.stageId());
    if (s == null) {
      return;
    }
    s.running.remove(e.taskInfo().taskId());
    if (!e.taskInfo().successful()) {
      return;
    }
    long now = System.nanoTime();
    String line = null;
    synchronized (s) {
      s.done++;
      s.taskSeconds += e.taskInfo().duration() / 1e3;
      if (s.done < s.total && now - s.start > START_NANOS && now - s.lastPrint > EVERY_NANOS) {
        line = s.line(now, slots);
      }
    }
    if (line != null) {
      out.println(line);
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
    long now = System.nanoTime();
    for (StageState s : stages.values()) {
      String line = null;
      synchronized (s) {
        if (now - s.lastPrint > QUIET_NANOS && s.done < s.total) {
          line = s.line(now, slots);
        }
      }
      if (line != null) {
        out.println(line);
      }
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    stages.remove(e.stageInfo().stageId());
  }
}
