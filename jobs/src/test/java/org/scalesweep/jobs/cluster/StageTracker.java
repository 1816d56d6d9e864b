package org.scalesweep.jobs.cluster;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * A driver-side listener (installed with {@code spark.extraListeners}) that remembers which pipeline
 * stage (the Spark job group ScaleSweep sets per stage) last started a job, so that a fault test can
 * say in which stage each of its kills landed. State is static: Spark instantiates the listener itself.
 */
public final class StageTracker extends SparkListener {
  static final String NONE = "(no job yet)";
  private static volatile String current = NONE;
  private static volatile String appId = "";

  static void reset() {
    current = NONE;
    appId = "";
  }

  /** The application id of the driver, once it started. */
  static String appId() {
    return appId;
  }

  @Override
  public void onApplicationStart(SparkListenerApplicationStart e) {
    appId = e.appId().getOrElse(() -> "");
  }

  static String current() {
    return current;
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    String group = e.properties() == null ? null : e.properties().getProperty("spark.jobGroup.id");
    if (group != null) {
      current = group;
    }
  }
}
