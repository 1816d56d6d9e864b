package org.scalesweep.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.RelativeScaling;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * An ingested suite's flags, noise and "rerun / extend" candidates on a suite simulated from the
 * published Chinchilla law with known noise, one planted mis-tuned run and one budget trained short
 * of its optimum.
 */
class SuiteFlagsTest {
  static final JointLaw CHINCHILLA = new JointLaw(1.69, 406.4, 0.34, 410.7, 0.28);
  static final double SIGMA_RUN = 0.003;
  static final double SIGMA_SUB = 0.001;
  static final int SEEDS = 3;
  /** Forward budgets; the last is trained only at N* / 32 to N* / 8 (short of its optimum). */
  static final double[] BUDGETS = {1e18, 3e18, 1e19, 3e19, 1e20};
  static final String PLANTED = "b2-k1";
  static final double RAISED = 1.03;

  /** N minimizing the law at training compute 6ND = 3·budget. */
  static double optimum(double budget) {
    double best = Double.NaN;
    double lo = Double.POSITIVE_INFINITY;
    for (double ln = Math.log(1e6); ln < Math.log(1e12); ln += 0.001) {
      double n = Math.exp(ln);
      double l = CHINCHILLA.at(n, budget / (2 * n));
      if (l < lo) {
        lo = l;
        best = n;
      }
    }
    return best;
  }

  record Suite(List<TrainedConfig> configs, CorpusRuns runs) {}

  static Suite suite() {
    List<TrainedConfig> configs = new ArrayList<>();
    List<double[]> rows = new ArrayList<>(); // budget, N, D, mean overall loss, mean baseline loss
    for (int j = 0; j < BUDGETS.length; j++) {
      double b = BUDGETS[j];
      double nStar = optimum(b);
      Set<Integer> taken = new HashSet<>();
      int[] ks = j == BUDGETS.length - 1 ? new int[] {-5, -4, -3} : new int[] {-2, -1, 0, 1, 2};
      for (int k : ks) {
        String id = "b" + j + "-k" + (k + 2);
        long n = Math.round(nStar * Math.pow(2, k));
        long d = Math.round(b / (2.0 * n));
        double[] o = new double[SEEDS];
        double[] base = new double[SEEDS];
        double so = 0;
        double sb = 0;
        for (int s = 0; s < SEEDS; s++) {
          double run = SIGMA_RUN * KeyedRandom.gaussian(Keys.of(7, Keys.name(id), s));
          double law = Math.log(CHINCHILLA.at(n, d)) + (id.equals(PLANTED) ? Math.log(RAISED) : 0);
          o[s] = law + run + SIGMA_SUB * KeyedRandom.gaussian(Keys.of(8, Keys.name(id), s));
          base[s] = Math.log(1.04) + law + run + SIGMA_SUB * KeyedRandom.gaussian(Keys.of(9, Keys.name(id), s));
          so += Math.exp(o[s]) / SEEDS;
          sb += Math.exp(base[s]) / SEEDS;
        }
        TrainedConfig c = TrainedConfig.asTrained(id, b, n, d, null, null, GridRules.suite(), taken, o, base);
        taken.add(c.config().width());
        configs.add(c);
        rows.add(new double[] {b, n, d, so, sb});
      }
    }
    int m = rows.size();
    double[][] loss = new double[2][m];
    long[] cluster = new long[m];
    for (int i = 0; i < m; i++) {
      loss[0][i] = rows.get(i)[3];
      loss[1][i] = rows.get(i)[4];
      cluster[i] = i;
    }
    CorpusRuns runs = new CorpusRuns("test", rows.stream().mapToDouble(r -> r[0]).toArray(),
        rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray(), cluster,
        List.of("overall", "web"), "overall", loss);
    return new Suite(configs, runs);
  }

