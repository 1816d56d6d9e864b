package org.scalesweep.jobs.runs;

import org.scalesweep.boot.Keyed;
import org.scalesweep.jobs.ingest.RunRecord;
import org.scalesweep.sim.Keys;

/** What one bootstrap weight covers in fit-runs and backtest. */
public enum ResampleUnit implements Keyed {
  /** One run (run_id) with all its seed replicates. */
  RUN("run"),
  /** One seed replicate of a run (the command-line default, see FitOptions). */
  REPLICATE("replicate"),
  /** One architecture across budgets: width and depth, or the parameter count when they are not given. */
  ARCHITECTURE("architecture");

  private final String key;

  ResampleUnit(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  public static ResampleUnit parse(String s) {
    return Keyed.parse(ResampleUnit.class, s, "--unit");
  }

  /** The unit key of a row (stable: built from names and values, never from row order). */
  public long of(RunRecord r) {
    long run = Keys.name(r.corpus() + "/" + r.runId());
    return switch (this) {
      case RUN -> run;
      case REPLICATE -> Keys.of(run, r.seed());
      case ARCHITECTURE -> r.width() != null && r.depth() != null ? Keys.of(1, r.width(), r.depth())
          : Keys.of(2, Keys.value(r.params()));
    };
  }
}
