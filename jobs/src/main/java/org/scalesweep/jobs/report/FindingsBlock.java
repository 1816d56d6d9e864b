package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.Tables.d;
import static org.scalesweep.jobs.report.Tables.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Outputs;

/**
 * The top of a study report, what a reader should get in ten seconds: per case study a Δβ heat map
 * (treatment × corpus, diverging colour, a mark where the contrast survives Benjamini–Hochberg control
 * within the case study), three sentences (which contrasts narrow, which widen, where parity is
 * reached), the recovery of the simulation's truth where there is one, and the per-contrast sentences
 * folded away.
 */
final class FindingsBlock {
  /** The mark of a contrast that survives multiplicity control. */
  static final String SURVIVES = "★";

  private FindingsBlock() {}

  /** Whether a significance row survives Benjamini–Hochberg control at the study's alpha (q_value < alpha). */
  static boolean survives(Row r) {
    double q = d(r, "q_value");
    return Double.isFinite(q) && q < d(r, "alpha") && Double.isFinite(d(r, "delta_beta"));
  }

  static void render(StringBuilder h, Study study, Tables t) {
    h.append("<section class=\"findings\">\n<h2>Findings</h2>\n");
    h.append("<p class=\"meta\">Sign convention, used everywhere in this report and the dashboard: Δβ = β<sub>baseline"
        + "</sub> − β<sub>treatment</sub>, the exponent of the relative loss G(F) = E<sub>treatment</sub>/E<sub>baseline"
        + "</sub> = γ·F<sup>Δβ</sup>. <b>Δβ &lt; 0</b> (green): G falls with compute, the treatment improves faster than"
        + " the baseline and a gap to it <b>narrows</b>. <b>Δβ &gt; 0</b> (purple): G rises, a gap <b>widens</b>. "
        + SURVIVES + ": the sign survives Benjamini–Hochberg control over the case study's contrasts (q &lt; α). Terms:"
        + " see the <a href=\"#glossary\">glossary</a>.</p>\n");
    for (Study.CaseStudy cs : study.caseStudies()) {
      List<Row> sig = t.where(Outputs.SIGNIFICANCE, r -> cs.name().equals(s(r, "study")) && !UnpairedTable.is(r));
      List<Row> parity = t.where(Outputs.PARITY_CSV, r -> cs.name().equals(s(r, "study")));
      h.append("<h3>").append(Html.escape(cs.name())).append(" <small>vs ").append(Html.escape(cs.baseline()))
          .append("</small></h3>\n");
      heatMap(h, study, cs, sig, parity);
      h.append("<p class=\"three\">");
      for (String sentence : sentences(cs, sig, parity)) {
        h.append(Html.escape(sentence)).append(' ');
      }
      h.append("</p>\n");
      String recovery = recovery(sig);
      if (!recovery.isEmpty()) {
        h.append("<p class=\"meta\">").append(Html.escape(recovery)).append("</p>\n");
      }
      List<String> prose = Findings.of(sig);
      h.append("<details><summary>Per-contrast sentences (").append(prose.size()).append(")</summary><ul>\n");
      for (String f : prose) {
        h.append("<li>").append(Html.escape(f)).append("</li>\n");
      }
      h.append("</ul></details>\n");
    }
    h.append("</section>\n");
  }

