package org.scalesweep.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.TestStudies;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.stage.Stages;

/**
 * A fresh quick run shared by the dashboard, browser and notebook tests (run once per test JVM):
 * conf/quick.conf plus a second corpus and a second case study, so that the dashboard has a corpus
 * and a study to switch to. Kept in jobs/target/dashboard-study for inspection after the build.
 */
final class ReportFixture {
  /** The overrides on top of quick.conf. */
  static final String[] SETS = {
      "corpora.web.E=1.9", "corpora.web.A=406", "corpora.web.alpha=0.34", "corpora.web.B=620", "corpora.web.beta=0.34",
      "case-studies.pair.description=\"A second case study\"", "case-studies.pair.baseline=left",
      "case-studies.pair.subgroups.left.gamma=0.9", "case-studies.pair.subgroups.right.gamma=1.2",
      "case-studies.pair.subgroups.right.delta-beta=0.015"};

  private static Path dir;
  private static Study study;

  private ReportFixture() {}

  /** The run's output directory (its report is under report/). */
  static synchronized Path run() {
    if (dir == null) {
      Path out = Path.of("target", "dashboard-study").toAbsolutePath();
      delete(out);
      study = TestStudies.load("quick.conf", SETS);
      Pipeline.execute(study, SparkTestSession.get(), out.toString(), Stages.all(study), false);
      dir = out;
    }
    return dir;
  }

  static synchronized Study study() {
    run();
    return study;
  }

  private static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
