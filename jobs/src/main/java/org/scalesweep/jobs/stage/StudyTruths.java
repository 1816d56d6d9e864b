package org.scalesweep.jobs.stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.StructuredNoise;
import org.scalesweep.sim.Subgroup;

/**
 * The per-executor view of a study for simulation: configurations, lib truths per corpus and case
 * study, and the simulation units (corpus × configuration × replicate) addressed by a single index,
 * so {@code spark.range} can spread them over partitions. Built from the study on each executor.
 */
final class StudyTruths {
  final Study study;
  final List<ModelConfig> configs;
  final CorpusTruth[][] truths;
  final Simulator simulator;
  final StructuredNoise structure;
  private final Map<String, double[]> difficulties = new HashMap<>();

  StudyTruths(Study study) {
    this.study = study;
    this.configs = GridStage.configs(study);
    this.truths = new CorpusTruth[study.corpora().size()][study.caseStudies().size()];
    for (int c = 0; c < study.corpora().size(); c++) {
      for (int s = 0; s < study.caseStudies().size(); s++) {
        truths[c][s] = study.caseStudies().get(s).truth(study.corpora().get(c));
      }
    }
    NoiseModel noise = study.noise();
    this.simulator = new Simulator(study.seed(), noise);
    this.structure = study.structure();
  }

  /**
   * Item difficulties u_i of a subgroup, computed once per instance (one per task): they are fixed
   * per item, the same in every run and replicate, and were the costlier half of an item's draws.
   */
  double[] difficulties(Subgroup sg) {
    return difficulties.computeIfAbsent(sg.name() + "#" + sg.items(),
        k -> simulator.itemDifficulties(Keys.name(sg.name()), sg.items()));
  }

  long units() {
    return (long) study.corpora().size() * configs.size() * study.replicates();
  }

  int corpusOf(long unit) {
    return (int) (unit / ((long) configs.size() * study.replicates()));
  }

  int configOf(long unit) {
    return (int) ((unit / study.replicates()) % configs.size());
  }

  int replicateOf(long unit) {
    return (int) (unit % study.replicates());
  }
}
