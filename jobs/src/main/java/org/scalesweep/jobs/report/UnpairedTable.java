package org.scalesweep.jobs.report;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.config.Study;

/**
 * The report's table of a case study's unpaired contrasts (corpus vs corpus): per subgroup and pair
 * of sweeps, Δβ with its budget-level t interval, the BH q-value within the case study's unpaired
 * family, and which sweep the subgroup scales better on.
 */
final class UnpairedTable {
  private UnpairedTable() {}

  /** Whether a significance row is an unpaired contrast. */
  static boolean is(Row r) {
    return r.schema().getFieldIndex("pairing").isDefined() && "unpaired".equals(r.getAs("pairing"));
  }

  /** Which sweep a row says the subgroup scales better on, in words. */
  static String verdict(Row r) {
    double db = Tables.d(r, "delta_beta");
    double q = Tables.d(r, "q_value");
    if (!Double.isFinite(db)) {
      return "not estimable";
    }
    if (!(q < Tables.d(r, "alpha"))) {
      return "no significant difference";
    }
    String better = db < 0 ? Tables.s(r, "treatment_sweep") : Tables.s(r, "baseline_sweep");
    return "scales better on " + better;
  }

  static void render(StringBuilder h, Study.CaseStudy cs, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    h.append("<h3>Separately trained sweeps (unpaired)</h3>\n");
    h.append("<table><tr><th>subgroup</th><th>sweeps</th><th>true Δβ</th><th>ours Δβ</th><th>interval</th><th>p</th>"
        + "<th>q (BH)</th><th>budgets</th><th>verdict</th><th>note</th></tr>\n");
    for (Row r : rows) {
      boolean sig = Tables.d(r, "q_value") < Tables.d(r, "alpha");
      h.append(sig ? "<tr class=\"sig\">" : "<tr>");
      h.append(String.format(Locale.ROOT, "<td class=\"s\">%s</td><td class=\"s\">%s</td><td>%+.4f</td><td>%+.4f</td>"
              + "<td>[%+.4f, %+.4f]</td><td>%.3g</td><td>%.3g%s</td><td>%d</td><td class=\"s\">%s</td>"
              + "<td class=\"s\">%s</td></tr>%n", Html.escape(Tables.s(r, "treatment")),
          Html.escape(Tables.s(r, "corpus")), Tables.d(r, "true_delta_beta"), Tables.d(r, "delta_beta"),
          Tables.d(r, "ci_low"), Tables.d(r, "ci_high"), Tables.d(r, "p_value"), Tables.d(r, "q_value"),
          sig ? " " + FindingsBlock.SURVIVES : "", r.<Integer>getAs("common_budgets"), Html.escape(verdict(r)),
          Html.escape(Tables.s(r, "reason"))));
    }
    h.append("</table>\n<p class=\"meta\">Δβ = β<sub>baseline sweep</sub> − β<sub>treatment sweep</sub> of the "
        + "subgroup's E(F), each sweep's frontier fitted on its own runs; the sweeps share no run noise, so the test is "
        + "the budget-level regression of the per-budget differences of the two frontiers (budget-wls weights "
        + "1/(h<sub>b</sub> + h<sub>t</sub>), t on budgets − 2 df) over the budgets both trained. Δβ &lt; 0: the "
        + "subgroup's loss falls faster on the treatment sweep. q: Benjamini–Hochberg over the case study's unpaired "
        + "contrasts (a family apart from the paired ones).</p>\n");
  }
}
