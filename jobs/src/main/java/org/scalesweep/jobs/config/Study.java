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
import org.scalesweep.relative.Pairing;
import org.scalesweep.relative.UnpairedContrast;
import org.scalesweep.sim.CaseStudyTruth;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.StructuredNoise;

/**
 * A validated study: everything the stages need, resolved from HOCON. Serializable so executors
 * receive it in closures and broadcasts.
 */
public record Study(
    String name,
    String description,
    Kind kind,
    AlignmentSpec alignment,
    long seed,
    String source,
    IngestSettings ingest,
    int replicates,
    List<Double> budgets,
    GridRules rules,
    NoiseModel noise,
    StructuredNoise structure,
    List<Corpus> corpora,
    List<CaseStudy> caseStudies,
    int simulatePartitions,
    FitSettings fit,
    BootstrapSettings bootstrap,
    String reportTitle,
    String resolvedConfigJson,
    String configHash) implements Serializable {

  /** What a study is: the analysis its stages run. */
  public enum Kind implements org.scalesweep.boot.Keyed {
    /** IsoFLOP grid × corpora × case studies of subgroups; Δβ per contrast (seeds 002, 003). */
    RELATIVE_SCALING("relative-scaling"),
    /** Seed 000's five experiments on the alignment-loss law. */
    ALIGNMENT_PRETRAINING("alignment-pretraining"),
    /** Seeds 001/004: HHH after SFT vs RLHF, reward-model over-optimisation, ScaleRL extrapolation. */
    POST_TRAINING("post-training");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }

    public static Kind parse(String s) {
      return org.scalesweep.boot.Keyed.parse(Kind.class, s, "study kind");
    }
  }

  /**
   * Seed 000's study: design, truth and the figures the seed publishes (for the report).
   *
   * @param published statistic name → published value
   */
  public record AlignmentSpec(org.scalesweep.alignment.AlignmentDesign design,
      org.scalesweep.alignment.AlignmentTruth truth, Map<String, Double> published) implements Serializable {}

  /** Name of the overall-loss subgroup that defines each corpus's compute-optimal frontier. */
  public static final String OVERALL = CaseStudyTruth.OVERALL;

  /** A training corpus and the law of its overall validation loss. */
  public record Corpus(String name, JointLaw overall) implements Serializable {}

  /**
   * One subgroup of a case study. Baseline: gamma and delta-beta against the overall loss.
   * Treatment: against the baseline (the contrast's true values), or its own joint law {@code law}
   * (a non-proportional truth; null when none).
   */
  public record SubgroupSpec(String name, Map<String, Double> gamma, Map<String, Double> deltaBeta, int items,
      Double covariate, String published, Map<String, Double> anchor, JointLaw law) implements Serializable {
    public double gammaFor(String corpus) {
      return gamma.get(corpus);
    }

    public double deltaBetaFor(String corpus) {
      return deltaBeta.get(corpus);
    }

    /** The same subgroup with other per-corpus truths and item count. */
    public SubgroupSpec with(Map<String, Double> newGamma, Map<String, Double> newDeltaBeta, int newItems) {
      return new SubgroupSpec(name, newGamma, newDeltaBeta, newItems, covariate, published, anchor, law);
    }
  }

  /**
   * A group of subgroups compared against one baseline (MMLU domains, ICE varieties …), and/or
   * between separately trained sweeps.
   *
   * @param pairing which contrasts are estimated (paired subgroups, unpaired sweeps, both)
   * @param sweeps the sweeps of unpaired contrasts, the baseline sweep first (empty: every corpus of the input)
   * @param allSweepPairs every pair of sweeps (true) or each against the first
   */
  public record CaseStudy(String name, String description, String baseline, double referenceCompute,
      SigmoidCalibration accuracy, boolean crossovers, List<SubgroupSpec> subgroups, String published, int questions,
      double anchorCompute, Pairing pairing, List<String> sweeps, boolean allSweepPairs) implements Serializable {

    public CaseStudy {
      sweeps = List.copyOf(sweeps);
    }

    /** A paired case study (no unpaired contrasts). */
    public CaseStudy(String name, String description, String baseline, double referenceCompute,
        SigmoidCalibration accuracy, boolean crossovers, List<SubgroupSpec> subgroups, String published, int questions,
        double anchorCompute) {
      this(name, description, baseline, referenceCompute, accuracy, crossovers, subgroups, published, questions,
          anchorCompute, Pairing.PAIRED, List.of(), false);
    }

    /**
     * Unpaired contrasts: every subgroup between the configured sweeps (or, when none are configured,
     * {@code available} in order), each other sweep against the first, or every pair with the
     * earlier-listed sweep as baseline. Empty unless {@link Pairing#unpaired()}.
     */
    public List<UnpairedContrast> unpairedContrasts(List<String> available) {
      if (!pairing.unpaired()) {
        return List.of();
      }
      List<String> names = sweeps.isEmpty() ? available : sweeps;
      List<UnpairedContrast> out = new ArrayList<>();
      for (SubgroupSpec s : subgroups) {
        for (int i = 0; i < names.size(); i++) {
          for (int j = i + 1; j < names.size(); j++) {
            if (i == 0 || allSweepPairs) {
              out.add(new UnpairedContrast(s.name(), names.get(i), names.get(j)));
            }
          }
        }
      }
      return out;
    }

    /** Forward FLOPs of the anchor (budgets count forward passes: about a third of 6ND). */
    public double anchorForwardFlops() {
      return anchorCompute / 3;
    }

    /** The truths of this case study on one corpus (lib's science: γ, Δβ, anchors, crossovers). */
    public CaseStudyTruth on(Corpus corpus) {
      List<CaseStudyTruth.Spec> specs = new ArrayList<>();
      for (SubgroupSpec s : subgroups) {
        specs.add(new CaseStudyTruth.Spec(s.name(), s.gamma().getOrDefault(corpus.name(), Double.NaN),
            s.deltaBetaFor(corpus.name()), s.items(), s.anchor().get(corpus.name()), s.law()));
      }
      return new CaseStudyTruth(corpus.name(), corpus.overall(), baseline, referenceCompute, anchorCompute, accuracy,
          questions, specs);
    }

    /** The same case study with other subgroups. */
    public CaseStudy withSubgroups(List<SubgroupSpec> newSubgroups) {
      return new CaseStudy(name, description, baseline, referenceCompute, accuracy, crossovers, List.copyOf(newSubgroups),
          published, questions, anchorCompute, pairing, sweeps, allSweepPairs);
    }

    public SubgroupSpec subgroup(String n) {
      return subgroups.stream().filter(s -> s.name().equals(n)).findFirst().orElseThrow();
    }

    /** Paired contrasts: every non-baseline subgroup against the baseline, in config order (none when unpaired only). */
    public List<Contrast> contrasts() {
      List<Contrast> out = new ArrayList<>();
      if (!pairing.paired()) {
        return out;
      }
      for (SubgroupSpec s : subgroups) {
        if (!s.name().equals(baseline)) {
          out.add(new Contrast(baseline, s.name()));
        }
      }
      return out;
    }

    /** True log10 crossover compute of two treatments on a corpus, from the configured truths. */
    public double trueLog10Crossover(Corpus corpus, String t1, String t2) {
      return on(corpus).log10Crossover(t1, t2);
    }

    /** True Δβ of a contrast on a corpus (the treatment's configured delta-beta). */
    public double trueDeltaBeta(String corpus, String treatment) {
      return subgroup(treatment).deltaBetaFor(corpus);
    }

    /** The lib truth of this case study on one corpus: the overall law plus every subgroup. */
    public CorpusTruth truth(Corpus corpus) {
      return on(corpus).corpusTruth();
    }
  }

  /**
   * Where ingested runs come from (source = ingest; null for simulated studies).
   *
   * @param path input FILE or DIR, resolved against the config file's directory
   * @param format csv, parquet, jsonl, or null to tell from file names
   * @param columns canonical column → input column
   * @param flopsTolerance allowed relative deviation of flops from 6ND
   * @param budgetGrid steps per decade of derived IsoFLOP budgets
   */
  /**
   * The ingest keys; {@code mapping} is an absolute path or null, {@code subgroups} a column pattern
   * or null, {@code budgets} the rule's key, {@code paramsEmbeddings} the key's value or null when unset.
   */
  public record IngestSettings(String path, String format, Map<String, String> columns, double flopsTolerance,
      int budgetGrid, String budgets, double budgetTolerance, String subgroups, String mapping,
      String paramsEmbeddings) implements Serializable {}

  public boolean ingested() {
    return "ingest".equals(source);
  }

  /**
   * Fit settings.
   *
   * @param calibrationMllibCheck whether the fit stage also runs MLlib's logistic regression over every
   *     item as a cross-check of lib's exact loss → accuracy fit (row {@code mllib-logistic})
   */
  public record FitSettings(double huberDelta, int approach3Screen, int approach3MaxIterations,
      boolean calibrationMllibCheck) implements Serializable {}

  /** Bootstrap settings. */
  public record BootstrapSettings(int resamples, int partitions, ResampleScheme scheme, ClusterBy clusterBy,
      WeightKind weights, double level, double alpha, IntervalMethod interval, boolean writeDraws, int block)
      implements Serializable {
    public BootstrapSettings withResamples(int b) {
      return new BootstrapSettings(b, partitions, scheme, clusterBy, weights, level, alpha, interval, writeDraws, block);
    }
  }

  /** The same study with other corpora and case studies (benchmarks and calibration variants). */
  public Study with(List<Corpus> newCorpora, List<CaseStudy> newCaseStudies) {
    return new Study(name, description, kind, alignment, seed, source, ingest, replicates, budgets, rules, noise,
        structure, List.copyOf(newCorpora), List.copyOf(newCaseStudies), simulatePartitions, fit, bootstrap, reportTitle,
        resolvedConfigJson, configHash);
  }

  /** The same study with other bootstrap settings. */
  public Study with(BootstrapSettings newBootstrap) {
    return new Study(name, description, kind, alignment, seed, source, ingest, replicates, budgets, rules, noise, structure,
        corpora, caseStudies, simulatePartitions, fit, newBootstrap, reportTitle, resolvedConfigJson, configHash);
  }

  public Corpus corpus(String n) {
    return corpora.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  public CaseStudy caseStudy(String n) {
    return caseStudies.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow();
  }

  public boolean isAlignment() {
    return kind == Kind.ALIGNMENT_PRETRAINING;
  }

  /** True for the kinds whose runs form a fixed design (not an IsoFLOP grid of subgroups). */
  public boolean isDesigned() {
    return kind != Kind.RELATIVE_SCALING;
  }

  /** The designed study of this kind (lib's science); only when {@link #isDesigned()}. */
  public org.scalesweep.design.DesignedStudy designed() {
    return switch (kind) {
      case ALIGNMENT_PRETRAINING -> new org.scalesweep.alignment.AlignmentStudy(alignment.design(), alignment.truth(),
          noise.sigmaRun(), fit.huberDelta(), fit.approach3Screen());
      case POST_TRAINING -> org.scalesweep.posttraining.PostTrainingStudy.defaults();
      case RELATIVE_SCALING -> throw new IllegalStateException("relative-scaling studies have no fixed design");
    };
  }

  /** Figures the source publishes for a designed study's statistics (empty when none). */
  public Map<String, Double> published() {
    return alignment == null ? Map.of() : alignment.published();
  }

  public boolean hasItems() {
    return caseStudies.stream().anyMatch(c -> c.subgroups().stream().anyMatch(s -> s.items() > 0));
  }
}
