package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.Frontier;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * An ingested suite as the advisor's generating model: the overall loss's and the baseline's fitted
 * joint laws as the truth (a treatment is the baseline with the contrast's Δβ, as for a preset),
 * the noise estimated from the data ({@link NoiseEstimate}), and what is wrong with the suite
 * ({@link SuiteFlags}).
 *
 * <p>The base design the advisor extends is the suite as trained without its off-curve
 * configurations (their loss cannot be trusted; {@link CandidateKind#RERUN} brings them back). A
 * rung's seed count is the fewest seeds any of its configurations has (the model needs one count
 * per rung; extra seeds of some configurations are left out, which understates the base a little).
 *
 * @param configs every configuration the suite trained, in run_id order
 * @param overall fitted joint law of the overall loss
 * @param baseline fitted joint law of the case study's baseline subgroup
 * @param flags off-curve runs, then budgets whose optimum is not bracketed
 * @param noise the noise estimated without the off-curve configurations
 */
public record IngestedSuite(List<TrainedConfig> configs, JointLaw overall, JointLaw baseline, List<SuiteFlag> flags,
    NoiseEstimate noise) implements java.io.Serializable {
  public IngestedSuite {
    configs = List.copyOf(configs);
    flags = List.copyOf(flags);
  }

  /** Flags and noise of a suite from its fitted laws and the frontier the fit stage places. */
  public static IngestedSuite of(List<TrainedConfig> configs, JointLaw overall, JointLaw baseline, Frontier frontier) {
    List<SuiteFlag> flags = new ArrayList<>(SuiteFlags.offCurve(configs, overall));
    flags.addAll(SuiteFlags.outOfRange(configs, frontier));
    Set<String> off = offCurve(flags);
    List<TrainedConfig> clean = configs.stream().filter(c -> !off.contains(c.runId())).toList();
    return new IngestedSuite(configs, overall, baseline, flags, NoiseEstimate.of(clean, overall, baseline));
  }

  private static Set<String> offCurve(List<SuiteFlag> flags) {
    return flags.stream().filter(f -> f.kind() == FlagKind.OFF_CURVE).map(SuiteFlag::runId)
        .collect(Collectors.toSet());
  }

  /** The suite without its off-curve configurations, each rung with its fewest seeds, no items. */
  public AdviceDesign base() {
    Set<String> off = offCurve(flags);
    List<Rung> rungs = new ArrayList<>();
    for (double b : configs.stream().mapToDouble(c -> c.config().budget()).distinct().sorted().toArray()) {
      List<TrainedConfig> on = configs.stream().filter(c -> c.config().budget() == b && !off.contains(c.runId()))
          .toList();
      if (!on.isEmpty()) {
        rungs.add(new Rung(b, on.stream().map(TrainedConfig::config).toList(),
            on.stream().mapToInt(TrainedConfig::seeds).min().orElse(1)));
      }
    }
    return new AdviceDesign(rungs, 0);
  }

  /** The configurations as trained (valid as they are in a plan, see {@link PlanGrid#problems(AdviceDesign, GridRules, List)}). */
  public List<ModelConfig> trained() {
    return configs.stream().map(TrainedConfig::config).toList();
  }

  /** The "rerun / extend" candidates of the flags. */
  public List<Candidate> candidates(GridRules rules, int configsPerCandidate) {
    return SuiteFlags.candidates(flags, configs, rules, configsPerCandidate);
  }

  /** The generating model's truth: the frontier and the baseline subgroups with their fitted laws. */
  public CorpusTruth truth(String corpus, String frontierName, String baselineName) {
    return new CorpusTruth(corpus, List.of(new Subgroup(frontierName, new SubgroupTruth.Absolute(overall), 0, null, 0),
        new Subgroup(baselineName, new SubgroupTruth.Absolute(baseline), 0, null, 0)));
  }

  /** The trained configuration of a run id, or null. */
  public TrainedConfig config(String runId) {
    return configs.stream().filter(c -> c.runId().equals(runId)).findFirst().orElse(null);
  }
}
