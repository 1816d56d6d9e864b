package org.scalesweep.jobs.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalesweep.jobs.cluster.ClusterException;

/**
 * The shaded application jar ({@code scalesweep-jobs-VERSION-app.jar}: ScaleSweep, lib and their
 * own dependencies, not Spark) that executors of a cluster load the pipeline's code from: named by
 * {@code -Dscalesweep.app.jar} or {@code $SCALESWEEP_APP_JAR}, else found next to the running code
 * (jobs/target/ for the thin jar and for target/classes).
 */
public final class AppJar {
  private AppJar() {}

  public static Path locate() {
    String named = System.getProperty("scalesweep.app.jar", System.getenv("SCALESWEEP_APP_JAR"));
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isRegularFile(p)) {
        throw new ClusterException("application jar '" + p + "' (scalesweep.app.jar / SCALESWEEP_APP_JAR) does not exist");
      }
      return p;
    }
    Optional<Path> found = besideCode();
    return found.orElseThrow(() -> new ClusterException("cannot find the application jar "
        + "(jobs/target/scalesweep-jobs-*-app.jar) that executors load ScaleSweep from; build it with "
        + "'mvn -B package -DskipTests' or name it with SCALESWEEP_APP_JAR"));
  }

  private static Optional<Path> besideCode() {
    try {
      Path code = Path.of(AppJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = code.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        return Optional.empty();
      }
      try (Stream<Path> files = Files.list(dir)) {
        // the newest, should an older version's jar linger in target/
        return files.filter(p -> p.getFileName().toString().matches("scalesweep-jobs-.*-app\\.jar"))
            .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
      }
    } catch (URISyntaxException | IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
