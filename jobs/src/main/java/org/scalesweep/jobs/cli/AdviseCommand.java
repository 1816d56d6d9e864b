package org.scalesweep.jobs.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalesweep.advice.Objective;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.stage.AdviseStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalesweep advise CONF --out DIR --budget-flops X}: where the next training FLOPs should go. */
@Command(name = "advise", mixinStandardHelpOptions = true,
    description = {"Rank candidate additions to a study's design (more seeds on a budget, configurations nearer or "
        + "farther from a budget's optimum, a new budget below or above the range, more items) by the expected gain "
        + "per training FLOP for the contrasts of interest, scored by simulated replicate sweeps (the study's truth "
        + "or --effect as the generating model, its bootstrap scheme as the test); plan greedily within "
        + "--budget-flops; compare with the uniform extensions (more seeds everywhere, more configurations per "
        + "budget).",
        "On an ingested suite (source = ingest) the generating model is the suite's fitted joint laws with the noise "
        + "estimated from its data, the effects are the contrasts' current estimates (or --effect), and runs off "
        + "their IsoFLOP curve and budgets whose optimum is not bracketed are flagged (advice_flags.parquet) and "
        + "answered by rerun / extend candidates.",
        "Writes advice.parquet, advice_plan.parquet, grid.parquet (the runs to add) and report/index.html."})
final class AdviseCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONF", description = "Study preset (HOCON), kind relative-scaling.")
  Path conf;

  @Mixin
  SweepOptions sweep;

  @Option(names = "--budget-flops", required = true, paramLabel = "X",
      description = "Most training FLOPs (6ND, every seed) the plan may add, e.g. 1e22.")
  double budgetFlops;

  @Option(names = "--contrasts", split = ",", paramLabel = "NAME",
      description = "Treatments of the case study whose contrast with its baseline matters (default: every one).")
  List<String> contrasts;

  @Option(names = "--effect", paramLabel = "DB",
      description = "Stated true delta-beta for every contrast of interest (default: each contrast's configured "
          + "truth; on an ingested suite its current estimate); e.g. 0.3%% per 10x is log10(1 - 0.003) = -0.0013.")
  Double effect;

  @Option(names = "--target-power", defaultValue = "0.8", paramLabel = "P",
      description = "Power every contrast of interest should reach. Default: ${DEFAULT-VALUE}.")
  double targetPower;

  @Option(names = "--objective", defaultValue = "power", paramLabel = "power|width|allocation",
      description = "power: gain is the power gained up to the target, the plan stops there; width: gain is the "
          + "reduction of the delta-beta interval width, the plan spends the budget; allocation: gain is the reduction "
          + "of the interval widths of the overall law's allocation exponents a and b (N* ~ F^a, D* ~ F^b, Approach 2 "
          + "on every replicate sweep), the plan spends the budget. Default: ${DEFAULT-VALUE}.")
  String objective;

  @Mixin
  ScopeOptions scope;

  @Option(names = "--max-seeds", defaultValue = "20", paramLabel = "S",
      description = "Most seed replicates per configuration a candidate may reach. Default: ${DEFAULT-VALUE}.")
  int maxSeeds;

  @Option(names = "--max-items", paramLabel = "I",
      description = "Most items per subgroup (default: the baseline's own, so no item candidates: a benchmark "
          + "usually has no more items to add).")
  Integer maxItems;

  @Mixin
  StudyOptions opts;

  @Override
  public Integer call() {
    Study study = StudySession.load(conf, opts);
    if (study.isAlignment() || study.isDesigned()) {
      throw new UsageException("advise applies to relative-scaling studies; " + study.name() + " is "
          + study.kind().key());
    }
    String cs = scope.caseStudy(study);
    String co = scope.corpus(study);
    Study.CaseStudy c = study.caseStudy(cs);
    List<String> treatments = c.contrasts().stream().map(x -> x.treatment()).toList();
    List<String> chosen = contrasts != null ? contrasts : treatments;
    for (String t : chosen) {
      if (!treatments.contains(t)) {
        throw new UsageException("--contrasts '" + t + "' is not a treatment of " + cs + "; allowed: " + treatments);
      }
    }
    ResampleScheme sc = scope.scheme(study);
    Objective obj;
    try {
      obj = Objective.parse(objective);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--objective: " + e.getMessage());
    }
    if (!(targetPower > 0 && targetPower < 1)) {
      throw new UsageException("--target-power " + targetPower + " is out of range; allowed: (0, 1)");
    }
    if (!(budgetFlops >= 0) || Double.isInfinite(budgetFlops)) {
      throw new UsageException("--budget-flops " + budgetFlops + " is out of range; allowed: a finite value >= 0");
    }
    if (effect != null && !(Math.abs(effect) <= 1)) {
      throw new UsageException("--effect " + effect + " is out of range; allowed: -1 to 1");
    }
    int items = c.subgroup(c.baseline()).items();
    int mi = maxItems != null ? maxItems : items;
    CalibrateCommand.check("--max-items", mi, 0, 10_000_000);
    CalibrateCommand.check("--max-seeds", maxSeeds, 1, 1000);
    int b = sweep.resamples(study.bootstrap().resamples());
    AdviseStage.Options o = new AdviseStage.Options(cs, co, sc, chosen, effect, budgetFlops, targetPower, obj,
        sweep.replicates, b, maxSeeds, mi);
    long t0 = System.nanoTime();
    // an ingested suite is read first (runs.parquet); its fitted laws and noise become the generating model
    List<org.scalesweep.jobs.pipeline.Stage> stages = study.ingested()
        ? List.of(new org.scalesweep.jobs.stage.IngestStage(), new AdviseStage(o)) : List.of(new AdviseStage(o));
    StudySession.run(study, sweep.out, opts, stages, true, sweep.overwrite, false);
    System.out.printf(Locale.ROOT, "Advice for %s finished in %.1fs.%nReport: %s%n", study.name(),
        (System.nanoTime() - t0) / 1e9, Path.of(sweep.out, "report", "index.html").toAbsolutePath().toUri());
    return 0;
  }
}