  /** Approach 3 on every seed row, as the fit stage fits it. */
  static JointLaw fit(List<TrainedConfig> configs, boolean baseline) {
    List<double[]> pts = new ArrayList<>();
    for (TrainedConfig c : configs) {
      for (int s = 0; s < c.seeds(); s++) {
        pts.add(new double[] {c.config().params(), c.config().tokens(),
            Math.exp(baseline ? c.baseline()[s] : c.overall()[s])});
      }
    }
    return JointLawFitter.defaults().fit(pts.stream().mapToDouble(p -> p[0]).toArray(),
        pts.stream().mapToDouble(p -> p[1]).toArray(), pts.stream().mapToDouble(p -> p[2]).toArray(), null).law();
  }

  static IngestedSuite ingested() {
    Suite s = suite();
    return IngestedSuite.of(s.configs(), fit(s.configs(), false), fit(s.configs(), true),
        new RelativeScaling(s.runs(), List.of()).frontier());
  }

  @Test
  void thePlantedRunAndTheShortBudgetAreFlaggedAndNothingElse() {
    IngestedSuite suite = ingested();
    assertThat(suite.flags()).extracting(SuiteFlag::kind).containsExactly(FlagKind.OFF_CURVE, FlagKind.OPTIMUM_OUTSIDE);
    SuiteFlag run = suite.flags().get(0);
    assertThat(run.runId()).isEqualTo(PLANTED);
    // the residual is the planted 3% (ln 1.03 = 0.0296), up to the seed mean's noise: sd of a 3-seed mean
    // ≈ √(σ_run² + σ_sub²)/√3 = 0.0018, so 4 sd = 0.0073
    assertThat(run.value()).isCloseTo(Math.log(RAISED), within(0.0073));
    // the threshold comes from the noise: z = 3.52 (23 configurations) × σ̂, σ̂² = (robust residual scale)² + seed
    // noise of a 3-seed mean (0.0018²), so between 0.0018·z and about 2.5 times that
    assertThat(SuiteFlags.offCurveSigmas(23)).isCloseTo(3.52, within(0.01));
    assertThat(run.threshold()).isBetween(3.52 * 0.0018 * 0.8, 3.52 * 0.0018 * 2.5);
    SuiteFlag budget = suite.flags().get(1);
    assertThat(budget.budget()).isEqualTo(1e20);
    assertThat(budget.side()).isEqualTo(SuiteFlag.ABOVE);
    assertThat(budget.value()).isGreaterThan(Math.log10(budget.sampledHigh()));
  }

  @Test
  void noiseFromSeedReplicatesRecoversTheSimulatedScales() {
    NoiseEstimate n = ingested().noise();
    assertThat(n.source()).isEqualTo(NoiseEstimate.Source.SEED_REPLICATES);
    // 22 clean configurations x (3 - 1) = 44 df: sd of a sigma estimate ≈ sigma / √(2·44) ≈ 0.107 sigma; 4 sd
    assertThat(n.df()).isEqualTo(44);
    assertThat(n.sigmaRun()).isCloseTo(SIGMA_RUN, within(0.43 * SIGMA_RUN));
    assertThat(n.sigmaRunSubgroup()).isCloseTo(SIGMA_SUB, within(0.43 * SIGMA_SUB));
  }

  @Test
  void noiseFromResidualsWithOneSeed() {
    Suite s = suite();
    List<TrainedConfig> one = s.configs().stream().map(c -> new TrainedConfig(c.runId(), c.config(), c.architecture(),
        new double[] {c.overall()[0]}, new double[] {c.baseline()[0]})).toList();
    NoiseEstimate n = NoiseEstimate.of(one.stream().filter(c -> !c.runId().equals(PLANTED)).toList(),
        fit(one, false), fit(one, true));
    assertThat(n.source()).isEqualTo(NoiseEstimate.Source.FIT_RESIDUALS);
    // residuals of single runs: σ_total = √(σ_run² + σ_sub²) = 0.00316 for the overall; a robust scale from 22
    // residuals has sd ≈ 1.17·σ/√(2·22) ≈ 0.18σ (plus the fit's own df); 4 sd
    double total = Math.hypot(n.sigmaRun(), n.sigmaRunSubgroup());
    assertThat(total).isCloseTo(Math.hypot(SIGMA_RUN, SIGMA_SUB), within(0.7 * Math.hypot(SIGMA_RUN, SIGMA_SUB)));
  }

