package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.scalesweep.advice.IngestedSuite;
import org.scalesweep.advice.TrainedConfig;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.Canonical;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.ContrastEstimate;
import org.scalesweep.relative.RelativeScaling;

/**
 * The advisor's view of an ingested suite, from its runs.parquet rows: the joint laws the fit stage
 * fits (same fitter, same settings, same row order), the frontier and the contrast estimates the
 * pipeline computes ({@link RelativeScaling} on the same table), and lib's {@link IngestedSuite}.
 */
final class IngestedAdvice {
  private IngestedAdvice() {}

  /**
   * What advise needs of an ingested suite.
   *
   * @param corpus the corpus advised on
   * @param suite fitted laws, flags, noise
   * @param estimates Δβ̂ of each contrast of the case study on the suite (treatment → estimate)
   */
  record Model(String corpus, IngestedSuite suite, Map<String, Double> estimates) {}

  /** The corpora of the rows, sorted. */
  static List<String> corpora(List<RunObservation> rows) {
    return rows.stream().map(RunObservation::corpus).distinct().sorted().toList();
  }

  static Model of(Study s, Study.CaseStudy cs, String corpus, List<RunObservation> all) {
    List<String> corpora = corpora(all);
    String co = corpus != null ? corpus : corpora.isEmpty() ? null : corpora.get(0);
    if (co == null || !corpora.contains(co)) {
      throw new IllegalArgumentException("--corpus '" + co + "' is not in the ingested runs; allowed: " + corpora);
    }
    List<RunObservation> rows = all.stream().filter(r -> r.corpus().equals(co)).toList();
    RunTables.Table t = RunTables.corpusRuns(co, cs, rows, s.bootstrap().clusterBy());
    if (t.runs() == null || !t.missing().isEmpty()) {
      throw new IllegalArgumentException("the ingested runs of corpus " + co + " cannot be advised on: "
          + (t.runs() == null ? t.problem() : "no observation of subgroup(s) " + t.missing()));
    }
    RelativeScaling rs = new RelativeScaling(t.runs(), cs.contrasts());
    Map<String, Double> estimates = new HashMap<>();
    for (ContrastEstimate e : rs.estimate()) {
      estimates.put(e.contrast().treatment(), e.deltaBeta());
    }
    JointLaw overall = law(s, rows.stream().filter(IngestedAdvice::isOverall).toList(), "the overall loss");
    JointLaw baseline = law(s, rows.stream().filter(r -> isOf(r, cs, cs.baseline())).toList(),
        "the baseline " + cs.baseline());
    IngestedSuite suite = IngestedSuite.of(configs(s, cs, rows), overall, baseline, rs.frontier());
    return new Model(co, suite, estimates);
  }

  private static boolean isOverall(RunObservation r) {
    return r.study().equals(Study.OVERALL) && r.subgroup().equals(Study.OVERALL);
  }

  private static boolean isOf(RunObservation r, Study.CaseStudy cs, String subgroup) {
    return r.subgroup().equals(subgroup) && (r.study().equals(cs.name()) || r.study().equals(Canonical.INGESTED_STUDY));
  }

  /** Approach 3's joint law as the fit stage fits it (rows in run_id, seed order). */
  private static JointLaw law(Study s, List<RunObservation> rows, String what) {
    RunPoints p = RunObservation.points(rows);
    int m = p.size();
    Fit<JointLaw> f;
    try {
      f = FitStage.jointLawFitter(s).fit(p.params(), p.tokens(), p.loss(), null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the joint law of " + what + " cannot be fitted (" + m + " observations): "
          + e.getMessage(), e);
    }
    if (!f.hasEstimate()) {
      throw new IllegalArgumentException("the joint law of " + what + " could not be fitted (" + f.flagString() + "): "
          + f.note());
    }
    return f.law();
  }

  /** Every configuration of the corpus in run_id order, with its per-seed overall and baseline losses. */
  private static List<TrainedConfig> configs(Study s, Study.CaseStudy cs, List<RunObservation> rows) {
    TreeMap<String, List<RunObservation>> byRun = new TreeMap<>();
    for (RunObservation r : rows) {
      if (isOverall(r) || isOf(r, cs, cs.baseline())) {
        byRun.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r);
      }
    }
    Map<Double, Set<Integer>> taken = new HashMap<>();
    List<TrainedConfig> out = new ArrayList<>();
    for (Map.Entry<String, List<RunObservation>> e : byRun.entrySet()) {
      List<RunObservation> obs = e.getValue();
      RunObservation first = obs.get(0);
      List<Integer> seeds = obs.stream().filter(IngestedAdvice::isOverall).map(RunObservation::seed).distinct()
          .sorted().toList();
      if (seeds.isEmpty()) {
        continue;
      }
      double[] o = new double[seeds.size()];
      double[] b = new double[seeds.size()];
      for (int k = 0; k < seeds.size(); k++) {
        int seed = seeds.get(k);
        o[k] = Math.log(mean(obs.stream().filter(r -> isOverall(r) && r.seed() == seed).toList()));
        List<RunObservation> base = obs.stream().filter(r -> isOf(r, cs, cs.baseline()) && r.seed() == seed).toList();
        b[k] = base.isEmpty() ? Double.NaN : Math.log(mean(base));
      }
      Set<Integer> t = taken.computeIfAbsent(first.budget(), x -> new HashSet<>());
      TrainedConfig c = TrainedConfig.asTrained(e.getKey(), first.budget(), Math.round(first.params()),
          Math.round(first.tokens()), first.width(), first.depth(), s.rules(), t, o, b);
      t.add(c.config().width());
      out.add(c);
    }
    return out;
  }

  private static double mean(List<RunObservation> rows) {
    return rows.stream().mapToDouble(RunObservation::loss).average().orElse(Double.NaN);
  }
}
