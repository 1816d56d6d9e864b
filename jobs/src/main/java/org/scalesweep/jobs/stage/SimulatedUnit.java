package org.scalesweep.jobs.stage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.RunRow;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Observation;
import org.scalesweep.sim.Subgroup;

/**
 * One simulation unit (corpus × configuration × replicate) simulated once: its rows of runs.parquet
 * and the item draws behind them, so that the item rows and the run means come from one pass.
 *
 * <p>A subgroup with items is observed here exactly as {@link org.scalesweep.sim.Simulator#observe}
 * does it: the same item losses and correctness draws, summed in item order, so the run mean and
 * the fraction correct are the same doubles to the bit. Every other subgroup (the corpus's overall
 * loss, run-level draws, binomial rates) goes through {@code observe} itself. One instance per task;
 * {@link #load} reuses the item buffers from unit to unit.
 */
final class SimulatedUnit {
  /** The run rows of one unit, as a task hands them to the driver (see {@link SimulateStage}). */
  record Runs(long unit, Row[] rows) implements Serializable {}

  private final Study study;
  private final StudyTruths t;
  private final List<Row> runRows = new ArrayList<>();
  private final List<Integer> slotStudy = new ArrayList<>();
  private final List<Subgroup> slotSubgroup = new ArrayList<>();
  private final List<double[]> slotLosses = new ArrayList<>();
  private final List<boolean[]> slotCorrect = new ArrayList<>();
  private final boolean withItems;
  private int slots;
  private int corpus;
  private ModelConfig cfg;
  private int replicate;

  /**
   * @param withItems keep the item draws of subgroups with items (for items.parquet); without, only
   *     the run rows are kept (the draws are still made: the run means are their averages)
   */
  SimulatedUnit(Study study, boolean withItems) {
    this.study = study;
    this.t = new StudyTruths(study);
    this.withItems = withItems;
  }

  StudyTruths truths() {
    return t;
  }

  /**
   * Simulates a unit. Returns false for a failed job (structured noise's missing runs): no run rows
   * and no items.
   */
  boolean load(long unit) {
    runRows.clear();
    slots = 0;
    corpus = t.corpusOf(unit);
    cfg = t.configs.get(t.configOf(unit));
    replicate = t.replicateOf(unit);
    String corpusName = study.corpora().get(corpus).name();
    long corpusKey = Keys.name(corpusName);
    if (t.structure.missing(study.seed(), corpusKey, cfg.runKey(), replicate)) {
      return false;
    }
    String runId = GridStage.runId(corpusName, cfg);
    for (int s = 0; s < study.caseStudies().size(); s++) {
      CorpusTruth truth = t.truths[corpus][s];
      // subgroup 0 is the corpus's overall loss: written once, under study "overall"
      for (int g = s == 0 ? 0 : 1; g < truth.subgroups().size(); g++) {
        Subgroup sg = truth.subgroups().get(g);
        long subgroupKey = Keys.name(sg.name());
        double l = truth.loss(g, cfg.params(), cfg.tokens(), cfg.budget()) * t.structure.factor(t.simulator,
            corpusKey, subgroupKey, cfg.runKey(), cfg.architectureKey(), cfg.budget(), replicate);
        Observation o = g >= 1 && sg.items() > 0
            ? observeItems(s, sg, l, corpusKey, subgroupKey)
            : t.simulator.observe(sg, l, corpusKey, cfg.runKey(), replicate, t.difficulties(sg));
        String studyName = g == 0 ? Study.OVERALL : study.caseStudies().get(s).name();
        runRows.add(OutputTables.RUNS.toRow(new RunRow(studyName, corpusName, sg.name(), runId, replicate,
            cfg.budget(), cfg.width(), cfg.depth(), cfg.params(), cfg.tokens(), cfg.sixND(), o.loss(),
            Double.isNaN(o.accuracy()) ? null : o.accuracy(), o.items())));
      }
    }
    return true;
  }

  /** {@code Simulator.observe} for a subgroup with items, keeping its draws in the next item slot. */
  private Observation observeItems(int s, Subgroup sg, double l, long corpusKey, long subgroupKey) {
    int n = sg.items();
    int k = slots;
    if (k == slotLosses.size()) {
      slotStudy.add(s);
      slotSubgroup.add(sg);
      slotLosses.add(new double[n]);
      slotCorrect.add(new boolean[n]);
    } else {
      slotStudy.set(k, s);
      slotSubgroup.set(k, sg);
      if (slotLosses.get(k).length != n) {
        slotLosses.set(k, new double[n]);
        slotCorrect.set(k, new boolean[n]);
      }
    }
    if (withItems) {
      slots++;
    }
    double[] losses = slotLosses.get(k);
    boolean[] correct = slotCorrect.get(k);
    t.simulator.itemLosses(l, corpusKey, subgroupKey, cfg.runKey(), replicate, 0, t.difficulties(sg), losses);
    long correctKey = t.simulator.correctKey(corpusKey, subgroupKey, cfg.runKey(), replicate);
    double sum = 0;
    int right = 0;
    for (int i = 0; i < n; i++) {
      sum += losses[i];
      if (sg.accuracy() != null) {
        correct[i] = t.simulator.itemCorrect(sg.accuracy(), losses[i], correctKey, i);
        if (correct[i]) {
          right++;
        }
      }
    }
    return new Observation(sum / n, sg.accuracy() == null ? Double.NaN : (double) right / n, n);
  }

  /** The loaded unit's rows of runs.parquet, in the stage's order (case study, then subgroup). */
  Row[] runRows() {
    return runRows.toArray(Row[]::new);
  }

  int corpus() {
    return corpus;
  }

  ModelConfig config() {
    return cfg;
  }

  int replicate() {
    return replicate;
  }

  /** Subgroups with items of the loaded unit (only when built with items), in the stage's order. */
  int slots() {
    return slots;
  }

  /** Index of the case study a slot's subgroup belongs to. */
  int slotStudy(int k) {
    return slotStudy.get(k);
  }

  Subgroup slotSubgroup(int k) {
    return slotSubgroup.get(k);
  }

  /** The slot's item losses (its first {@code slotSubgroup(k).items()} values). */
  double[] slotLosses(int k) {
    return slotLosses.get(k);
  }

  /** The slot's correctness draws; meaningful only when its subgroup has an accuracy calibration. */
  boolean[] slotCorrect(int k) {
    return slotCorrect.get(k);
  }
}