  @Test
  void rerunAndExtendCandidatesAddTheFlaggedRunAndConfigurationsBeyondTheRange() {
    IngestedSuite suite = ingested();
    AdviceDesign base = suite.base();
    TrainedConfig planted = suite.config(PLANTED);
    // the base leaves the off-curve run out; its rung keeps the others with their 3 seeds
    assertThat(base.rung(planted.config().budget()).has(planted.config().width())).isFalse();
    assertThat(base.rung(planted.config().budget()).seeds()).isEqualTo(SEEDS);
    List<Candidate> fixes = suite.candidates(GridRules.suite(), 2);
    assertThat(fixes).extracting(Candidate::kind).containsExactly(CandidateKind.RERUN, CandidateKind.EXTEND);
    AdviceDesign rerun = fixes.get(0).applyTo(base);
    assertThat(rerun.runs() - base.runs()).isEqualTo(SEEDS);
    assertThat(rerun.trainingFlops() - base.trainingFlops()).isCloseTo(SEEDS * planted.config().sixND(),
        within(1e-6 * base.trainingFlops()));
    Candidate extend = fixes.get(1);
    SuiteFlag flag = suite.flags().get(1);
    assertThat(extend.configs()).hasSize(2).allSatisfy(c -> assertThat(c.params()).isGreaterThan(
        (long) flag.sampledHigh()));
    // valid grid rows: the added runs are the rules' configurations or the suite's own
    AdviceDesign both = extend.applyTo(rerun);
    assertThat(PlanGrid.problems(both, GridRules.suite(), suite.trained())).isEmpty();
    assertThat(PlanGrid.problems(both, GridRules.suite())).isNotEmpty();
    // once applied, a fix is no longer offered: it would add nothing
    Candidates gen = new Candidates(GridRules.suite(), 20, 0, 2, fixes);
    assertThat(gen.of(both, c -> CHINCHILLA.at(c.params(), c.tokens()))).noneMatch(c -> c.kind() == CandidateKind.RERUN
        || c.kind() == CandidateKind.EXTEND);
    assertThat(gen.of(base, c -> CHINCHILLA.at(c.params(), c.tokens()))).filteredOn(c -> c.kind()
        == CandidateKind.RERUN).hasSize(1);
  }

  @Test
  void aCleanSuiteHasNoFlags() {
    Suite s = suite();
    List<TrainedConfig> clean = new ArrayList<>();
    for (TrainedConfig c : s.configs()) {
      if (c.runId().equals(PLANTED)) {
        double[] o = c.overall().clone();
        double[] b = c.baseline().clone();
        for (int k = 0; k < o.length; k++) {
          o[k] -= Math.log(RAISED);
          b[k] -= Math.log(RAISED);
        }
        clean.add(new TrainedConfig(c.runId(), c.config(), c.architecture(), o, b));
      } else if (c.config().budget() != BUDGETS[BUDGETS.length - 1]) {
        clean.add(c);
      }
    }
    List<ModelConfig> kept = clean.stream().map(TrainedConfig::config).toList();
    int m = kept.size();
    double[][] loss = new double[2][m];
    for (int i = 0; i < m; i++) {
      loss[0][i] = clean.get(i).meanLoss();
      loss[1][i] = Math.exp(clean.get(i).baseline()[0]);
    }
    CorpusRuns runs = new CorpusRuns("test", kept.stream().mapToDouble(ModelConfig::budget).toArray(),
        kept.stream().mapToDouble(ModelConfig::params).toArray(), kept.stream().mapToDouble(ModelConfig::tokens)
        .toArray(), java.util.stream.LongStream.range(0, m).toArray(), List.of("overall", "web"), "overall", loss);
    IngestedSuite suite = IngestedSuite.of(clean, fit(clean, false), fit(clean, true),
        new RelativeScaling(runs, List.of()).frontier());
    assertThat(suite.flags()).isEmpty();
  }
}
