package org.scalesweep.jobs;

import java.nio.file.Path;
import java.util.List;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.config.StudyLoader;

/** Presets of conf/ for tests. */
public final class TestStudies {
  private TestStudies() {}

  /** The repository's conf/ directory (tests run with jobs/ as working directory). */
  public static Path conf(String name) {
    Path p = Path.of("..", "conf", name);
    return p.toFile().exists() ? p : Path.of("conf", name);
  }

  public static Study load(String name, String... sets) {
    return StudyLoader.load(conf(name), List.of(sets));
  }
}
