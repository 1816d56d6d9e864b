package org.scalesweep.calib;

import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.Contrast;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * Small studies for calibration tests: one corpus, a baseline, a planted effect and a null
 * treatment, on conf/quick.conf's 3 budgets or the suite's 7, with run-level noise or the
 * flagship's item-level noise.
 */
final class SmallStudy {
  static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);
  static final List<Double> BUDGETS = List.of(1e18, 6e18, 3e19);
  static final List<ModelConfig> CONFIGS = IsoFlopGrid.configurations(BUDGETS, GridRules.suite());
  static final List<Contrast> CONTRASTS = List.of(new Contrast("base", "faster"), new Contrast("base", "parallel"));

  private SmallStudy() {}

  /** overall, base, faster (Δβ −0.02), parallel (Δβ 0); {@code items} per subgroup (0: run level). */
  static CorpusTruth truth(int items) {
    return new CorpusTruth("dclm", List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(OVERALL), 0, null),
        new Subgroup("base", new SubgroupTruth.Relative("overall", 1.05, 0, 1e18), items, null),
        new Subgroup("faster", new SubgroupTruth.Relative("overall", 1.05 * 1.25, -0.02, 1e18), items, null),
        new Subgroup("parallel", new SubgroupTruth.Relative("overall", 1.05 * 1.15, 0, 1e18), items, null)));
  }

  /** quick.conf's noise (σ_run 0.01, σ_run,subgroup 0.004, run level), 2 seeds, on its 3 budgets or the suite's 7. */
  static SweepCalibration runLevel(boolean suite, List<ResampleScheme> schemes, int resamples) {
    SweepDesign d = new SweepDesign(suite ? IsoFlopGrid.suite() : CONFIGS, 2, new NoiseModel(0.01, 0.004, 0, 0),
        ClusterBy.ARCHITECTURE, WeightKind.POISSON, resamples, 0.95, 0.05);
    return new SweepCalibration(7, List.of(new SweepScope("demo", "dclm", truth(0), CONTRASTS, "overall")), d, schemes,
        64);
  }

  /** The flagship's noise: σ_run 0.01, σ_run,subgroup 0.003, σ_item 0.05, τ 0.5. */
  static final NoiseModel FLAGSHIP_NOISE = new NoiseModel(0.01, 0.003, 0.05, 0.5);

  /** 200 items per subgroup and 2 seeds on the 7-budget suite grid. */
  static SweepCalibration itemLevel(NoiseModel noise, List<ResampleScheme> schemes, int resamples) {
    SweepDesign d = new SweepDesign(IsoFlopGrid.suite(), 2, noise, ClusterBy.ARCHITECTURE, WeightKind.POISSON,
        resamples, 0.95, 0.05);
    return new SweepCalibration(2026, List.of(new SweepScope("ice", "dclm", truth(200), CONTRASTS, "overall")), d,
        schemes, 64);
  }
}
