package org.scalesweep.jobs.stage;

import java.util.ArrayList;
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
   * Replicate-averaged losses of the overall loss and every subgroup of a case study, runs in
   * run_id order (so the arrays do not depend on row order).
   */
  static CorpusRuns corpusRuns(String corpus, Study.CaseStudy cs, List<RunObservation> rows, ClusterBy clusterBy) {
    List<String> subgroups = new ArrayList<>();
    subgroups.add(Study.OVERALL);
    cs.subgroups().forEach(s -> subgroups.add(s.name()));
    TreeMap<String, RunObservation> runs = new TreeMap<>();
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (RunObservation o : rows) {
      // ingested subgroups belong to no case study of their own: every case study naming them takes them
      boolean mine = (o.study().equals(Study.OVERALL) && o.subgroup().equals(Study.OVERALL))
          || o.study().equals(cs.name()) || o.study().equals(Canonical.INGESTED_STUDY);
      if (!mine || !o.corpus().equals(corpus)) {
        continue;
      }
      int g = subgroups.indexOf(o.subgroup());
      if (g < 0) {
        continue;
      }
      runs.putIfAbsent(o.runId(), o);
      sums.computeIfAbsent(o.runId(), k -> new double[subgroups.size()])[g] += o.loss();
      counts.computeIfAbsent(o.runId(), k -> new int[subgroups.size()])[g]++;
    }
    int n = runs.size();
    if (n == 0) {
      throw new IllegalArgumentException("corpus " + corpus + " has no runs for case study " + cs.name());
    }
    double[] budget = new double[n];
    double[] params = new double[n];
    double[] tokens = new double[n];
    long[] cluster = new long[n];
    double[][] loss = new double[subgroups.size()][n];
    int r = 0;
    for (Map.Entry<String, RunObservation> e : runs.entrySet()) {
      RunObservation o = e.getValue();
      budget[r] = o.budget();
      params[r] = o.params();
      tokens[r] = o.tokens();
      cluster[r] = o.cluster(clusterBy);
      double[] s = sums.get(e.getKey());
      int[] c = counts.get(e.getKey());
      for (int g = 0; g < subgroups.size(); g++) {
        if (c[g] == 0) {
          throw new IllegalArgumentException("corpus " + corpus + " run " + e.getKey() + " has no observation of subgroup "
              + subgroups.get(g) + " (case study " + cs.name() + ")");
        }
        loss[g][r] = s[g] / c[g];
      }
      r++;
    }
    return new CorpusRuns(corpus, budget, params, tokens, cluster, subgroups, Study.OVERALL, loss);
  }
}
