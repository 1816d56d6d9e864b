package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.PowerDesign;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.config.StudyLoader;
import org.scalesweep.jobs.stage.GridStage;
import org.scalesweep.jobs.stage.PowerStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep power CONF --out DIR --effects ...}: power of the sign test over a grid of designs. */
@Command(name = "power", mixinStandardHelpOptions = true,
    description = {"Probability of declaring the true sign of delta-beta at p < alpha, as a function of the true "
        + "delta-beta and the design (configurations per budget x budgets x items per subgroup x seed replicates), "
        + "for a treatment compared with a case study's baseline on one corpus; and the smallest design reaching "
        + "the target power.",
        "Writes power.parquet, power_designs.parquet and report/index.html."})
final class PowerCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONF", description = "Study preset (HOCON), kind relative-scaling.")
  Path conf;

  @Mixin
  SweepOptions sweep;

  @Option(names = "--effects", required = true, split = ",", paramLabel = "DB",
      description = "True delta-beta values (comma-separated; seed 003's change per 10x compute c is "
          + "delta-beta = log10(1 - c), e.g. +0.3%% -> -0.0013).")
  List<Double> effects;

  @Option(names = "--configs", split = ",", paramLabel = "K",
      description = "Configurations per budget (>= 3; >= 4 for the wild scheme; default: every one of the grid).")
  List<Integer> configs;

  @Option(names = "--budgets", split = ",", paramLabel = "N",
      description = "Budgets, spread over the study's (>= 2; default: all of them).")
  List<Integer> budgets;

  @Option(names = "--items", split = ",", paramLabel = "I",
      description = "Items per subgroup (default: the baseline's).")
  List<Integer> items;

  @Option(names = "--seeds", split = ",", paramLabel = "S",
      description = "Seed replicates per configuration (default: the study's replicates).")
  List<Integer> seeds;

  @Mixin
  ScopeOptions scope;

  @Option(names = "--target", defaultValue = "0.8", paramLabel = "P",
      description = "Power the smallest design must reach. Default: ${DEFAULT-VALUE}.")
  double target;

  @Option(names = "--extend", paramLabel = "FILE",
      description = "Add these runs to every design: a grid.parquet as `advise` writes it (run_id ending in "
          + "/seed-K: the configuration gets K + 1 seeds). Power of the advisor's extended design.")
  String extend;

  @Mixin
  StudyOptions opts;

  @Override
  public Integer call() {
    Study study = StudySession.load(conf, opts);
    if (study.isAlignment()) {
      throw new UsageException("power applies to relative-scaling studies; " + study.name() + " is "
          + study.kind().key());
    }
    if (study.ingested()) {
      throw new UsageException("power simulates from a study's configured truths; " + study.name() + " ingests real "
          + "runs (source = ingest): use advise, whose generating model is the suite's fitted laws");
    }
    String cs = scope.caseStudy(study);
    String co = scope.corpus(study);
    ResampleScheme sc = scope.scheme(study);
    int b = sweep.resamples(study.bootstrap().resamples());
    if (!(target > 0 && target < 1)) {
      throw new UsageException("--target " + target + " is out of range; allowed: (0, 1)");
    }
    for (double e : effects) {
      if (!(Math.abs(e) <= 1)) {
        throw new UsageException("--effects " + e + " is out of range; allowed: -1 to 1");
      }
    }
    List<PowerDesign> designs = designs(study, cs, sc);
    double[] fx = effects.stream().mapToDouble(Double::doubleValue).toArray();
    if (extend != null && !java.nio.file.Files.exists(Path.of(extend))) {
      throw new UsageException("--extend " + extend + " does not exist; allowed: a grid.parquet written by advise");
    }
    PowerStage.Options o = new PowerStage.Options(cs, co, sc, fx, designs, sweep.replicates, b, target,
        extend == null ? null : Path.of(extend).toAbsolutePath().toString());
    long t0 = System.nanoTime();
    StudySession.run(study, sweep.out, opts, List.of(new PowerStage(o)), true, sweep.overwrite, false);
    System.out.printf(Locale.ROOT, "Power of %s finished in %.1fs.%nReport: %s%n", study.name(),
        (System.nanoTime() - t0) / 1e9, Path.of(sweep.out, "report", "index.html").toAbsolutePath().toUri());
    return 0;
  }

  /** Every combination of the design options, each value checked against the study's grid. */
  private List<PowerDesign> designs(Study study, String cs, ResampleScheme sc) {
    List<ModelConfig> grid = GridStage.configs(study);
    int maxConfigs = study.budgets().stream().mapToInt(x -> IsoFlopGrid.configurations(x, study.rules()).size()).max()
        .orElse(0);
    int minConfigs = sc.flipsResiduals() ? 4 : 3;
    int baseItems = study.caseStudy(cs).subgroup(study.caseStudy(cs).baseline()).items();
    List<Integer> k = configs != null ? configs : List.of(maxConfigs);
    List<Integer> n = budgets != null ? budgets : List.of(study.budgets().size());
    List<Integer> it = items != null ? items : List.of(baseItems);
    List<Integer> s = seeds != null ? seeds : List.of(study.replicates());
    k.forEach(v -> CalibrateCommand.check("--configs", v, minConfigs, maxConfigs));
    n.forEach(v -> CalibrateCommand.check("--budgets", v, 2, study.budgets().size()));
    it.forEach(v -> CalibrateCommand.check("--items", v, 0, 10_000_000));
    s.forEach(v -> CalibrateCommand.check("--seeds", v, 1, 1000));
    if (sc.resamplesItems() && it.contains(0)) {
      throw new UsageException("--scheme " + sc.key() + " resamples items; --items must be > 0");
    }
    if (sc.flipsResiduals() && !StudyLoader.thinBudgets(study.budgets(), study.rules()).isEmpty()) {
      throw new UsageException("--scheme wild needs at least 4 configurations on every IsoFLOP curve; "
          + StudyLoader.thinBudgets(study.budgets(), study.rules()));
    }
    List<PowerDesign> out = new ArrayList<>();
    for (int a : k) {
      for (int bb : n) {
        for (int i : it) {
          for (int ss : s) {
            out.add(new PowerDesign(a, bb, i, ss));
          }
        }
      }
    }
    if (grid.isEmpty()) {
      throw new UsageException("grid.budgets " + study.budgets() + " yield no configuration");
    }
    return out;
  }
}
