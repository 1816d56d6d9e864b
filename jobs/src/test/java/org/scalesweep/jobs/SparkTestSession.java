package org.scalesweep.jobs;

import org.apache.spark.sql.SparkSession;
import org.scalesweep.jobs.spark.ForklessLocalFileSystem;
import org.scalesweep.jobs.spark.Sessions;

/**
 * The shared local[2] session of the Spark tests (UI off, 2 shuffle partitions). Tests that need
 * another master stop it and get it back lazily afterwards.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session = local("local[2]", 2);
    }
    return session;
  }

  /** A session on another master; stops the shared one first (one SparkContext per JVM). */
  public static synchronized SparkSession local(String master, int shufflePartitions) {
    if (session != null && !session.sparkContext().isStopped()) {
      session.stop();
    }
    Sessions.quiet(false);
    session = SparkSession.builder().master(master).appName("scalesweep-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config(Sessions.FILE_SYSTEM_KEY, ForklessLocalFileSystem.class.getName())
        .getOrCreate();
    session.sparkContext().setLogLevel("ERROR");
    return session;
  }
}
