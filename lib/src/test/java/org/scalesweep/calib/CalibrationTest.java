package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.SimulatedSweep;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.relative.SimulatedCorpus;

class CalibrationTest {
  private static final double NOMINAL = 0.05;

  @Test
  void clopperPearsonMatchesClosedForms() {
    // k = 0: upper bound 1 − (α/2)^(1/n); k = n: lower bound (α/2)^(1/n)
    BinomialInterval zero = BinomialInterval.clopperPearson(0, 10, 0.95);
    assertThat(zero.low()).isZero();
    assertThat(zero.high()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-12));
    BinomialInterval all = BinomialInterval.clopperPearson(10, 10, 0.95);
    assertThat(all.low()).isCloseTo(Math.pow(0.025, 0.1), within(1e-12));
    assertThat(all.high()).isEqualTo(1);
    // 20 of 400: the textbook interval [0.0309, 0.0761]
    BinomialInterval mid = BinomialInterval.clopperPearson(20, 400, 0.95);
    assertThat(mid.low()).isCloseTo(0.0309, within(5e-4));
    assertThat(mid.high()).isCloseTo(0.0761, within(5e-4));
    assertThatThrownBy(() -> BinomialInterval.clopperPearson(5, 4, 0.95)).hasMessageContaining("5 of 4");
  }

  @Test
  void nullTruthZeroesEveryContrastAndKeepsTheRest() {
    CorpusTruth t = SmallStudy.truth(0);
    assertThat(ContrastTruths.deltaBeta(t, SmallStudy.CONTRASTS.get(0))).isCloseTo(-0.02, within(1e-15));
    CorpusTruth nulled = ContrastTruths.nulled(t, SmallStudy.CONTRASTS);
    for (var c : SmallStudy.CONTRASTS) {
      assertThat(ContrastTruths.deltaBeta(nulled, c)).isZero();
    }
    // losses of the baseline and the frontier are untouched
    assertThat(nulled.loss(1, 1e9, 2e10, 1e20)).isEqualTo(t.loss(1, 1e9, 2e10, 1e20));
    assertThat(ContrastTruths.deltaBeta(ContrastTruths.withDeltaBeta(t, SmallStudy.CONTRASTS.get(1), 0.004),
        SmallStudy.CONTRASTS.get(1))).isCloseTo(0.004, within(1e-15));
    assertThatThrownBy(() -> ContrastTruths.deltaBeta(t, new org.scalesweep.relative.Contrast("base", "overall")))
        .hasMessageContaining("absolute truth");
  }

  @Test
  void itemMatricesAverageToTheRunLosses() {
    Simulator sim = new Simulator(3, new NoiseModel(0.01, 0.003, 0.05, 0.5));
    CorpusTruth truth = SmallStudy.truth(40);
    SimulatedSweep sweep = SimulatedCorpus.sweep(sim, truth, SmallStudy.CONFIGS, 3, ClusterBy.ARCHITECTURE, "overall",
        true);
    CorpusRuns runs = SimulatedCorpus.runs(sim, truth, SmallStudy.CONFIGS, 3, ClusterBy.ARCHITECTURE, "overall");
    assertThat(sweep.runs().loss()).isDeepEqualTo(runs.loss());
    assertThat(sweep.items()).hasSize(3);
    double[] m = sweep.items().get(0).matrix();
    double[] base = runs.loss()[runs.subgroupIndex("base")];
    for (int r = 0; r < runs.runs(); r++) {
      double s = 0;
      for (int i = 0; i < 40; i++) {
        s += m[r * 40 + i];
      }
      assertThat(s / 40).isCloseTo(base[r], within(1e-12 * base[r]));
    }
  }

  @Test
  void aReplicateIsTheSameAloneAndInBlocks() {
    SweepCalibration cal = SmallStudy.itemLevel(SmallStudy.FLAGSHIP_NOISE, List.of(ResampleScheme.values()), 40);
    var gemm = BlockedGemmAccess.blocked();
    List<SimulatedSweep> data = cal.simulate(SweepCalibration.Truth.NULL, 5);
    List<SweepCalibration.Draws> whole = cal.resample(data, SweepCalibration.Truth.NULL, 5, 0, 40, gemm);
    List<SweepCalibration.Draws> head = cal.resample(cal.simulate(SweepCalibration.Truth.NULL, 5),
        SweepCalibration.Truth.NULL, 5, 0, 15, gemm);
    List<SweepCalibration.Draws> tail = cal.resample(data, SweepCalibration.Truth.NULL, 5, 15, 25, gemm);
    assertThat(whole).hasSize(ResampleScheme.values().length);
    for (int k = 0; k < whole.size(); k++) {
      for (int c = 0; c < 2; c++) {
        double[] w = whole.get(k).deltaBeta()[c];
        double[] joined = new double[40];
        System.arraycopy(head.get(k).deltaBeta()[c], 0, joined, 0, 15);
        System.arraycopy(tail.get(k).deltaBeta()[c], 0, joined, 15, 25);
        assertThat(joined).as(whole.get(k).scheme().key()).containsExactly(w);
      }
    }
    // another replicate is another sweep
    assertThat(cal.simulate(SweepCalibration.Truth.NULL, 6).get(0).runs().loss())
        .isNotEqualTo(data.get(0).runs().loss());
  }

  @Test
  void reducedNullFalsePositiveRatesOnTheSmallStudy() {
    Map<ResampleScheme, CalibrationSummary> s =
        nullRate(SmallStudy.runLevel(true, List.of(ResampleScheme.WILD, ResampleScheme.CLUSTER), 200), 100);
    BinomialInterval wild = s.get(ResampleScheme.WILD).rejections();
    BinomialInterval cluster = s.get(ResampleScheme.CLUSTER).rejections();
    System.out.printf("reduced null FPR (100 x 2 contrasts): wild %d/%d, cluster %d/%d%n", wild.successes(),
        wild.trials(), cluster.successes(), cluster.trials());
    // 99.9% exact intervals: the wild rate must hold 5%, the cluster rate must not lie above it
    assertThat(BinomialInterval.clopperPearson(wild.successes(), wild.trials(), 0.999).contains(NOMINAL)).isTrue();
    assertThat(BinomialInterval.clopperPearson(cluster.successes(), cluster.trials(), 0.999).low())
        .isLessThanOrEqualTo(NOMINAL);
  }

  @Test
  @Tag("slow")
  void onASmallStudyTheWildSchemeIsNominalAndTheRecommendedClusterSchemeNeverAntiConservative() {
    Map<ResampleScheme, CalibrationSummary> s =
        nullRate(SmallStudy.runLevel(true, List.of(ResampleScheme.WILD, ResampleScheme.CLUSTER), 200), 400);
    for (var e : s.entrySet()) {
      System.out.printf("7-budget run-level study null FPR %s: %d/%d = %.4f [%.4f, %.4f]%n", e.getKey().key(),
          e.getValue().rejections().successes(), e.getValue().replicates(), e.getValue().rejections().rate(),
          e.getValue().rejections().low(), e.getValue().rejections().high());
    }
    BinomialInterval wild = s.get(ResampleScheme.WILD).rejections();
    assertThat(BinomialInterval.clopperPearson(wild.successes(), wild.trials(), 0.99).contains(NOMINAL)).isTrue();
    // the cluster scheme resamples the fixed design: conservative
    BinomialInterval cluster = s.get(ResampleScheme.CLUSTER).rejections();
    assertThat(BinomialInterval.clopperPearson(cluster.successes(), cluster.trials(), 0.99).high()).isLessThan(NOMINAL);
  }

  @Test
  @Tag("slow")
  void itemResamplingIsAntiConservativeUnderRunNoiseAndNominalWithoutIt() {
    Map<ResampleScheme, CalibrationSummary> withRunNoise =
        nullRate(SmallStudy.itemLevel(SmallStudy.FLAGSHIP_NOISE, List.of(ResampleScheme.ITEMS), 200), 300);
    Map<ResampleScheme, CalibrationSummary> itemNoiseOnly =
        nullRate(SmallStudy.itemLevel(new NoiseModel(0, 0, 0.05, 0.5), List.of(ResampleScheme.ITEMS), 200), 300);
    CalibrationSummary a = withRunNoise.get(ResampleScheme.ITEMS);
    CalibrationSummary b = itemNoiseOnly.get(ResampleScheme.ITEMS);
    System.out.printf("items scheme null FPR with run noise %d/%d (SE ratio %.2f), item noise only %d/%d (SE ratio %.2f)%n",
        a.rejections().successes(), a.replicates(), a.standardErrorRatio(), b.rejections().successes(), b.replicates(),
        b.standardErrorRatio());
    // run noise the item scheme cannot see: too many false positives, too small standard errors
    assertThat(BinomialInterval.clopperPearson(a.rejections().successes(), a.replicates(), 0.99).low())
        .isGreaterThan(NOMINAL);
    assertThat(a.standardErrorRatio()).isLessThan(0.95);
    // item noise is all the item scheme has to see: nominal
    assertThat(BinomialInterval.clopperPearson(b.rejections().successes(), b.replicates(), 0.99).contains(NOMINAL))
        .isTrue();
  }

  /**
   * Reduced form (100 replicates) of {@link #theStudentizedSchemesAreNotYetNominalOnASmallStudy}: no gross
   * excess, the exact size of the discrete test inside the 99.9% exact interval of both rates.
   */
  @Test
  void reducedStudentizedSchemesSizeOnTheSmallStudy() {
    Map<ResampleScheme, BinomialInterval> s = studentizedNullRates(100);
    double exact = org.scalesweep.boot.SignTest.exactSize(200, 0.05);
    for (BinomialInterval r : s.values()) {
      assertThat(BinomialInterval.clopperPearson(r.successes(), r.trials(), 0.999).contains(exact)).isTrue();
    }
  }

  /**
   * What docs/CALIBRATION.md reports on the 7-budget run-level study (400 replicates x 2 contrasts):
   * wild-t and budget-t reject 8.0% and 7.9% of true nulls, against an exact size of 4.98% — closer than
   * the cluster scheme is from below, but not nominal. Pinned: both above the exact size and below 12%
   * (99% exact intervals), so a fix that makes them nominal must update this test and the docs.
   */
  @Test
  @Tag("slow")
  void theStudentizedSchemesAreNotYetNominalOnASmallStudy() {
    double exact = org.scalesweep.boot.SignTest.exactSize(200, 0.05);
    for (BinomialInterval r : studentizedNullRates(400).values()) {
      BinomialInterval ci = BinomialInterval.clopperPearson(r.successes(), r.trials(), 0.99);
      assertThat(ci.low()).isGreaterThan(exact);
      assertThat(ci.high()).isLessThan(0.12);
    }
  }

  private static Map<ResampleScheme, BinomialInterval> studentizedNullRates(int replicates) {
    Map<ResampleScheme, CalibrationSummary> s = nullRate(
        SmallStudy.runLevel(true, List.of(ResampleScheme.WILD_T, ResampleScheme.BUDGET_T), 200), replicates);
    Map<ResampleScheme, BinomialInterval> out = new java.util.EnumMap<>(ResampleScheme.class);
    s.forEach((k, v) -> {
      System.out.printf("%s null FPR on the 7-budget study: %d/%d%n", k.key(), v.rejections().successes(),
          v.rejections().trials());
      out.put(k, v.rejections());
    });
    return out;
  }

  /**
   * The default scheme (budget-wls) holds its size on the 7-budget run-level study: 400 replicates ×
   * 2 contrasts, the exact size of the discrete test (4.98% at B = 200) inside the 99% exact interval of
   * the null rate (docs/CALIBRATION.md: 45/800 = 5.6%), and the percentile interval's Δβ coverage
   * within 3.5 standard deviations of 95%. The contrasts of one replicate share a baseline, so the
   * binomial interval is a little too narrow; the 99% level leaves room for that.
   */
  @Test
  @Tag("slow")
  void theDefaultSchemeIsNominalOnASmallStudy() {
    assertNominal(400, 0.99);
  }

  /** Reduced form for local runs (100 replicates × 2 contrasts, 99.9% exact intervals). */
  @Test
  void reducedDefaultSchemeSizeOnTheSmallStudy() {
    assertNominal(100, 0.999);
  }

  private static void assertNominal(int replicates, double confidence) {
    ResampleScheme scheme = ResampleScheme.BUDGET_WLS;
    CalibrationSummary s = nullRate(SmallStudy.runLevel(true, List.of(scheme), 200), replicates).get(scheme);
    BinomialInterval r = s.rejections();
    BinomialInterval cover = s.coverage().get(IntervalMethod.PERCENTILE);
    System.out.printf("%s null FPR on the 7-budget study: %d/%d, coverage %d/%d, SE ratio %.2f%n", scheme.key(),
        r.successes(), r.trials(), cover.successes(), cover.trials(), s.standardErrorRatio());
    double exact = org.scalesweep.boot.SignTest.exactSize(200, 0.05);
    assertThat(BinomialInterval.clopperPearson(r.successes(), r.trials(), confidence).contains(exact)).isTrue();
    // coverage: 3.5 binomial standard deviations, √2 wider because the two contrasts share a replicate
    double tolerance = 3.5 * Math.sqrt(2 * 0.95 * 0.05 / cover.trials());
    assertThat(cover.rate()).isCloseTo(0.95, within(tolerance));
  }

  /** Null replicates pooled over the study's contrasts, per scheme. */
  private static Map<ResampleScheme, CalibrationSummary> nullRate(SweepCalibration cal, int replicates) {
    Map<SweepCalibration.Cell, List<ReplicateOutcome>> cells =
        cal.run(SweepCalibration.Truth.NULL, replicates, BlockedGemmAccess.blocked());
    Map<ResampleScheme, List<ReplicateOutcome>> pooled = new java.util.EnumMap<>(ResampleScheme.class);
    cells.forEach((cell, list) -> pooled.computeIfAbsent(cell.scheme(), k -> new java.util.ArrayList<>()).addAll(list));
    Map<ResampleScheme, CalibrationSummary> out = new java.util.EnumMap<>(ResampleScheme.class);
    pooled.forEach((k, v) -> out.put(k, CalibrationSummary.of(v, 0.95)));
    return out;
  }
}
