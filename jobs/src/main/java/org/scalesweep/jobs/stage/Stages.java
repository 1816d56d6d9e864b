package org.scalesweep.jobs.stage;

import java.util.List;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;

/** The stages of a study's run, by kind of study and by command-line name. */
public final class Stages {
  private Stages() {}

  /** Every stage of a full run of a study, in order: ingested studies read their runs instead of simulating them. */
  public static List<Stage> all(Study study) {
    return study.ingested() ? List.of(new IngestStage(), new FitStage(), new BootstrapStage(), new ReportStage())
        : simulated();
  }

  /** Every stage of a simulated study, grid to report. */
  public static List<Stage> simulated() {
    return List.of(new GridStage(), new SimulateStage(), new FitStage(), new BootstrapStage(), new ReportStage());
  }

  /** The stage of a command-line name. */
  public static Stage stage(String name) {
    return List.of(new GridStage(), new SimulateStage(), new IngestStage(), new FitStage(), new BootstrapStage(),
        new ReportStage()).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "'; allowed: grid, simulate, fit, "
            + "bootstrap, report"));
  }
}
