package org.scalesweep.jobs.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Console progress of long stages: "[bootstrap] 12/40 tasks (30%), ETA 8s", at most once a second
 * per stage, and a line when a stage of more than a few tasks ends. Written to stderr so stdout
 * stays clean for tables.
 */
public final class Progress extends SparkListener {
  private final PrintStream out;
  private final ConcurrentHashMap<Integer, StageState> stages = new ConcurrentHashMap<>();
  private volatile String label = "spark";

  private static final class StageState {
    final int total;
    final long start = System.nanoTime();
    final AtomicInteger done = new AtomicInteger();
    volatile long lastPrint;

    StageState(int total) {
      this.total = total;
    }
  }

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** The pipeline stage name printed before Spark's progress. */
  public void label(String stage) {
    this.label = stage;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    stages.put(e.stageInfo().stageId(), new StageState(e.stageInfo().numTasks()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    StageState s = stages.get(e.stageId());
    if (s == null || !e.taskInfo().successful()) {
      return;
    }
    int done = s.done.incrementAndGet();
    long now = System.nanoTime();
    // only stages that last: first line after 2 s, then at most one a second
    if (s.total >= 8 && now - s.start > 2_000_000_000L && now - s.lastPrint > 1_000_000_000L && done < s.total) {
      s.lastPrint = now;
      double elapsed = (now - s.start) / 1e9;
      double eta = elapsed / done * (s.total - done);
      out.printf(Locale.ROOT, "[%s] %d/%d tasks (%d%%), ETA %.0fs%n", label, done, s.total, 100 * done / s.total, eta);
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    stages.remove(e.stageInfo().stageId());
  }
}
