package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.config.StudyLoader;
import org.scalesweep.jobs.stage.CalibrateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep calibrate CONF --out DIR}: false-positive rate, power and coverage by simulation. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Simulate R replicate sweeps of a study under the null truth (every delta-beta = 0) and under its "
        + "own truths, fit and bootstrap each, and report the sign test's false-positive rate at alpha with its "
        + "exact binomial interval, power and interval coverage, per bootstrap scheme. For seed 000's study "
        + "(kind alignment-pretraining): coverage of the law parameters' intervals.",
        "Writes calibration_summary.parquet, calibration_replicates.parquet and report/index.html."})
final class CalibrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONF", description = "Study preset (HOCON).")
  Path conf;

  @Mixin
  SweepOptions sweep;

  @Option(names = "--scheme", split = ",", paramLabel = "cluster|items|two-way|wild|wild-t|budget-t|budget-wls",
      description = "Bootstrap schemes to compare (comma-separated; default: every scheme the study supports).")
  List<String> schemes;

  @Option(names = "--blocks", defaultValue = "1", paramLabel = "K",
      description = "Split each replicate's resamples into K units of work (more parallelism for few replicates). "
          + "Default: ${DEFAULT-VALUE}.")
  int blocks;

  @Option(names = "--case-study", split = ",", paramLabel = "NAME",
      description = "Calibrate only these case studies (comma-separated; default: all).")
  List<String> caseStudies = new ArrayList<>();

  @Mixin
  StudyOptions opts;

  @Override
  public Integer call() {
    Study study = StudySession.load(conf, opts);
    int b = sweep.resamples(study.bootstrap().resamples());
    check("--blocks", blocks, 1, b);
    for (String cs : caseStudies) {
      if (study.caseStudies().stream().noneMatch(c -> c.name().equals(cs))) {
        throw new UsageException("--case-study '" + cs + "' is not in " + study.name() + "; allowed: "
            + study.caseStudies().stream().map(Study.CaseStudy::name).toList());
      }
    }
    CalibrateStage.Options o = new CalibrateStage.Options(sweep.replicates, schemes(study), b, blocks, caseStudies);
    long t0 = System.nanoTime();
    StudySession.run(study, sweep.out, opts, List.of(new CalibrateStage(o)), true, sweep.overwrite, false);
    System.out.printf(Locale.ROOT, "Calibration of %s finished in %.1fs.%nReport: %s%n", study.name(),
        (System.nanoTime() - t0) / 1e9, Path.of(sweep.out, "report", "index.html").toAbsolutePath().toUri());
    return 0;
  }

  private List<ResampleScheme> schemes(Study study) {
    if (study.isAlignment()) {
      if (schemes != null) {
        throw new UsageException("--scheme does not apply to study kind alignment-pretraining (it resamples run "
            + "replicates, as its bootstrap stage does)");
      }
      return List.of();
    }
    boolean items = study.hasItems();
    boolean wildOk = StudyLoader.thinBudgets(study.budgets(), study.rules()).isEmpty();
    List<ResampleScheme> out = new ArrayList<>();
    if (schemes == null) {
      for (ResampleScheme s : ResampleScheme.values()) {
        if ((!s.resamplesItems() || items) && (!s.flipsResiduals() || wildOk)) {
          out.add(s);
        }
      }
      return out;
    }
    for (String name : schemes) {
      ResampleScheme s;
      try {
        s = ResampleScheme.parse(name);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--scheme: " + e.getMessage());
      }
      if (s.resamplesItems() && !items) {
        throw new UsageException("--scheme " + s.key() + " resamples items, but no subgroup of " + study.name()
            + " has items > 0; allowed here: cluster" + (wildOk ? ", wild" : ""));
      }
      if (s.flipsResiduals() && !wildOk) {
        throw new UsageException("--scheme wild needs at least 4 configurations on every IsoFLOP curve; "
            + StudyLoader.thinBudgets(study.budgets(), study.rules()));
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  static void check(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new UsageException(option + " " + value + " is out of range; allowed: " + min + " to " + max);
    }
  }
}
