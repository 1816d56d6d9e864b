package org.scalesweep.jobs.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.scalesweep.jobs.cluster.ClusterDir;
import org.scalesweep.jobs.cluster.ClusterException;

/**
 * The spark.* settings a driver needs to join a standalone cluster, above all its shared secret:
 * read from a properties file (never from the command line, where {@code ps} would show it):
 * {@code -Dscalesweep.spark.properties} or {@code $SCALESWEEP_SPARK_PROPERTIES}, else the local
 * cluster's {@code cluster.properties} ({@code $SCALESWEEP_CLUSTER_DIR}, or {@code .cluster/} of the
 * installation).
 */
public final class ClusterAuth {
  public static final String PROPERTY = "scalesweep.spark.properties";
  public static final String ENV = "SCALESWEEP_SPARK_PROPERTIES";

  private ClusterAuth() {}

  /** The file to read, if one is named or the local cluster's exists. */
  public static Optional<Path> file() {
    String named = System.getProperty(PROPERTY, System.getenv(ENV));
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isReadable(p)) {
        throw new ClusterException("Spark properties file '" + p + "' (" + PROPERTY + " / " + ENV
            + ") does not exist or is not readable");
      }
      return Optional.of(p);
    }
    String clusterDir = System.getProperty("scalesweep.cluster.dir");
    ClusterDir dir = clusterDir != null ? new ClusterDir(Path.of(clusterDir))
        : ClusterDir.defaultFor(Path.of(System.getProperty("scalesweep.home", ".")));
    return Optional.of(dir.properties()).filter(Files::isReadable);
  }

  /** Every spark.* setting of the file (the secret included: keep it out of logs). */
  public static Map<String, String> settings() {
    Map<String, String> out = new TreeMap<>();
    Optional<Path> f = file();
    if (f.isEmpty()) {
      return out;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f.get(), StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ClusterException("cannot read Spark properties file '" + f.get() + "': " + e.getMessage());
    }
    p.stringPropertyNames().stream().filter(k -> k.startsWith("spark.")).forEach(k -> out.put(k, p.getProperty(k).strip()));
    return out;
  }
}
