package org.scalesweep.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.Stages;

/**
 * The quick study run once per test JVM on the shared local session: the reference output that
 * several test classes read or copy (a full run costs tens of seconds, so it is not repeated).
 */
public final class QuickRun {
  private static Path dir;
  private static Study study;

  private QuickRun() {}

  /** The study of the reference run (conf/quick.conf, no overrides). */
  public static synchronized Study study() {
    if (study == null) {
      study = TestStudies.load("quick.conf");
    }
    return study;
  }

  /** Output directory of the reference run; do not modify it (copy it with {@link #copyTo}). */
  public static synchronized Path dir() {
    if (dir == null) {
      try {
        Path root = Files.createTempDirectory("scalesweep-quick");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path out = root.resolve("quick");
        Pipeline.execute(study(), SparkTestSession.get(), out.toString(), Stages.simulated(), false);
        dir = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** A private copy of the reference output at {@code target} (which must not exist). */
  public static Path copyTo(Path target) {
    Path src = dir();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, target.resolve(src.relativize(p).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Deletes a directory tree, best effort. */
  public static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }
}
