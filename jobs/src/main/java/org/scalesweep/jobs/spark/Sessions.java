package org.scalesweep.jobs.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/** Creates the SparkSession of a command: embedded local[*] unless a master is given. */
public final class Sessions {
  /** The embedded default. */
  public static final String DEFAULT_MASTER = "local[*]";

  private Sessions() {}

  /**
   * A session for a study run.
   *
   * @param master Spark master URL, or null for the embedded default (or the one spark-submit set)
   * @param verbose keep Spark's INFO logging
   */
  public static SparkSession create(String appName, String master, boolean verbose) {
    quiet(verbose);
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    String submitted = System.getProperty("spark.master");
    if (master != null) {
      b.master(master);
    } else if (submitted == null) {
      b.master(DEFAULT_MASTER);
    }
    boolean local = master == null ? submitted == null || submitted.startsWith("local") : master.startsWith("local");
    b.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "zstd");
    if (System.getProperty("spark.sql.shuffle.partitions") == null) {
      // the pipeline's shuffles are small (one group per contrast or corpus): Spark's 200 default only adds tasks
      b.config("spark.sql.shuffle.partitions", "8");
    }
    if (local) {
      b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "ERROR");
    return spark;
  }

  /** Quiet logging: errors only from Spark and its libraries unless verbose (then INFO). */
  public static void quiet(boolean verbose) {
    Level level = verbose ? Level.INFO : Level.ERROR;
    Configurator.setRootLevel(level);
    for (String logger : new String[] {"org.apache.spark", "org.apache.hadoop", "org.apache.parquet", "io.netty",
        "org.sparkproject"}) {
      Configurator.setLevel(logger, level);
    }
    Configurator.setLevel("org.scalesweep", verbose ? Level.INFO : Level.WARN);
  }
}
