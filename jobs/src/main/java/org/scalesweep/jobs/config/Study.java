package org.scalesweep.jobs.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.GridRules;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.SigmoidCalibration;
import org.scalesweep.relative.Contrast;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * A validated study: everything the stages need, resolved from HOCON. Serializable so executors
 * receive it in closures and broadcasts.
 */
public record Study(
    String name,
    String description,
    long seed,
    String source,
    String ingestPath,
    int replicates,
    List<Double> budgets,
    GridRules rules,
    NoiseModel noise,
    List<Corpus> corpora,
    List<CaseStudy> caseStudies,
    int simulatePartitions,
    FitSettings fit,
    BootstrapSettings bootstrap,
    String reportTitle,
    String resolvedConfigJson,
    String configHash) implements Serializable {

  /** Name of the overall-loss subgroup that defines each corpus's compute-optimal frontier. */
  public static final String OVERALL = "overall";

  /** A training corpus and the law of its overall validation loss. */
  public record Corpus(String name, JointLaw overall) implements Serializable {}

  /**
   * One subgroup of a case study. Baseline: gamma and delta-beta against the overall loss.
   * Treatment: against the baseline (the contrast's true values).
   */
  public record SubgroupSpec(String name, Map<String, Double> gamma, Map<String, Double> deltaBeta, int items,
      Double covariate) implements Serializable {
    public double gammaFor(String corpus) {
      return gamma.get(corpus);
    }

    public double deltaBetaFor(String corpus) {
      return deltaBeta.get(corpus);
    }
  }

  /** A group of subgroups compared against one baseline (MMLU domains, ICE varieties …). */
  public record CaseStudy(String name, String description, String baseline, double referenceCompute,
      SigmoidCalibration accuracy, boolean crossovers, List<SubgroupSpec> subgroups) implements Serializable {

    public SubgroupSpec subgroup(String n) {
      return subgroups.stream().filter(s -> s.name().equals(n)).findFirst().orElseThrow();
    }

    /** Contrasts: every non-baseline subgroup against the baseline, in config order. */
    public List<Contrast> contrasts() {
      List<Contrast> out = new ArrayList<>();
      for (SubgroupSpec s : subgroups) {
        if (!s.name().equals(baseline)) {
          out.add(new Contrast(baseline, s.name()));
        }
      }
      return out;
    }

    /** True Δβ of a contrast on a corpus (the treatment's configured delta-beta). */
    public double trueDeltaBeta(String corpus, String treatment) {
      return subgroup(treatment).deltaBetaFor(corpus);
    }

    /** The lib truth of this case study on one corpus: the overall law plus every subgroup. */
    public CorpusTruth truth(Corpus corpus) {
      SubgroupSpec base = subgroup(baseline);
      double gb = base.gammaFor(corpus.name());
      double db = base.deltaBetaFor(corpus.name());
      List<Subgroup> list = new ArrayList<>();
      list.add(new Subgroup(OVERALL, new SubgroupTruth.Absolute(corpus.overall()), 0, null));
      for (SubgroupSpec s : subgroups) {
        double g = s.name().equals(baseline) ? gb : gb * s.gammaFor(corpus.name());
        double d = s.name().equals(baseline) ? db : db + s.deltaBetaFor(corpus.name());
        list.add(new Subgroup(s.name(), new SubgroupTruth.Relative(OVERALL, g, d, referenceCompute), s.items(),
            accuracy));
      }
      return new CorpusTruth(corpus.name(), list);
    }
  }

  /** Fit settings. */
  public record FitSettings(double huberDelta, int approach3Screen, int approach3MaxIterations)
      implements Serializable {}

  /** Bootstrap settings. */
  public record BootstrapSettings(int resamples, int partitions, ResampleScheme scheme, ClusterBy clusterBy,
      WeightKind weights, double level, double alpha, IntervalMethod interval, boolean writeDraws, int block)
      implements Serializable {}

  public Corpus corpus(String n) {
    return corpora.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  public CaseStudy caseStudy(String n) {
    return caseStudies.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  public boolean hasItems() {
    return caseStudies.stream().anyMatch(c -> c.subgroups().stream().anyMatch(s -> s.items() > 0));
  }
}
