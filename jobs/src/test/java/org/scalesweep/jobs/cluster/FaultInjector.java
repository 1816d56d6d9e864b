package org.scalesweep.jobs.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A driver-side listener (installed with {@code spark.extraListeners}) that injects a fault once a
 * chosen stage is partly done, handing the action the executors busy with that stage's tasks, and
 * records what Spark did about it. State is static: Spark instantiates the listener itself.
 */
public final class FaultInjector extends SparkListener {
  private static volatile int stageTasks;
  private static volatile int afterTasks;
  private static volatile BiConsumer<String, List<String>> action;
  private static volatile int watchedStage;
  private static volatile long stageStart;
  private static volatile String appId;
  private static final AtomicInteger done = new AtomicInteger();
  private static final AtomicBoolean fired = new AtomicBoolean();
  private static final Map<String, Integer> running = new ConcurrentHashMap<>();
  static final AtomicInteger failedTasks = new AtomicInteger();
  static final AtomicInteger executorsRemoved = new AtomicInteger();
  static final List<String> events = Collections.synchronizedList(new ArrayList<>());

  /**
   * Arms the injector for the next application.
   *
   * @param tasks the stage to watch is the first with this many tasks
   * @param after act once this many of its tasks have succeeded
   * @param act receives the application id and the ids of executors running a task of that stage
   */
  static void arm(int tasks, int after, BiConsumer<String, List<String>> act) {
    stageTasks = tasks;
    afterTasks = after;
    action = act;
    watchedStage = -1;
    appId = null;
    done.set(0);
    fired.set(false);
    running.clear();
    failedTasks.set(0);
    executorsRemoved.set(0);
    events.clear();
  }

  static boolean fired() {
    return fired.get();
  }

  static String seconds() {
    return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - stageStart) / 1e9);
  }

  @Override
  public void onApplicationStart(SparkListenerApplicationStart e) {
    appId = e.appId().getOrElse(() -> "");
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    if (watchedStage < 0 && e.stageInfo().numTasks() == stageTasks) {
      watchedStage = e.stageInfo().stageId();
      stageStart = System.nanoTime();
      events.add("stage " + watchedStage + " submitted with " + stageTasks + " tasks");
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    if (e.stageId() == watchedStage) {
      running.merge(e.taskInfo().executorId(), 1, Integer::sum);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    if (e.stageId() != watchedStage) {
      return;
    }
    running.merge(e.taskInfo().executorId(), -1, Integer::sum);
    if (!e.taskInfo().successful()) {
      failedTasks.incrementAndGet();
      events.add(seconds() + ": task " + e.taskInfo().index() + " failed on executor " + e.taskInfo().executorId()
          + ": " + e.reason().toString().lines().findFirst().orElse(""));
      return;
    }
    if (done.incrementAndGet() == afterTasks && fired.compareAndSet(false, true)) {
      List<String> busy = running.entrySet().stream().filter(x -> x.getValue() > 0).map(Map.Entry::getKey).sorted()
          .toList();
      events.add(seconds() + ": " + afterTasks + " of " + stageTasks + " tasks done; executors busy: " + busy);
      action.accept(appId, busy);
    }
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
    executorsRemoved.incrementAndGet();
    events.add(seconds() + ": executor " + e.executorId() + " removed: " + e.reason().lines().findFirst().orElse(""));
  }
}
