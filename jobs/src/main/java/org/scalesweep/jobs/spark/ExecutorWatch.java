package org.scalesweep.jobs.spark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.cluster.ClusterException;

/**
 * Guards a run on a cluster against waiting forever. Spark itself never fails a job for lack of
 * executors: a driver the master does not let in (wrong secret, no free worker) waits and retries,
 * and a run whose workers all died waits for new ones. This waits for the first executor with a
 * timeout, then cancels the run's jobs if every executor is gone for that long.
 */
public final class ExecutorWatch implements AutoCloseable {
  private final SparkContext sc;
  private final Duration timeout;
  private final Thread thread;
  private volatile String lost;

  private ExecutorWatch(SparkContext sc, Duration timeout, boolean watch) {
    this.sc = sc;
    this.timeout = timeout;
    this.thread = watch ? new Thread(this::watch, "scalesweep-executor-watch") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Creates the session and, on a cluster, waits until it gives the driver an executor, then
   * watches. Spark's own registration blocks session creation for a minute and more when the master
   * refuses the driver, so creation runs on a helper thread bounded by the same timeout.
   *
   * @param master the master the session will use ({@link Sessions#effectiveMaster})
   * @throws ClusterException when no executor arrives within the timeout
   */
  public static Connected connect(String master, Supplier<SparkSession> create, Duration timeout) {
    if (master.startsWith("local")) {
      SparkSession spark = create.get();
      return new Connected(spark, new ExecutorWatch(spark.sparkContext(), timeout, false));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<SparkSession> created = CompletableFuture.supplyAsync(create, runnable -> {
      Thread t = new Thread(runnable, "scalesweep-connect");
      t.setDaemon(true);
      t.start();
    });
    SparkSession spark;
    try {
      spark = created.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // a late session is stopped rather than leaked into the rest of the JVM
      created.thenAccept(SparkSession::stop);
      throw refused(master, timeout);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new ClusterException(e.getCause().toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while connecting to " + master);
    }
    SparkContext sc = spark.sparkContext();
    while (executors(sc) == 0) {
      if (sc.isStopped() || System.nanoTime() > deadline) {
        spark.stop();
        throw refused(master, timeout);
      }
      if (!sleep(250)) {
        spark.stop();
        throw new ClusterException("interrupted while waiting for an executor of " + master);
      }
    }
    return new Connected(spark, new ExecutorWatch(sc, timeout, true));
  }

  /**
   * A session and its watch.
   *
   * @param spark the session
   * @param watch its watch (close it before stopping the session)
   */
  public record Connected(SparkSession spark, ExecutorWatch watch) {}

  private static ClusterException refused(String master, Duration timeout) {
    return new ClusterException("the Spark master " + master + " gave this driver no executor within "
        + timeout.toSeconds() + " s. Check that the cluster runs (bin/local-cluster status), that this driver has "
        + "the cluster's secret (" + ClusterAuth.file().map(p -> "read from " + p).orElse("none found: set "
        + ClusterAuth.ENV + " or SCALESWEEP_CLUSTER_DIR") + "), and that a worker has a free core and "
        + "spark.executor.memory (1g by default) free; raise --connect-timeout if the cluster is only slow.");
  }

  /** Executors registered with the driver (the status tracker lists the driver too). */
  static int executors(SparkContext sc) {
    return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
  }

  private void watch() {
    long lastSeen = System.nanoTime();
    while (!Thread.currentThread().isInterrupted() && !sc.isStopped()) {
      if (executors(sc) > 0) {
        lastSeen = System.nanoTime();
      } else if (System.nanoTime() - lastSeen > timeout.toNanos()) {
        lost = "every executor of " + sc.master() + " was lost (workers gone?) and none came back within "
            + timeout.toSeconds() + " s";
        sc.cancelAllJobs();
        return;
      }
      if (!sleep(1000)) {
        return;
      }
    }
  }

  /** What to report for a failure during the run: the cluster's story when it was lost. */
  public RuntimeException explain(Exception failure) {
    String why = lost;
    if (why != null) {
      return new ClusterException(why + "; no partial output was written and the outputs of finished stages are "
          + "kept: restart the cluster and rerun with --resume", failure);
    }
    return failure instanceof RuntimeException re ? re : new IllegalStateException(failure.getMessage(), failure);
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