  /** Treatment rows × corpus columns, each cell Δβ on a diverging scale, with the survivor mark and parity. */
  private static void heatMap(StringBuilder h, Study study, Study.CaseStudy cs, List<Row> sig, List<Row> parity) {
    double max = sig.stream().mapToDouble(r -> Math.abs(d(r, "delta_beta"))).filter(Double::isFinite).max().orElse(0);
    h.append("<table class=\"heat\"><tr><th>treatment</th>");
    for (Study.Corpus c : study.corpora()) {
      h.append("<th>").append(Html.escape(c.name())).append("</th>");
    }
    h.append("</tr>\n");
    for (Study.SubgroupSpec g : cs.subgroups()) {
      if (g.name().equals(cs.baseline())) {
        continue;
      }
      h.append("<tr><th class=\"s\"><span class=\"swatch\" style=\"background:")
          .append(SubgroupColors.hex(SubgroupColors.of(cs).get(g.name()))).append("\"></span>")
          .append(Html.escape(g.name())).append("</th>");
      for (Study.Corpus c : study.corpora()) {
        Row r = sig.stream().filter(x -> g.name().equals(s(x, "treatment")) && c.name().equals(s(x, "corpus")))
            .findFirst().orElse(null);
        if (r == null || !Double.isFinite(d(r, "delta_beta"))) {
          h.append("<td class=\"na\">not estimable</td>");
          continue;
        }
        double db = d(r, "delta_beta");
        Row p = parity.stream().filter(x -> g.name().equals(s(x, "treatment")) && c.name().equals(s(x, "corpus")))
            .findFirst().orElse(null);
        String title = String.format(Locale.ROOT, "Δβ %+.4f [%+.4f, %+.4f], p %s, q %.3g", db, d(r, "ci_low"),
            d(r, "ci_high"), pValue(r), d(r, "q_value"));
        h.append("<td style=\"background:").append(diverging(db, max))
            .append(max > 0 && Math.abs(db) / max > 0.6 ? ";color:#fff" : "").append("\" title=\"").append(Html.escape(title))
            .append("\">").append(String.format(Locale.ROOT, "%+.4f", db)).append(survives(r) ? " " + SURVIVES : "");
        if (p != null) {
          h.append("<br><small>").append(Html.escape(endpoints(p))).append("</small>");
          if (Boolean.TRUE.equals(p.getAs("resolved"))) {
            h.append("<br><small>parity ").append(flops(d(p, "log10_parity"))).append("</small>");
          }
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n<p class=\"meta\">Cells: Δβ (colour scale ±").append(String.format(Locale.ROOT, "%.3g", max))
        .append("), then G at the smallest → largest budget as the treatment's loss relative to the baseline's, and the"
            + " parity compute (G = 1) where it is resolved inside the budgets. Hover a cell for its interval, p and q.</p>\n");
  }

  /** The three sentences: which narrow, which widen (after BH), where parity is reached. */
  static List<String> sentences(Study.CaseStudy cs, List<Row> sig, List<Row> parity) {
    List<String> out = new ArrayList<>();
    int n = (int) sig.stream().filter(r -> Double.isFinite(d(r, "delta_beta"))).count();
    String narrow = list(sig.stream().filter(r -> survives(r) && d(r, "delta_beta") < 0).toList());
    String widen = list(sig.stream().filter(r -> survives(r) && d(r, "delta_beta") > 0).toList());
    out.add(String.format(Locale.ROOT, "Narrowing with compute (Δβ < 0, surviving Benjamini–Hochberg over the %d "
        + "contrasts of %s): %s.", n, cs.name(), narrow.isEmpty() ? "none" : narrow));
    out.add("Widening with compute (Δβ > 0, surviving): " + (widen.isEmpty() ? "none" : widen) + ".");
    List<String> reached = new ArrayList<>();
    for (Row p : parity) {
      if (Boolean.TRUE.equals(p.getAs("resolved"))) {
        reached.add(String.format(Locale.ROOT, "%s on %s at %s FLOPs [%s, %s]", s(p, "treatment"), s(p, "corpus"),
            flops(d(p, "log10_parity")), flops(d(p, "ci_low")), flops(d(p, "ci_high"))));
      }
    }
    long unresolved = parity.size() - reached.size();
    // point estimates inside the budgets whose set is not: parity may lie there, the data do not locate it
    List<String> near = new ArrayList<>();
    for (Row p : parity) {
      double x = d(p, "log10_parity");
      if (!Boolean.TRUE.equals(p.getAs("resolved")) && x >= Math.log10(d(p, "budget_low"))
          && x <= Math.log10(d(p, "budget_high"))) {
        near.add(String.format(Locale.ROOT, "%s on %s (estimate %s)", s(p, "treatment"), s(p, "corpus"), flops(x)));
      }
    }
    out.add("Parity with " + cs.baseline() + " (G = 1) inside the studied budgets: "
        + (reached.isEmpty() ? "none" : String.join("; ", reached)) + (unresolved > 0
        ? String.format(Locale.ROOT, " (unresolved for %s %d contrasts: the interval is not bounded inside the "
            + "budgets%s).", reached.isEmpty() ? "all" : "the other", unresolved, near.isEmpty() ? ""
            : "; estimated inside but not located: " + String.join(", ", near)) : "."));
    return out;
  }

  private static String list(List<Row> rows) {
    Map<String, List<String>> byTreatment = rows.stream().collect(Collectors.groupingBy(r -> s(r, "treatment"),
        java.util.LinkedHashMap::new, Collectors.mapping(r -> s(r, "corpus"), Collectors.toList())));
    return byTreatment.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
        .collect(Collectors.joining(", "));
  }

  /** Against the simulation's truth: signs recovered, false positives, coverage; "" for ingested data. */
  static String recovery(List<Row> sig) {
    List<Row> withTruth = sig.stream().filter(r -> r.getAs("true_delta_beta") != null).toList();
    if (withTruth.isEmpty()) {
      return "";
    }
    int nonNull = 0;
    int recovered = 0;
    int wrong = 0;
    int nulls = 0;
    int falsePos = 0;
    int covers = 0;
    for (Row r : withTruth) {
      double truth = d(r, "true_delta_beta");
      boolean surv = survives(r);
      double est = d(r, "delta_beta");
      if (truth == 0) {
        nulls++;
        falsePos += surv ? 1 : 0;
      } else {
        nonNull++;
        recovered += surv && Math.signum(est) == Math.signum(truth) ? 1 : 0;
        wrong += surv && Math.signum(est) != Math.signum(truth) ? 1 : 0;
      }
      covers += Boolean.TRUE.equals(r.getAs("covers_truth")) ? 1 : 0;
    }
    return String.format(Locale.ROOT, "Against the simulation's truth: %d of %d non-zero true Δβ recovered with the "
        + "right sign after BH, %d with the wrong sign; %d of %d true nulls declared significant; the interval holds "
        + "the true Δβ for %d of %d contrasts.", recovered, nonNull, wrong, falsePos, nulls, covers, withTruth.size());
  }

  /** G at the smallest → largest budget in the published form: "+29% → +5%" (loss relative to the baseline). */
  static String endpoints(Row p) {
    return String.format(Locale.ROOT, "G(%s) → G(%s): %s → %s", flops(Math.log10(d(p, "budget_low"))),
        flops(Math.log10(d(p, "budget_high"))), percent(d(p, "g_at_low")), percent(d(p, "g_at_high")));
  }

  static String percent(double g) {
    if (!Double.isFinite(g)) {
      return "n/a";
    }
    double pct = 100 * (g - 1);
    return Math.abs(pct) < 9.95 ? String.format(Locale.ROOT, "%+.1f%%", pct) : String.format(Locale.ROOT, "%+.0f%%", pct);
  }

  /** A p-value as printed: at the bootstrap's floor 2/(V+1), "≤ floor" (the floor's value), never an exact number. */
  static String pValue(Row r) {
    double p = d(r, "p_value");
    Object v = r.getAs("valid_resamples");
    if (!Double.isFinite(p)) {
      return "n/a";
    }
    if (v != null) {
      double floor = 2.0 / (((Number) v).doubleValue() + 1);
      if (p <= floor * (1 + 1e-9)) {
        return "≤ " + String.format(Locale.ROOT, "%.2g", floor);
      }
    }
    return String.format(Locale.ROOT, p < 0.01 ? "%.2g" : "%.3f", p);
  }

  /** Whether the percentile and BCa intervals disagree on excluding 0 (the sign's significance). */
  static boolean methodsDisagree(Row r) {
    double pl = d(r, "pct_low");
    double ph = d(r, "pct_high");
    double bl = d(r, "bca_low");
    double bh = d(r, "bca_high");
    if (!(Double.isFinite(pl) && Double.isFinite(ph) && Double.isFinite(bl) && Double.isFinite(bh))) {
      return false;
    }
    return (pl > 0 || ph < 0) != (bl > 0 || bh < 0);
  }

  /** A compute as "3.1e19" from its log10 ("none" when not finite). */
  static String flops(double log10) {
    if (!Double.isFinite(log10)) {
      return "none";
    }
    return String.format(Locale.ROOT, "%.2g", Math.pow(10, log10)).replace("e+", "e");
  }

  /** Purple–white–green diverging colour: green for Δβ &lt; 0 (narrows), purple for &gt; 0 (widens). */
  static String diverging(double v, double max) {
    double x = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0;
    int[] end = x < 0 ? new int[] {27, 120, 55} : new int[] {118, 42, 131};
    double w = Math.abs(x) * 0.75;
    int r = (int) Math.round(255 + (end[0] - 255) * w);
    int g = (int) Math.round(255 + (end[1] - 255) * w);
    int b = (int) Math.round(255 + (end[2] - 255) * w);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
