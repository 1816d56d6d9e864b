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
import org.scalesweep.jobs.stage.UnpairedCalibrateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep calibrate CONF --out DIR}: false-positive rate, power and coverage by simulation. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Simulate R replicate sweeps of a study under the null truth (every delta-beta = 0) and under its "
        + "own truths, fit and bootstrap each, and report the sign test's false-positive rate at alpha with its "
        + "exact binomial interval, power and interval coverage, per bootstrap scheme. For seed 000's study "
        + "(kind alignment-pretraining): coverage of the law parameters' intervals. With --unpaired: the unpaired "
        + "test between separately trained sweeps, on equal and on different grids.",
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

  @Option(names = "--unpaired", description = "Calibrate the unpaired delta-beta test instead (one subgroup between "
      + "separately trained sweeps): R replicate pairs of sweeps per case study under a null truth (both sweeps share "
      + "the truth) and an effect truth (every subgroup's delta-beta = --effect on the treatment sweep), each on equal "
      + "grids and on different grids; writes calibration_unpaired.parquet.")
  boolean unpaired;

  @Option(names = "--effect", defaultValue = "0.01", paramLabel = "DB",
      description = "With --unpaired: the delta-beta of the effect truth (power). Default: ${DEFAULT-VALUE}.")
  double effect;

  @Option(names = "--corpus", paramLabel = "NAME",
      description = "With --unpaired: the corpus whose truth both sweeps are simulated from (default: the first).")
  String corpus;

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
    org.scalesweep.jobs.pipeline.Stage stage;
    if (unpaired) {
      if (study.isDesigned() || study.corpora().isEmpty()) {
        throw new UsageException("--unpaired needs a simulated relative-scaling study with corpora; " + study.name()
            + " is not one");
      }
      if (corpus != null && study.corpora().stream().noneMatch(c -> c.name().equals(corpus))) {
        throw new UsageException("--corpus '" + corpus + "' is not in " + study.name() + "; allowed: "
            + study.corpora().stream().map(Study.Corpus::name).toList());
      }
      if (!(effect > -1 && effect < 1) || effect == 0) {
        throw new UsageException("--effect " + effect + " is out of range; allowed: non-zero in (-1, 1)");
      }
      stage = new UnpairedCalibrateStage(new UnpairedCalibrateStage.Options(sweep.replicates, caseStudies, corpus,
          effect));
    } else {
      if (!study.isAlignment() && study.caseStudies().stream().allMatch(c -> c.contrasts().isEmpty())) {
        throw new UsageException(study.name() + " has no paired contrasts (every case study has contrast = "
            + "unpaired); calibrate its unpaired test with --unpaired");
      }
      stage = new CalibrateStage(new CalibrateStage.Options(sweep.replicates, schemes(study), b, blocks,
          caseStudies));
    }
    long t0 = System.nanoTime();
    StudySession.run(study, sweep.out, opts, List.of(stage), true, sweep.overwrite, false);
    System.out.printf(Locale.ROOT, "Calibration of %s finished in %.1fs.%n%s%n", study.name(),
        (System.nanoTime() - t0) / 1e9, unpaired ? "Table: " + Path.of(sweep.out, "calibration_unpaired.parquet")
            .toAbsolutePath() : "Report: " + Path.of(sweep.out, "report", "index.html").toAbsolutePath().toUri());
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
