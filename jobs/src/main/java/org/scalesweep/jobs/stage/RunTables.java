package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.Canonical;
import org.scalesweep.relative.CorpusRuns;

/** Turns run observations of one corpus into lib's {@link CorpusRuns} for one case study. */
final class RunTables {
  private RunTables() {}

  /**
   * A case study's table on one corpus, with what it could not include. Missing data is degenerate
   * science, not an error: the fits and contrasts it touches are flagged and the study goes on.
   *
   * @param runs the table, or null when there is none (no run, or no overall loss, for this corpus)
   * @param runIds run_id of each run of the table, in its order
   * @param missing subgroups of the case study with no observation at all
   * @param droppedRuns runs left out because they lack an observation of a subgroup that others have
   * @param problem why there is no table ("" when there is one)
   */
  record Table(CorpusRuns runs, List<String> runIds, List<String> missing, int droppedRuns, String problem) {

    /** Why a subgroup has no fit or contrast, or "" when it has its data. */
    String absence(String subgroup) {
      if (runs == null) {
        return problem;
      }
      return missing.contains(subgroup) ? "no observation of subgroup " + subgroup + " in runs.parquet" : "";
    }

    /** A note for the fits and contrasts of this table when runs were left out, else "". */
    String note() {
      return droppedRuns == 0 ? "" : droppedRuns + " run(s) left out: they lack an observation of some subgroup";
    }
  }

  /** A case study's table: the overall loss and its subgroups. */
  static Table corpusRuns(String corpus, Study.CaseStudy cs, List<RunObservation> rows, ClusterBy clusterBy) {
    return corpusRuns(corpus, cs.name(), cs.subgroups().stream().map(Study.SubgroupSpec::name).toList(), rows,
        clusterBy);
  }

  /**
   * Replicate-averaged losses of the overall loss and of every named subgroup of a study that has
   * observations, runs in run_id order (so the arrays do not depend on row order).
   *
   * @param study case study name ({@link Study#OVERALL} with no subgroups: the overall loss alone)
   */
  static Table corpusRuns(String corpus, String study, List<String> names, List<RunObservation> rows,
      ClusterBy clusterBy) {
    List<String> subgroups = new ArrayList<>();
    subgroups.add(Study.OVERALL);
    subgroups.addAll(names);
    TreeMap<String, RunObservation> runs = new TreeMap<>();
    boolean[] present = new boolean[subgroups.size()];
    // replicates in seed order: a floating-point mean must not depend on the order rows arrive in
    List<RunObservation> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(RunObservation::runId).thenComparing(RunObservation::subgroup)
        .thenComparing(RunObservation::study).thenComparingInt(RunObservation::seed)
        .thenComparingDouble(RunObservation::loss));
    Map<String, List<List<Double>>> values = new LinkedHashMap<>();
    for (RunObservation o : sorted) {
      boolean overall = o.study().equals(Study.OVERALL) && o.subgroup().equals(Study.OVERALL);
      // ingested subgroups belong to no case study of their own: every case study naming them takes them
      boolean mine = o.study().equals(study) || o.study().equals(Canonical.INGESTED_STUDY);
      int g = overall ? 0 : mine ? subgroups.indexOf(o.subgroup()) : -1;
      if (g < 0 || !o.corpus().equals(corpus)) {
        continue;
      }
      present[g] = true;
      runs.putIfAbsent(o.runId(), o);
      values.computeIfAbsent(o.runId(), x -> {
        List<List<Double>> l = new ArrayList<>();
        subgroups.forEach(unused -> l.add(new ArrayList<>()));
        return l;
      }).get(g).add(o.loss());
    }
    List<String> missing = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int g = 0; g < subgroups.size(); g++) {
      if (present[g]) {
        kept.add(g);
      } else {
        missing.add(subgroups.get(g));
      }
    }
    if (!present[0]) {
      return new Table(null, List.of(), missing, 0,
          "corpus " + corpus + " has no observation of the overall loss in runs.parquet");
    }
    List<String> complete = new ArrayList<>();
    for (String run : runs.keySet()) {
      List<List<Double>> v = values.get(run);
      if (kept.stream().allMatch(g -> !v.get(g).isEmpty())) {
        complete.add(run);
      }
    }
    int dropped = runs.size() - complete.size();
    if (complete.isEmpty()) {
      return new Table(null, List.of(), missing, dropped,
          "corpus " + corpus + " has no run with every subgroup of " + study + " in runs.parquet");
    }
    int n = complete.size();
    double[] budget = new double[n];
    double[] params = new double[n];
    double[] tokens = new double[n];
    long[] cluster = new long[n];
    double[][] loss = new double[kept.size()][n];
    for (int r = 0; r < n; r++) {
      String run = complete.get(r);
      RunObservation o = runs.get(run);
      budget[r] = o.budget();
      params[r] = o.params();
      tokens[r] = o.tokens();
      cluster[r] = o.cluster(clusterBy);
      for (int k = 0; k < kept.size(); k++) {
        loss[k][r] = mean(values.get(run).get(kept.get(k)));
      }
    }
    List<String> keptNames = kept.stream().map(subgroups::get).toList();
    return new Table(new CorpusRuns(corpus, budget, params, tokens, cluster, keptNames, Study.OVERALL, loss),
        List.copyOf(complete), missing, dropped, "");
  }

  /** The mean of positive finite values, finite even where their sum would overflow. */
  private static double mean(List<Double> v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    if (Double.isFinite(sum)) {
      return sum / v.size();
    }
    double m = 0;
    for (int i = 0; i < v.size(); i++) {
      m += (v.get(i) - m) / (i + 1);
    }
    return m;
  }
}
