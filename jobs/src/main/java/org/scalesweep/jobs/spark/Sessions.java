package org.scalesweep.jobs.spark;

import java.net.URISyntaxException;
import java.net.URL;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/** Creates the SparkSession of a command: embedded local[*] unless a master is given. */
public final class Sessions {
  /** The embedded default. */
  public static final String DEFAULT_MASTER = "local[*]";

  /**
   * The Spark key of Hadoop's {@code file:} implementation: {@link ForklessLocalFileSystem} unless
   * the user sets it (its directories are created without forking {@code chmod}).
   */
  public static final String FILE_SYSTEM_KEY = "spark.hadoop." + ForklessLocalFileSystem.HADOOP_KEY;

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
    String effective = effectiveMaster(master);
    b.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "zstd");
    if (System.getProperty("spark.sql.shuffle.partitions") == null) {
      // the pipeline's shuffles are small (one group per contrast or corpus): Spark's 200 default only adds tasks
      b.config("spark.sql.shuffle.partitions", "8");
    }
    if (System.getProperty(FILE_SYSTEM_KEY) == null) {
      b.config(FILE_SYSTEM_KEY, ForklessLocalFileSystem.class.getName());
    }
    if (effective.startsWith("local")) {
      b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
    } else if (effective.startsWith("spark://")) {
      standalone(b, effective);
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "ERROR");
    return spark;
  }

  /** The master a session gets: the given one, else the one spark-submit set, else the embedded default. */
  public static String effectiveMaster(String master) {
    String submitted = System.getProperty("spark.master");
    return master != null ? master : submitted != null ? submitted : DEFAULT_MASTER;
  }

  /**
   * Joining a standalone cluster: its secret (unless spark-submit already set one), the application
   * jar for the executors (unless spark-submit set spark.jars), and loopback addresses when the
   * master is on this machine.
   */
  private static void standalone(SparkSession.Builder b, String master) {
    if (System.getProperty("spark.authenticate.secret") == null) {
      ClusterAuth.settings().forEach((k, v) -> {
        if (System.getProperty(k) == null) {
          b.config(k, v);
        }
      });
    }
    if (System.getProperty("spark.jars") == null) {
      b.config("spark.jars", AppJar.locate().toString());
    }
    String host = master.substring("spark://".length()).split("[:,/]")[0];
    if ((host.equals("127.0.0.1") || host.equals("localhost")) && System.getProperty("spark.driver.host") == null) {
      b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
    }
  }

  /** Quiet logging: errors only from Spark and its libraries unless verbose (then INFO). */
  public static void quiet(boolean verbose) {
    // the same layout whoever started the JVM (bin/scalesweep, spark-submit with Spark's defaults, tests)
    URL conf = Sessions.class.getResource(verbose ? "/log4j2-verbose.properties" : "/log4j2.properties");
    if (conf != null) {
      try {
        Configurator.reconfigure(conf.toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    Level level = verbose ? Level.INFO : Level.ERROR;
    Configurator.setRootLevel(level);
    for (String logger : new String[] {"org.apache.spark", "org.apache.hadoop", "org.apache.parquet", "io.netty",
        "org.sparkproject"}) {
      Configurator.setLevel(logger, level);
    }
    Configurator.setLevel("org.scalesweep", verbose ? Level.INFO : Level.WARN);
  }
}
