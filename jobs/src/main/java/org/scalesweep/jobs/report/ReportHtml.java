package org.scalesweep.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.fit.SampleMoments;
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
    FindingsBlock.render(h, study, t);
    Study.BootstrapSettings bs = study.bootstrap();
    h.append(String.format(Locale.ROOT, "<p class=\"meta\">config hash %s · seed %d · %d replicates · %d resamples "
            + "(%s scheme, clusters by %s, %s weights) · %s intervals at %.0f%% · sign test at α = %s</p>\n",
        study.configHash().substring(0, 12), study.seed(), study.replicates(), bs.resamples(), bs.scheme().key(),
        bs.clusterBy().key(), bs.weights().key(), bs.interval().key(), 100 * bs.level(), bs.alpha()));

    h.append("<p><a href=\"dashboard.html\">Interactive dashboard</a> (selectors, tooltips, sortable Δβ forest plot)</p>\n");
    h.append("<h2>Overall loss and the compute-optimal frontier</h2>\n");
    allocationTable(h, study, t);
    figures(h, figures, Study.OVERALL);

    for (Study.CaseStudy cs : study.caseStudies()) {
      h.append("<h2>").append(Html.escape(cs.name())).append("</h2>\n");
      if (!cs.description().isBlank()) {
        h.append("<p>").append(Html.escape(cs.description())).append("</p>\n");
      }
      if (!cs.published().isBlank()) {
        h.append(study.ingested() ? "<p><b>Published:</b> "
            : "<p><b>Published</b> (an input of this simulation's truth: finding it again is recovery, not"
                + " reproduction): ").append(Html.escape(cs.published())).append("</p>\n");
      }
      List<Row> sig = t.where(Outputs.SIGNIFICANCE, r -> cs.name().equals(r.getAs("study")) && !UnpairedTable.is(r));
      if (cs.pairing().paired()) {
        comparison(h, study, cs, sig);
      }
      UnpairedTable.render(h, cs, t.where(Outputs.SIGNIFICANCE, r -> cs.name().equals(r.getAs("study"))
          && UnpairedTable.is(r)));
      parity(h, cs, t);
      anchors(h, study, cs, t);
      correlation(h, study, cs, sig);
      crossovers(h, study, cs, t);
      calibration(h, cs, t);
      figures(h, figures, cs.name());
    }

    glossary(h);
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

  private static void allocationTable(StringBuilder h, Study study, Tables t) {
    List<Row> a2 = t.where(Outputs.FITS, r -> "approach2".equals(r.getAs("law")) && "a".equals(r.getAs("param")));
    if (a2.isEmpty()) {
      return;
    }
    double level = study.bootstrap().level();
    h.append(String.format(Locale.ROOT, "<table><tr><th>corpus</th><th>a (N* ∝ F^a), Approach 2</th><th>b (D* ∝ F^b),"
        + " Approach 2</th><th>a + b</th><th>a, Approach 3</th><th>b, Approach 3</th><th>D*/N* at the largest budget"
        + "</th><th>flags</th></tr>%n"));
    List<String> notes = new ArrayList<>();
    for (Row r : a2) {
      String corpus = r.getAs("corpus");
      AllocationExponents.Exponent a = AllocationExponents.approach2(t, corpus, "a", level);
      AllocationExponents.Exponent b = AllocationExponents.approach2(t, corpus, "b", level);
      AllocationExponents.Exponent a3 = AllocationExponents.approach3(t, corpus, "a");
      AllocationExponents.Exponent b3 = AllocationExponents.approach3(t, corpus, "b");
      Row last = t.where(Outputs.FRONTIER, x -> corpus.equals(x.getAs("corpus")) && Study.OVERALL.equals(x.getAs("subgroup"))
          && Boolean.TRUE.equals(x.getAs("usable"))).stream()
          .max(java.util.Comparator.comparingDouble(x -> Tables.d(x, "budget"))).orElse(null);
      double ratio = last == null ? Double.NaN : Tables.d(last, "tokens_opt") / Tables.d(last, "params_opt");
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
              + "<td>%s</td><td>%s</td><td class=\"s\">%s</td></tr>%n", Html.escape(corpus), exponent(a), exponent(b),
          AllocationExponents.format(a.estimate() + b.estimate()), AllocationExponents.format(a3.estimate()),
          AllocationExponents.format(b3.estimate()), Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f at %s",
              ratio, FindingsBlock.flops(Math.log10(Tables.d(last, "budget")))) : "", Html.escape(a.flags())));
      if (Double.isFinite(ratio)) {
        notes.add(String.format(Locale.ROOT, "%s: %.1f tokens per parameter at %s FLOPs%s", corpus, ratio,
            FindingsBlock.flops(Math.log10(Tables.d(last, "budget"))), Math.abs(Math.log10(ratio / 20)) > Math.log10(2)
                ? " — far from the ≈ 20 of the Chinchilla rule of thumb, so this grid's optimum is not Chinchilla's"
                : " — close to the ≈ 20 of the Chinchilla rule of thumb"));
      }
    }
    String method = AllocationExponents.approach2(t, a2.get(0).getAs("corpus"), "a", level).method();
    h.append("</table>\n<p class=\"meta\">Approach 2: per-budget parabolas of the overall loss in log10 N and log10 D"
        + " and the slopes of their optima on log10 F; ").append(Html.escape(method.startsWith("t")
        ? String.format(Locale.ROOT, "intervals at %.0f%%: least-squares t-intervals of those slopes across budgets"
            + " (they treat each budget's optimum as exact, so they are too narrow when the parabolas are noisy)",
            100 * level) : method.isEmpty() ? "no interval (too few budgets)" : "intervals: bootstrap percentile"))
        .append(". Approach 3: the joint law E + A/N^α + B/D^β fitted to every run, a = β/(α+β), b = α/(α+β)."
        + " The legend of the frontier figure prints these same numbers. If N*·D* ∝ F held exactly, a + b would be 1"
        + " whatever constant the FLOP count uses (forward 2ND or training 6ND: a constant factor moves intercepts, not"
        + " exponents); a + b − 1 measures how far the two parabolas' separate optima are from lying on one compute"
        + " contour (noise, vertices clamped at the edge of the sampled sizes).</p>\n");
    if (!notes.isEmpty()) {
      h.append("<p>").append(Html.escape(String.join("; ", notes))).append(".</p>\n");
    }
  }

  private static String exponent(AllocationExponents.Exponent e) {
    return Double.isFinite(e.low()) ? AllocationExponents.format(e.estimate()) + " [" + AllocationExponents.format(e.low())
        + ", " + AllocationExponents.format(e.high()) + "]" : AllocationExponents.format(e.estimate());
  }

  /** Parity compute of every contrast: resolved ones with their interval, the rest flagged unresolved. */
  private static void parity(StringBuilder h, Study.CaseStudy cs, Tables t) {
    List<Row> rows = t.where(Outputs.PARITY_CSV, r -> cs.name().equals(r.getAs("study")));
    if (rows.isEmpty()) {
      return;
    }
    h.append("<table><tr><th>treatment</th><th>corpus</th><th>G at the smallest → largest budget</th>")
        .append("<th>parity compute F (G = 1)</th><th>interval</th><th>status</th></tr>\n");
    for (Row r : rows) {
      boolean resolved = Boolean.TRUE.equals(r.getAs("resolved"));
      String shape = r.getAs("ci_shape");
      String interval = switch (shape) {
        case "bounded" -> "[" + FindingsBlock.flops(Tables.d(r, "ci_low")) + ", " + FindingsBlock.flops(Tables.d(r, "ci_high"))
            + "]";
        case "rays" -> "≤ " + FindingsBlock.flops(Tables.d(r, "ci_low")) + " or ≥ " + FindingsBlock.flops(Tables.d(r, "ci_high"));
        case "unbounded" -> "anywhere";
        default -> "not estimable";
      };
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td class=\"s\">%s</td><td class=\"s\">%s</td>"
              + "<td>%s</td><td>%s</td><td class=\"s%s\">%s</td></tr>%n", Html.escape(r.getAs("treatment")),
          Html.escape(r.getAs("corpus")), Html.escape(FindingsBlock.endpoints(r)),
          resolved ? FindingsBlock.flops(Tables.d(r, "log10_parity")) : "—", Html.escape(interval),
          resolved ? "" : " bad", resolved ? "resolved" : "unresolved"));
    }
    h.append("</table>\n<p class=\"meta\">Parity compute F = γ^(−1/Δβ), where the fitted G(F) = γ·F^Δβ reaches 1; its"
        + " interval is the Fieller-type set from the bootstrap draws of (log10 γ, Δβ). Unresolved: the set is not an"
        + " interval inside the studied budgets, so the data do not locate parity; the figures draw no marker for it.</p>\n");
  }

  private static void glossary(StringBuilder h) {
    h.append("<h2 id=\"glossary\">Glossary</h2>\n<dl class=\"glossary\">\n");
    String[][] terms = {
        {"F, compute", "Training compute of a budget in forward-pass FLOPs (2·N·D; a third of the 6·N·D that counts the"
            + " backward pass too)."},
        {"frontier, compute-optimal point", "At each budget, the model size N* and token count D* that minimise the"
            + " loss (vertex of a parabola through the IsoFLOP curve)."},
        {"E(F) = α·F^−β", "A subgroup's loss at the compute-optimal points as a power law of compute."},
        {"G(F), relative loss", "E_treatment / E_baseline = γ·F^Δβ; G = 1.29 reads \"29% more loss than the"
            + " baseline\", written +29%."},
        {"Δβ", "β_baseline − β_treatment, the exponent of G. Negative: G falls with compute (a gap narrows)."},
        {"γ", "G at F = 1 FLOP (the intercept of the relative law)."},
        {"parity compute", "The F where G = 1: F = γ^(−1/Δβ)."},
        {"crossover", "The F where two treatments' relative curves cross."},
        {"Fieller-type set", "A confidence set for a ratio (here a log crossover or parity compute): an interval when the"
            + " denominator is clearly non-zero, else two rays or the whole line (unresolved)."},
        {"p", "Two-sided bootstrap p-value of Δβ's sign; at its floor 2/(B+1) for B resamples it is written ≤ floor."},
        {"q (Benjamini–Hochberg)", "p adjusted for the number of contrasts in a case study; q < α controls the false"
            + " discovery rate. ★ marks contrasts with q < α."},
        {"Holm", "A stricter adjustment that controls the chance of any false positive."},
        {"percentile, BCa", "Two bootstrap interval methods; \"methods disagree\" flags a contrast where one excludes 0"
            + " and the other does not."},
        {"Approach 2, Approach 3", "The Chinchilla paper's two ways to get the allocation exponents: parabolas per"
            + " budget (2), or one joint law E + A/N^α + B/D^β fitted to every run (3)."},
        {"seed", "The study's random seed: every random stream (simulation, resamples) is keyed by it."},
        {"lack of fit", "A test that γ·F^Δβ describes the per-budget ratios; when it rejects, Δβ is an average slope."}};
    for (String[] term : terms) {
      h.append("<dt>").append(Html.escape(term[0])).append("</dt><dd>").append(Html.escape(term[1])).append("</dd>\n");
    }
    h.append("</dl>\n");
  }

  private static void comparison(StringBuilder h, Study study, Study.CaseStudy cs, List<Row> sig) {
    h.append("<table><tr><th>treatment</th><th>corpus</th><th>true Δβ</th><th>ours Δβ</th><th>difference</th>")
        .append("<th>interval</th><th>p</th><th>q (BH)</th><th>interval methods</th><th>sign recovered</th>")
        .append("<th>interval covers truth</th><th>G change per 10× F</th><th>published</th></tr>\n");
    for (Row r : sig) {
      double est = r.getAs("delta_beta");
      Object truthObj = r.getAs("true_delta_beta");
      double truth = truthObj == null ? Double.NaN : ((Number) truthObj).doubleValue();
      boolean significant = FindingsBlock.survives(r);
      String recovered = !Double.isFinite(truth) ? "" : truth == 0 ? (significant ? "false positive" : "null kept")
          : significant ? (Math.signum(est) == Math.signum(truth) ? "yes" : "WRONG SIGN") : "not significant";
      Object covers = r.getAs("covers_truth");
      String published = cs.subgroup(r.getAs("treatment")).published();
      h.append(significant ? "<tr class=\"sig\">" : "<tr>");
      boolean disagree = FindingsBlock.methodsDisagree(r);
      h.append(String.format(Locale.ROOT, "<td class=\"s\">%s</td><td class=\"s\">%s</td><td>%+.4f</td><td>%+.4f</td>"
              + "<td>%+.4f</td><td>[%+.4f, %+.4f]</td><td>%s</td><td>%.3g%s</td><td class=\"s%s\">%s</td>"
              + "<td class=\"s%s\">%s</td><td class=\"s%s\">%s</td><td>%+.2f%%</td><td class=\"s\">%s</td></tr>%n",
          Html.escape(r.getAs("treatment")), Html.escape(r.getAs("corpus")), truth, est, est - truth, r.<Double>getAs("ci_low"),
          r.<Double>getAs("ci_high"), Html.escape(FindingsBlock.pValue(r)), Tables.d(r, "q_value"),
          significant ? " " + FindingsBlock.SURVIVES : "", disagree ? " bad" : "",
          disagree ? "methods disagree" : "agree", recovered.equals("WRONG SIGN")
              || recovered.equals("false positive") ? " bad" : "", recovered, Boolean.FALSE.equals(covers) ? " bad" : "",
          covers == null ? "" : covers.toString(), 100 * (Math.pow(10, est) - 1), Html.escape(published)));
    }
    h.append("</table>\n<p class=\"meta\">Significant here means surviving Benjamini–Hochberg (q &lt; α, ★). G change per"
        + " 10× F: 10^Δβ − 1, with the sign of Δβ (negative: the relative loss falls). Published statements that quote"
        + " \"per 10×\" with the opposite sign (positive when the gap closes) are shown as published. Interval methods:"
        + " whether the percentile and BCa intervals agree on excluding 0."
        + (study.ingested() ? "" : " The published column states what the truth was set from: a match recovers an input,"
            + " it does not reproduce the paper (docs/STUDIES.md, \"Published statements\", lists which figures were not"
            + " inputs).")
        + "</p>\n");
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
      if (!cs.pairing().paired() && !cs.sweeps().isEmpty() && !cs.sweeps().contains(corpus.name())) {
        continue; // a sweep the unpaired case study does not compare (simulated at another's values)
      }
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
    h.append("<table><tr><th>corpus</th><th>Pearson R (subgroup covariate, ours G change per 10× F)</th>")
        .append("<th>Pearson R (subgroup covariate, truth G change per 10× F)</th><th>treatments</th></tr>\n");
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
        ours.add(-r.<Double>getAs("change_per_decade"));
        truth.add(-new RelativeLaw(1, g.deltaBetaFor(corpus.name())).changePerDecade());
      }
      double[] c = cov.stream().mapToDouble(Double::doubleValue).toArray();
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>%n",
          Html.escape(corpus.name()), SampleMoments.pearson(c, ours.stream().mapToDouble(Double::doubleValue).toArray()),
          SampleMoments.pearson(c, truth.stream().mapToDouble(Double::doubleValue).toArray()), c.length));
    }
    h.append("</table>\n<p class=\"meta\">Subgroup covariate: the value each subgroup carries in the configuration"
        + " (key covariate; its meaning is the preset's, see its description).</p>\n");
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
      boolean resolved = crossoverResolved(r, lo, hi);
      String shape = r.getAs("ci_shape");
      String interval = "bounded".equals(shape) ? "[" + flops(r.<Double>getAs("ci_low")) + ", "
          + flops(r.<Double>getAs("ci_high")) + "]" : "rays".equals(shape) ? "≤ " + flops(r.<Double>getAs("ci_low"))
          + " or ≥ " + flops(r.<Double>getAs("ci_high")) : String.valueOf(shape);
      lines.add(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td class=\"s\">%s / %s</td><td>%s</td>"
              + "<td>%s</td><td class=\"s%s\">%s</td><td>%s</td><td>%d/%d</td></tr>%n", Html.escape(corpus), Html.escape(a),
          Html.escape(b), resolved ? flops(r.<Double>getAs("log10_crossover")) : "—", Html.escape(interval),
          resolved ? "" : " bad", resolved ? "resolved" : "unresolved", flops(truth), r.<Integer>getAs("valid_resamples"),
          r.<Integer>getAs("resamples")));
    }
    if (lines.isEmpty()) {
      return;
    }
    h.append("<p>Crossovers inside the studied budgets (estimated or true):</p>\n<table><tr><th>corpus</th>")
        .append("<th>treatments</th><th>ours F×</th><th>interval</th><th>status</th><th>truth F×</th><th>valid resamples"
            + "</th></tr>\n");
    lines.forEach(h::append);
    h.append("</table>\n<p class=\"meta\">Unresolved: the confidence set is not an interval inside the studied budgets"
        + " (two rays, the whole line, or wider than the budgets), so the data do not locate the crossover; its estimate"
        + " is not printed and no figure or dashboard panel draws it.</p>\n");
  }

  /** A crossover is located when its set is a bounded interval inside the budgets [lo, hi] (log10 FLOPs). */
  static boolean crossoverResolved(Row r, double lo, double hi) {
    return "bounded".equals(r.getAs("ci_shape")) && Tables.d(r, "ci_low") >= lo && Tables.d(r, "ci_high") <= hi;
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
        .append("<th>max |Δp| vs exact</th><th>converged</th></tr>\n");
    for (Row r : rows) {
      h.append(String.format(Locale.ROOT, "<tr><td class=\"s\">%s</td><td>%.2f</td><td>%.4f</td><td>%.4f</td><td>%d</td>"
              + "<td>%.5f</td><td class=\"s\">%s</td></tr>%n", Html.escape(r.getAs("method")), r.<Double>getAs("floor"),
          r.<Double>getAs("a"), r.<Double>getAs("b"), r.<Long>getAs("items"), r.<Double>getAs("max_abs_diff_vs_mllib"),
          r.getAs("converged")));
    }
    h.append("</table>\n<p class=\"meta\">The exact maximum likelihood fit over every item (lib-logistic-exact, the"
        + " reference of the |Δp| column), the fit on items binned by ln loss and, when the cross-check is on, MLlib's"
        + " logistic regression estimate the same floor-less logistic: their curves must agree; having no floor, they"
        + " predict accuracy below chance at"
        + " high loss. The floored form is the simulator's and recovers its truth.</p>\n");
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
