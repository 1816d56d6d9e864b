package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.SignificanceRow;
import org.scalesweep.law.RelativeLaw;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.relative.UnpairedContrast;
import org.scalesweep.relative.UnpairedEstimate;
import org.scalesweep.relative.UnpairedScaling;

/**
 * The significance rows of a study's unpaired contrasts (lib {@link UnpairedScaling}): one subgroup
 * between two separately trained sweeps, each sweep's frontier and E(F) fitted on its own runs. The
 * test is the budget-level regression of the per-budget differences (budget-wls, or budget-t when
 * that is the study's scheme), exact under its t reference, so nothing is resampled: it runs on the
 * driver from the run table (a few hundred budget-level values). The run-resampling schemes resample
 * clusters of one sweep's models and do not apply across sweeps; under them unpaired rows use
 * budget-wls and say so in their scheme column.
 */
final class UnpairedRows {
  private UnpairedRows() {}

  /** Rows of every unpaired contrast of every case study (empty when none is unpaired). */
  static List<SignificanceRow> of(Study study, Map<String, List<RunObservation>> byCorpus) {
    List<String> available = study.corpora().isEmpty() ? List.copyOf(new TreeSet<>(byCorpus.keySet()))
        : study.corpora().stream().map(Study.Corpus::name).toList();
    Study.BootstrapSettings bs = study.bootstrap();
    boolean weighted = bs.scheme() != ResampleScheme.BUDGET_T;
    String scheme = weighted ? ResampleScheme.BUDGET_WLS.key() : ResampleScheme.BUDGET_T.key();
    List<SignificanceRow> out = new ArrayList<>();
    for (Study.CaseStudy cs : study.caseStudies()) {
      Map<String, RunTables.Table> tables = new HashMap<>();
      Map<String, CorpusRuns> noiseless = new HashMap<>();
      for (UnpairedContrast u : cs.unpairedContrasts(available)) {
        RunTables.Table b = tables.computeIfAbsent(u.baselineSweep(), w -> RunTables.corpusRuns(w, cs,
            byCorpus.getOrDefault(w, List.of()), bs.clusterBy()));
        RunTables.Table t = tables.computeIfAbsent(u.treatmentSweep(), w -> RunTables.corpusRuns(w, cs,
            byCorpus.getOrDefault(w, List.of()), bs.clusterBy()));
        Double truth = null;
        if ("simulate".equals(study.source())) {
          CorpusRuns nb = noiseless.computeIfAbsent(u.baselineSweep(), w -> noiseless(study, cs, w));
          CorpusRuns nt = noiseless.computeIfAbsent(u.treatmentSweep(), w -> noiseless(study, cs, w));
          truth = UnpairedScaling.estimate(nb, nt, u.subgroup(), weighted).deltaBeta();
        }
        String why = b.absence(u.subgroup()).isEmpty() ? t.absence(u.subgroup()) : b.absence(u.subgroup());
        if (!why.isEmpty()) {
          out.add(row(study, cs, u, null, truth, scheme, FitFlag.NO_DATA.key(), why));
          continue;
        }
        UnpairedEstimate e = UnpairedScaling.estimate(b.runs(), t.runs(), u.subgroup(), weighted);
        if (!e.estimable()) {
          out.add(row(study, cs, u, e, truth, scheme, FitFlag.NOT_ESTIMABLE.key(), String.format(Locale.ROOT,
              "%d budgets trained by both sweeps (%d only by %s, %d only by %s); the test needs 3",
              e.commonBudgets(), e.baselineOnly(), u.baselineSweep(), e.treatmentOnly(), u.treatmentSweep())));
          continue;
        }
        String note = e.baselineOnly() + e.treatmentOnly() == 0 ? "" : String.format(Locale.ROOT,
            "budgets trained by one sweep only are not in the test: %d of %s, %d of %s", e.baselineOnly(),
            u.baselineSweep(), e.treatmentOnly(), u.treatmentSweep());
        out.add(row(study, cs, u, e, truth, scheme, "", note));
      }
    }
    return out;
  }

  private static CorpusRuns noiseless(Study study, Study.CaseStudy cs, String sweep) {
    return SimulatedCorpus.noiseless(cs.truth(study.corpus(sweep)), GridStage.configs(study),
        study.bootstrap().clusterBy(), Study.OVERALL);
  }

  private static SignificanceRow row(Study study, Study.CaseStudy cs, UnpairedContrast u, UnpairedEstimate e,
      Double truth, String scheme, String flags, String reason) {
    Study.BootstrapSettings bs = study.bootstrap();
    double nan = Double.NaN;
    double db = e == null ? nan : e.deltaBeta();
    double gamma = e == null ? nan : e.gamma();
    double low = e == null ? nan : e.low(bs.level());
    double high = e == null ? nan : e.high(bs.level());
    double p = e == null ? nan : e.pValue();
    boolean est = e != null && e.estimable();
    double change = est && gamma > 0 ? new RelativeLaw(gamma, db).changePerDecade() : nan;
    Boolean covers = truth == null || !est ? null : low <= truth && truth <= high;
    return new SignificanceRow(cs.name(), u.sweeps(), u.subgroup(), u.subgroup(), db, gamma,
        e == null ? nan : e.betaBaseline(), e == null ? nan : e.betaTreatment(), change, low, high, "t", nan, nan, nan,
        nan, e == null ? nan : e.standardError(), p, est && p < bs.alpha(), bs.alpha(), bs.level(), 0, 0, 0, scheme,
        bs.clusterBy().key(), truth, covers, flags, reason, nan, nan, nan, nan, SignificanceRow.UNPAIRED,
        u.baselineSweep(), u.treatmentSweep(), e == null ? 0 : e.commonBudgets());
  }
}
