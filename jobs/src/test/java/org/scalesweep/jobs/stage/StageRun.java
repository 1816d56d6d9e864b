package org.scalesweep.jobs.stage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.cli.StudySession;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Pipeline;
import org.scalesweep.jobs.pipeline.Stage;

/** Runs stages of a study on the shared local session and returns what they wrote to stderr. */
final class StageRun {
  private StageRun() {}

  static String log(Study study, Path out, List<Stage> stages, boolean resume) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      Pipeline.execute(study, SparkTestSession.get(), out.toString(), stages, resume);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
