package org.scalesweep.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Manifest;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.law.RelativeLaw;

/** The report's index.html: self-contained (inline CSS, local images), readable without the Parquet. */
public final class ReportHtml {
  private ReportHtml() {}

  public static String render(Study study, Tables t, Map<String, StructType> schemas, List<Figure> figures, Manifest manifest) {
    StringBuilder h = Html.page(study.reportTitle() + " — ScaleSweep report", study.reportTitle());
    if (!study.description().isBlank()) {
      h.append("<p>").append(Html.escape(study.description())).append("</p>\n");
    }
    Study.BootstrapSettings bs = study.bootstrap();
    h.append(String.format(Locale.ROOT, "<p class=\"meta\">config hash %s · seed %d · %d replicates · %d resamples "
            + "(%s scheme, clusters by %s, %s weights) · %s intervals at %.0f%% · sign test at α = %s</p>\n",
        study.configHash().substring(0, 12), study.seed(), study.replicates(), bs.resamples(), bs.scheme().key(),
        bs.clusterBy().key(), bs.weights().key(), bs.interval().key(), 100 * bs.level(), bs.alpha()));

    h.append("<p><a href=\"dashboard.html\">Interactive dashboard</a> (selectors, tooltips, sortable Δβ forest plot)</p>\n");
    h.append("<h2>Overall loss and the compute-optimal frontier</h2>\n");
    allocationTable(h, t);
    figures(h, figures, Study.OVERALL);

    for (Study.CaseStudy cs : study.caseStudies()) {
      h.append("<h2>").append(Html.escape(cs.name())).append("</h2>\n");
      if (!cs.description().isBlank()) {
        h.append("<p>").append(Html.escape(cs.description())).append("</p>\n");
      }
      if (!cs.published().isBlank()) {
        h.append("<p><b>Published:</b> ").append(Html.escape(cs.published())).append("</p>\n");
      }
      List<Row> sig = t.where(Outputs.SIGNIFICANCE, r -> cs.name().equals(r.getAs("study")));
      h.append("<ul>\n");
      for (String f : Findings.of(sig)) {
        h.append("<li>").append(Html.escape(f)).append("</li>\n");
      }
      h.append("</ul>\n");
      comparison(h, study, cs, sig);
      anchors(h, study, cs, t);
      correlation(h, study, cs, sig);
      crossovers(h, study, cs, t);
      calibration(h, cs, t);
      figures(h, figures, cs.name());
    }

    h.append("<h2>All tables</h2>\n");
    for (Map.Entry<String, StructType> e : schemas.entrySet()) {
      List<Row> rows = t.get(e.getKey());
      String csv = Outputs.csvName(e.getKey());
      h.append("<details><summary>").append(Html.escape(e.getKey())).append(" — ").append(rows.size()).append(" rows · <a href=\"")
          .append(csv).append("\">").append(csv).append("</a></summary>\n");
      if (rows.size() <= 2000) {
        table(h, e.getValue(), rows);
      }
      h.append("</details>\n");
    }
    h.append("<p class=\"meta\">Stages: ").append(Html.escape(manifest.stages().keySet().toString())).append("</p>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void figures(StringBuilder h, List<Figure> figures, String section) {
    for (Figure f : figures) {
      if (f.section().equals(section)) {
        h.append(Html.figure(f));
      }
    }
  }

  private static void allocationTable(StringBuilder h, Tables t) {
    List<Row> a2 = t.where(Outputs.FITS, r -> "approach2".equals(r.getAs("law")));
    if (a2.isEmpty()) {
      return;
    }
    h.append("<table><tr><th>corpus</th><th>a (N* ∝ C^a)</th><th>b (D* ∝ C^b)</th><th>a + b</th><th>flags</th></tr>\n");
    for (Row r : a2) {
      if (!"a".equals(r.getAs("param"))) {
        continue;
      }
      String corpus = r.getAs("corpus");
      double a = r.getAs("estimate");
      double b = a2.stream().filter(x -> corpus.equals(x.getAs("corpus")) && "b".equals(x.getAs("param")))
          .mapToDouble(x -> x.<Double>getAs("estimate")).findFirst().orElse(Double.NaN);
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
          + "<td class=\"s\">%s</td></tr>%n", Html.escape(corpus), a, b, a + b, Html.escape(r.getAs("flags"))));
    }
    h.append("</table>\n<p class=\"meta\">Approach 2 on the overall loss: per-budget parabolas in log10 N and log10 D."
        + " a + b differs from 1 because budgets count forward FLOPs, not 6ND.</p>\n");
  }

  private static void comparison(StringBuilder h, Study study, Study.CaseStudy cs, List<Row> sig) {
    h.append("<table><tr><th>treatment</th><th>corpus</th><th>true Δβ</th><th>ours Δβ</th><th>difference</th>")
        .append("<th>interval</th><th>p</th><th>sign recovered</th><th>interval covers truth</th>")
        .append("<th>ours per 10× F</th><th>published</th></tr>\n");
    for (Row r : sig) {
      double est = r.getAs("delta_beta");
      Object truthObj = r.getAs("true_delta_beta");
      double truth = truthObj == null ? Double.NaN : ((Number) truthObj).doubleValue();
      boolean significant = r.getAs("significant");
      String recovered = !Double.isFinite(truth) ? "" : truth == 0 ? (significant ? "false positive" : "null kept")
          : significant ? (Math.signum(est) == Math.signum(truth) ? "yes" : "WRONG SIGN") : "not significant";
      Object covers = r.getAs("covers_truth");
      String published = cs.subgroup(r.getAs("treatment")).published();
      h.append(significant ? "<tr class=\"sig\">" : "<tr>");
      h.append(String.format(Locale.ROOT, "<td class=\"s\">%s</td><td class=\"s\">%s</td><td>%+.4f</td><td>%+.4f</td>"
              + "<td>%+.4f</td><td>[%+.4f, %+.4f]</td><td>%.4f</td><td class=\"s%s\">%s</td><td class=\"s%s\">%s</td>"
              + "<td>%+.2f%%</td><td class=\"s\">%s</td></tr>%n",
          Html.escape(r.getAs("treatment")), Html.escape(r.getAs("corpus")), truth, est, est - truth, r.<Double>getAs("ci_low"),
          r.<Double>getAs("ci_high"), r.<Double>getAs("p_value"), recovered.equals("WRONG SIGN")
              || recovered.equals("false positive") ? " bad" : "", recovered, Boolean.FALSE.equals(covers) ? " bad" : "",
          covers == null ? "" : covers.toString(), 100 * r.<Double>getAs("change_per_decade"), Html.escape(published)));
    }
    h.append("</table>\n<p class=\"meta\">Per 10× F: change of the relative error per decade of compute, positive when"
        + " the gap closes (seed 003's convention), −(10^Δβ − 1).</p>\n");
  }

  /**
   * For anchored case studies: each subgroup's fitted E(F) extrapolated to the anchor compute beside the
   * published value it was anchored to, and the gap to the baseline (percentage points) across scale.
   */
  private static void anchors(StringBuilder h, Study study, Study.CaseStudy cs, Tables t) {
    if (Double.isNaN(cs.anchorCompute())) {
      return;
    }
    double fa = cs.anchorForwardFlops();
    double[] budgets = study.budgets().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double f0 = budgets[0];
    double f1 = budgets[budgets.length - 1];
    h.append(String.format(Locale.ROOT, "<p>Extrapolated to the anchor (compute-optimal model at 6ND = %.3g FLOPs,"
        + " forward %.3g) from the grid's fitted E(F) = αF^−β:</p>%n", cs.anchorCompute(), fa));
    h.append("<table><tr><th>subgroup</th><th>corpus</th><th>anchored (published)</th><th>ours at anchor</th>")
        .append(String.format(Locale.ROOT, "<th>ours at %.0e</th><th>ours at %.0e</th>", f0, f1))
        .append("<th>gap to baseline at anchor (pp)</th></tr>\n");
    for (Study.Corpus corpus : study.corpora()) {
      double baseAtAnchor = powerAt(t, cs.name(), corpus.name(), cs.baseline(), fa);
      for (Study.SubgroupSpec g : cs.subgroups()) {
        Double anchored = g.anchor().get(corpus.name());
        double at = powerAt(t, cs.name(), corpus.name(), g.name(), fa);
        h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td class=\"s\">%s</td><td>%s</td><td>%.4f</td>"
                + "<td>%.4f</td><td>%.4f</td><td>%s</td></tr>%n", Html.escape(g.name()), Html.escape(corpus.name()),
            anchored == null ? "" : String.format(Locale.ROOT, "%.4f", anchored), at,
            powerAt(t, cs.name(), corpus.name(), g.name(), f0), powerAt(t, cs.name(), corpus.name(), g.name(), f1),
            g.name().equals(cs.baseline()) ? "" : String.format(Locale.ROOT, "%+.2f", 100 * (at - baseAtAnchor))));
      }
    }
    h.append("</table>\n<p class=\"meta\">The anchor lies two orders of magnitude beyond the grid: the extrapolation"
        + " tests the fitted slopes, and its distance from the anchored value is the extrapolation error.</p>\n");
  }

  /** The frontier power law α·F^−β of a subgroup, evaluated at F (NaN when not fitted). */
  private static double powerAt(Tables t, String study, String corpus, String subgroup, double f) {
    double alpha = org.scalesweep.jobs.report.RelativeFigures.param(t, study, corpus, subgroup, "power", "alpha");
    double beta = org.scalesweep.jobs.report.RelativeFigures.param(t, study, corpus, subgroup, "power", "beta");
    return alpha * Math.pow(f, -beta);
  }

  private static void correlation(StringBuilder h, Study study, Study.CaseStudy cs, List<Row> sig) {
    if (cs.subgroups().stream().noneMatch(g -> g.covariate() != null)) {
      return;
    }
    h.append("<table><tr><th>corpus</th><th>Pearson R (covariate, ours per 10× F)</th>")
        .append("<th>Pearson R (covariate, truth per 10× F)</th><th>treatments</th></tr>\n");
    for (Study.Corpus corpus : study.corpora()) {
      List<Double> cov = new ArrayList<>();
      List<Double> ours = new ArrayList<>();
      List<Double> truth = new ArrayList<>();
      for (Row r : sig) {
        Study.SubgroupSpec g = cs.subgroup(r.getAs("treatment"));
        if (!corpus.name().equals(r.getAs("corpus")) || g.covariate() == null) {
          continue;
        }
        cov.add(g.covariate());
        ours.add(r.<Double>getAs("change_per_decade"));
        truth.add(new RelativeLaw(1, g.deltaBetaFor(corpus.name())).changePerDecade());
      }
      double[] c = cov.stream().mapToDouble(Double::doubleValue).toArray();
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>%n",
          Html.escape(corpus.name()), Findings.pearson(c, ours.stream().mapToDouble(Double::doubleValue).toArray()),
          Findings.pearson(c, truth.stream().mapToDouble(Double::doubleValue).toArray()), c.length));
    }
    h.append("</table>\n");
  }

  private static void crossovers(StringBuilder h, Study study, Study.CaseStudy cs, Tables t) {
    List<Row> rows = t.where(Outputs.CROSSOVERS, r -> cs.name().equals(r.getAs("study")));
    List<String> lines = new ArrayList<>();
    for (Row r : rows) {
      String corpus = r.getAs("corpus");
      String a = r.getAs("treatment_1");
      String b = r.getAs("treatment_2");
      double truth = "simulate".equals(study.source()) ? cs.trueLog10Crossover(study.corpus(corpus), a, b) : Double.NaN;
      double lo = Math.log10(study.budgets().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
      double hi = Math.log10(study.budgets().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
      boolean truthInRange = Double.isFinite(truth) && truth >= lo && truth <= hi;
      if (!Boolean.TRUE.equals(r.getAs("in_range")) && !truthInRange) {
        continue;
      }
      lines.add(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td class=\"s\">%s / %s</td><td>%s</td>"
              + "<td>[%s, %s]</td><td>%s</td><td>%d/%d</td></tr>%n", Html.escape(corpus), Html.escape(a), Html.escape(b),
          flops(r.<Double>getAs("log10_crossover")), flops(r.<Double>getAs("ci_low")), flops(r.<Double>getAs("ci_high")),
          flops(truth), r.<Integer>getAs("valid_resamples"), r.<Integer>getAs("resamples")));
    }
    if (lines.isEmpty()) {
      return;
    }
    h.append("<p>Crossovers inside the studied budgets (estimated or true):</p>\n<table><tr><th>corpus</th>")
        .append("<th>treatments</th><th>ours F×</th><th>interval</th><th>truth F×</th><th>valid resamples</th></tr>\n");
    lines.forEach(h::append);
    h.append("</table>\n");
  }

  private static void calibration(StringBuilder h, Study.CaseStudy cs, Tables t) {
    List<Row> rows = t.where(Outputs.CALIBRATION, r -> cs.name().equals(r.getAs("study")));
    if (rows.isEmpty()) {
      return;
    }
    h.append("<p>Loss → accuracy calibration, p = floor + (1 − floor)·σ(a − b·ln loss)")
        .append(cs.accuracy() == null ? "" : String.format(Locale.ROOT, "; truth: floor %.2f, a %.3f, b %.3f",
            cs.accuracy().floor(), cs.accuracy().a(), cs.accuracy().b()))
        .append(":</p>\n<table><tr><th>method</th><th>floor</th><th>a</th><th>b</th><th>items</th>")
        .append("<th>max |Δp| vs MLlib</th><th>converged</th></tr>\n");
    for (Row r : rows) {
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%.2f</td><td>%.4f</td><td>%.4f</td><td>%d</td>"
              + "<td>%.5f</td><td class=\"s\">%s</td></tr>%n", Html.escape(r.getAs("method")), r.<Double>getAs("floor"),
          r.<Double>getAs("a"), r.<Double>getAs("b"), r.<Long>getAs("items"), r.<Double>getAs("max_abs_diff_vs_mllib"),
          r.getAs("converged")));
    }
    h.append("</table>\n<p class=\"meta\">MLlib and lib's binned fit estimate the same no-floor logistic: their curves"
        + " must agree; the floored form is the simulator's and recovers its truth.</p>\n");
  }

  private static String flops(double log10) {
    return Double.isFinite(log10) ? String.format(Locale.ROOT, "%.2e", Math.pow(10, log10)) : "none";
  }

  private static void table(StringBuilder h, StructType schema, List<Row> rows) {
    h.append("<table><thead><tr>");
    for (String f : schema.fieldNames()) {
      h.append("<th>").append(Html.escape(f)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (Row r : rows) {
      h.append("<tr>");
      for (String f : schema.fieldNames()) {
        Object v = r.getAs(f);
        boolean text = v instanceof String || v instanceof Boolean;
        h.append(text ? "<td class=\"s\">" : "<td>").append(Html.escape(format(v))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        return String.valueOf(d);
      }
      double a = Math.abs(d);
      return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.4e", d) : String.format(Locale.ROOT, "%.5g", d);
    }
    return String.valueOf(v);
  }
}
