package org.scalesweep.jobs.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.scalesweep.fit.FitFlag;

/** The report's sentences and summary statistics, from the numbers of the tables. */
public final class Findings {
  private Findings() {}

  /** One sentence per contrast, from the numbers: which gaps close, persist, widen. */
  public static List<String> of(List<Row> significance) {
    List<String> out = new ArrayList<>();
    for (Row r : significance) {
      double db = r.getAs("delta_beta");
      double lo = r.getAs("ci_low");
      double hi = r.getAs("ci_high");
      boolean sig = r.getAs("significant");
      String what;
      if (!Double.isFinite(db)) {
        what = "not estimable";
      } else if (!sig) {
        what = "no significant change of the relative loss with compute";
      } else if (db < 0) {
        what = "the relative loss falls with compute (the treatment improves faster than the baseline)";
      } else if (Tables.d(r, "beta_treatment") < 0) {
        what = "the relative loss rises with compute (the treatment's own loss rises with compute)";
      } else {
        what = "the relative loss rises with compute (the treatment improves more slowly than the baseline)";
      }
      String survives = FindingsBlock.survives(r) ? "; survives Benjamini–Hochberg" : sig
          ? "; does not survive Benjamini–Hochberg" : "";
      String flags = r.getAs("flags");
      String misfit = flags != null && Arrays.asList(flags.split(",")).contains(FitFlag.LACK_OF_FIT.key())
          ? String.format(Locale.ROOT, " Lack of fit (F = %.2f, p = %.2g): γ·F^Δβ does not describe this contrast "
              + "across budgets, so Δβ is an average slope over the studied budgets and its sign test can be "
              + "anti-conservative (docs/CALIBRATION.md, \"What breaks the test\").",
              r.<Double>getAs("lack_of_fit_f"), r.<Double>getAs("lack_of_fit_p"))
          : "";
      out.add(String.format(Locale.ROOT, "%s / %s: %s vs %s — Δβ = %+.4f [%+.4f, %+.4f], p %s: %s%s.%s",
          r.<String>getAs("study"), r.<String>getAs("corpus"), r.<String>getAs("treatment"),
          r.<String>getAs("baseline"), db, lo, hi, FindingsBlock.pValue(r).startsWith("≤") ? FindingsBlock.pValue(r)
              : "= " + FindingsBlock.pValue(r), what, survives, misfit));
    }
    return out;
  }
}
