package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.Tables.d;
import static org.scalesweep.jobs.report.Tables.eq;
import static org.scalesweep.jobs.report.Tables.s;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.scalesweep.fit.LineSums;
import org.scalesweep.fit.Parabola;
import org.scalesweep.fit.QuadraticSums;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Outputs;

/**
 * The relative-scaling figures of seed 003: IsoFLOP curves with parabolas and optima, the
 * frontier N*(C) and D*(C), loss vs compute per subgroup with fitted laws, relative curves G(F)
 * with bootstrap bands, and a Δβ forest plot coloured by significance.
 */
public final class RelativeFigures {
  /** The replicate-averaged run table the report collects (runs_summary.csv). */
  static final String RUN_MEANS = RunsSummary.CSV;

  private RelativeFigures() {}

  public static List<Figure> write(Study study, Tables t, FileSystem fs, Path dir) throws IOException {
    List<FigureTasks.Task> out = new ArrayList<>();
    for (Study.Corpus corpus : study.corpora()) {
      out.add(() -> isoflop(corpus.name(), t, fs, dir));
      out.add(() -> frontier(corpus.name(), t, fs, dir));
      out.add(() -> tokensPerParameter(corpus.name(), t, fs, dir));
    }
    for (Study.CaseStudy cs : study.caseStudies()) {
      for (Study.Corpus corpus : study.corpora()) {
        out.add(() -> lossVsCompute(cs, corpus.name(), t, fs, dir));
        if (cs.pairing().paired()) {
          out.add(() -> relative(cs, corpus.name(), t, fs, dir));
        }
      }
      if (cs.pairing().paired()) {
        out.add(() -> forest(cs, t, fs, dir, false));
      }
      if (cs.pairing().unpaired() && !t.where(Outputs.SIGNIFICANCE, r -> eq("study", cs.name()).test(r)
          && UnpairedTable.is(r)).isEmpty()) {
        out.add(() -> forest(cs, t, fs, dir, true));
      }
      if (!t.where(Outputs.CALIBRATION, eq("study", cs.name())).isEmpty()) {
        out.add(() -> calibration(cs, t, fs, dir));
      }
    }
    return FigureTasks.run(out);
  }

  private static Figure isoflop(String corpus, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy("IsoFLOP curves, " + corpus, "training tokens D", "overall loss (nats)", true, false);
    List<Row> runs = t.where(RUN_MEANS, r -> corpus.equals(s(r, "corpus")) && Study.OVERALL.equals(s(r, "subgroup")));
    TreeMap<Double, List<Row>> byBudget = new TreeMap<>();
    runs.forEach(r -> byBudget.computeIfAbsent(d(r, "budget"), k -> new ArrayList<>()).add(r));
    int i = 0;
    for (var e : byBudget.entrySet()) {
      List<Row> rs = e.getValue();
      double[] x = rs.stream().mapToDouble(r -> d(r, "tokens")).toArray();
      double[] y = rs.stream().mapToDouble(r -> d(r, "loss")).toArray();
      String label = String.format(Locale.ROOT, "%.0e", e.getKey());
      Charts.points(c, label, x, y, Charts.color(i));
      QuadraticSums q = new QuadraticSums(java.util.Arrays.stream(x).map(Math::log10).average().orElse(0));
      for (int k = 0; k < x.length; k++) {
        q.add(Math.log10(x[k]), y[k], 1);
      }
      Parabola p = Parabola.of(q);
      if (p != null) {
        double lo = java.util.Arrays.stream(x).min().orElseThrow();
        double hi = java.util.Arrays.stream(x).max().orElseThrow();
        double[] gx = Charts.logGrid(lo, hi, 40);
        double[] gy = java.util.Arrays.stream(gx).map(v -> p.at(Math.log10(v))).toArray();
        Charts.line(c, label + " parabola", gx, gy, Charts.color(i), false, false);
      }
      i++;
    }
    List<Row> opt = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && Study.OVERALL.equals(s(r, "subgroup"))
        && Boolean.TRUE.equals(r.getAs("usable")));
    if (!opt.isEmpty()) {
      XYSeries o = Charts.points(c, "optimum D*", opt.stream().mapToDouble(r -> d(r, "tokens_opt")).toArray(),
          opt.stream().mapToDouble(r -> d(r, "loss_opt")).toArray(), java.awt.Color.BLACK);
      o.setMarker(SeriesMarkers.DIAMOND);
    }
    String file = "isoflop-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(Study.OVERALL, file, "IsoFLOP curves on " + corpus
        + ": replicate-mean overall loss of every configuration, the per-budget parabola in log10 D and its optimum.");
  }

  private static Figure frontier(String corpus, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = frontierChart(corpus, t);
    String file = "frontier-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(Study.OVERALL, file, "Frontier on " + corpus + ": compute-optimal N* and D* per budget with"
        + " the Approach 2 allocation exponents a and b of the table above (the legend prints the same numbers).");
  }

  /** The frontier figure's chart: its legend names the exponents as the allocation table prints them. */
  static XYChart frontierChart(String corpus, Tables t) {
    XYChart c = Charts.xy("Compute-optimal frontier, " + corpus, "budget F (forward FLOPs)",
        "N* (parameters), D* (tokens)", true, true);
    List<Row> opt = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && Study.OVERALL.equals(s(r, "subgroup"))
        && Boolean.TRUE.equals(r.getAs("usable")));
    double[] f = opt.stream().mapToDouble(r -> d(r, "budget")).toArray();
    for (String[] col : new String[][] {{"params_opt", "N*", "a"}, {"tokens_opt", "D*", "b"}}) {
      double[] y = opt.stream().mapToDouble(r -> d(r, col[0])).toArray();
      int k = col[0].startsWith("params") ? 0 : 1;
      Charts.points(c, col[1], f, y, Charts.color(k));
      // the legend's exponent is the allocation table's (Approach 2 in fits.parquet), printed alike; the line
      // has that slope through the points' centre in log-log
      AllocationExponents.Exponent e = AllocationExponents.approach2(t, corpus, col[2]);
      double mx = 0;
      double my = 0;
      int n = 0;
      for (int i = 0; i < f.length; i++) {
        if (y[i] > 0) {
          mx += Math.log10(f[i]);
          my += Math.log10(y[i]);
          n++;
        }
      }
      if (n >= 2 && Double.isFinite(e.estimate())) {
        double cx = mx / n;
        double cy = my / n;
        double[] gx = Charts.logGrid(f[0], f[f.length - 1], 20);
        double[] gy = java.util.Arrays.stream(gx).map(v -> Math.pow(10, cy + e.estimate() * (Math.log10(v) - cx)))
            .toArray();
        Charts.line(c, col[1] + " ∝ F^" + AllocationExponents.format(e.estimate()), gx, gy, Charts.color(k), true, true);
      }
    }
    return c;
  }

  /** Tokens over parameters at the optimum, along the frontier: how many tokens per parameter the compute-optimal model trains on. */
  private static Figure tokensPerParameter(String corpus, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy("Tokens per parameter at the optimum, " + corpus, "budget F (forward FLOPs)",
        "D*/N* (tokens per parameter)", true, true);
    List<Row> opt = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && Study.OVERALL.equals(s(r, "subgroup"))
        && Boolean.TRUE.equals(r.getAs("usable")));
    double[] f = opt.stream().mapToDouble(r -> d(r, "budget")).toArray();
    double[] ratio = opt.stream().mapToDouble(r -> d(r, "tokens_opt") / d(r, "params_opt")).toArray();
    Charts.points(c, "D*/N*", f, ratio, Charts.color(0));
    Charts.line(c, "D*/N* line", f, ratio, Charts.color(0), false, false);
    if (f.length > 0) {
      Charts.line(c, "20 tokens per parameter (Chinchilla)", new double[] {f[0], f[f.length - 1]},
          new double[] {20, 20}, Color.DARK_GRAY, true, true);
    }
    String file = "tokens-per-parameter-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(Study.OVERALL, file, "Tokens per parameter D*/N* at each budget's compute-optimal point on "
        + corpus + ", against the ≈ 20 of the Chinchilla rule of thumb (dashed).");
  }

  private static Figure lossVsCompute(Study.CaseStudy cs, String corpus, Tables t, FileSystem fs, Path dir)
      throws IOException {
    XYChart c = Charts.xy(cs.name() + ": loss vs compute, " + corpus, "budget F (forward FLOPs)",
        "loss at the optimum (nats)", true, true);
    Map<String, Color> colors = SubgroupColors.of(cs);
    for (Study.SubgroupSpec sg : cs.subgroups()) {
      Color col = colors.get(sg.name());
      List<Row> pts = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && cs.name().equals(s(r, "study"))
          && sg.name().equals(s(r, "subgroup")) && Boolean.TRUE.equals(r.getAs("usable")));
      double[] f = pts.stream().mapToDouble(r -> d(r, "budget")).toArray();
      double[] e = pts.stream().mapToDouble(r -> d(r, "loss_opt")).toArray();
      Charts.points(c, sg.name(), f, e, col);
      double alpha = param(t, cs.name(), corpus, sg.name(), "power", "alpha");
      double beta = param(t, cs.name(), corpus, sg.name(), "power", "beta");
      if (Double.isFinite(alpha) && Double.isFinite(beta) && f.length > 1) {
        double[] gx = Charts.logGrid(f[0], f[f.length - 1], 20);
        double[] gy = java.util.Arrays.stream(gx).map(v -> alpha * Math.pow(v, -beta)).toArray();
        Charts.line(c, sg.name() + " fit", gx, gy, col, false, false);
      }
    }
    String file = "loss-" + cs.name() + "-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + " on " + corpus + ": each subgroup's loss at the compute-optimal"
        + " points and its fitted E(F) = alpha F^-beta.");
  }

  private static Figure relative(Study.CaseStudy cs, String corpus, Tables t, FileSystem fs, Path dir)
      throws IOException {
    XYChart c = Charts.xy(cs.name() + ": relative to " + cs.baseline() + ", " + corpus, "budget F (forward FLOPs)",
        "G(F) = E_treatment / E_baseline", true, false);
    Map<String, Color> colors = SubgroupColors.of(cs);
    double fLo = Double.POSITIVE_INFINITY;
    double fHi = Double.NEGATIVE_INFINITY;
    for (Study.SubgroupSpec sg : cs.subgroups()) {
      if (sg.name().equals(cs.baseline())) {
        continue;
      }
      Color col = colors.get(sg.name());
      List<Row> curve = t.where(Outputs.RELATIVE_CURVES_CSV, r -> corpus.equals(s(r, "corpus")) && cs.name().equals(s(r, "study"))
          && sg.name().equals(s(r, "treatment")));
      for (Row r : curve) {
        fLo = Math.min(fLo, d(r, "flops"));
        fHi = Math.max(fHi, d(r, "flops"));
      }
      List<Row> observed = curve.stream().filter(r -> r.getAs("observed") != null).toList();
      Charts.points(c, sg.name(), observed.stream().mapToDouble(r -> d(r, "flops")).toArray(),
          observed.stream().mapToDouble(r -> d(r, "observed")).toArray(), col);
      List<Row> fitted = curve.stream().filter(r -> r.getAs("fit") != null && r.getAs("band_low") != null).toList();
      if (fitted.size() > 1) {
        double[] f = fitted.stream().mapToDouble(r -> d(r, "flops")).toArray();
        Charts.line(c, sg.name() + " fit", f, fitted.stream().mapToDouble(r -> d(r, "fit")).toArray(), col,
            false, false);
        Charts.line(c, sg.name() + " low", f, fitted.stream().mapToDouble(r -> d(r, "band_low")).toArray(),
            col, true, false);
        Charts.line(c, sg.name() + " high", f, fitted.stream().mapToDouble(r -> d(r, "band_high")).toArray(),
            col, true, false);
      }
      // parity (G = 1) only where it is located: a bounded set inside the budgets; unresolved ones draw nothing
      for (Row p : t.where(Outputs.PARITY_CSV, r -> corpus.equals(s(r, "corpus")) && cs.name().equals(s(r, "study"))
          && sg.name().equals(s(r, "treatment")) && Boolean.TRUE.equals(r.getAs("resolved")))) {
        XYSeries m = Charts.points(c, sg.name() + " parity", new double[] {Math.pow(10, d(p, "log10_parity"))},
            new double[] {1}, col);
        m.setMarker(SeriesMarkers.DIAMOND);
        m.setShowInLegend(false);
        Charts.line(c, sg.name() + " parity interval", new double[] {Math.pow(10, d(p, "ci_low")),
            Math.pow(10, d(p, "ci_high"))}, new double[] {1, 1}, col, false, false).setLineWidth(4f);
      }
    }
    if (fLo < fHi) {
      Charts.line(c, "G = 1 (parity)", new double[] {fLo, fHi}, new double[] {1, 1}, Color.BLACK, true, true);
    }
    String file = "relative-" + cs.name() + "-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + " on " + corpus + ": relative error G(F) of each treatment against "
        + cs.baseline() + " (points: frontier; line: fitted gamma F^delta-beta; dashed: pointwise bootstrap band; black"
        + " dashed: G = 1; diamond and bar on it: parity compute and its interval, drawn only where resolved).");
  }

  /**
   * Δβ forest of a case study: its paired contrasts, or with {@code unpaired} its corpus-vs-corpus rows
   * (one subgroup between two sweeps, labelled "subgroup / treatment sweep vs baseline sweep").
   */
  private static Figure forest(Study.CaseStudy cs, Tables t, FileSystem fs, Path dir, boolean unpaired)
      throws IOException {
    List<Row> rows = new ArrayList<>(t.where(Outputs.SIGNIFICANCE, r -> eq("study", cs.name()).test(r)
        && UnpairedTable.is(r) == unpaired));
    rows.sort(Comparator.comparing((Row r) -> s(r, "treatment")).thenComparing(r -> s(r, "corpus")));
    XYChart c = Charts.xy(cs.name() + (unpaired ? ": delta-beta between sweeps" : ": delta-beta vs " + cs.baseline()),
        unpaired ? "delta-beta (negative: scales better on the treatment sweep)" : "delta-beta (negative: gap narrows)",
        "", false, false, Math.max(500, 60 + 22 * rows.size()));

    List<String> labels = new ArrayList<>();
    boolean sigLegend = false;
    boolean nsLegend = false;
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      double y = rows.size() - k;
      labels.add(s(r, "treatment") + " / " + s(r, "corpus"));
      boolean sig = FindingsBlock.survives(r);
      java.awt.Color col = sig ? Charts.SIGNIFICANT : Charts.NOT_SIGNIFICANT;
      String name = sig ? "significant (BH q < alpha)" : "not significant";
      boolean legend = sig ? !sigLegend : !nsLegend;
      sigLegend |= sig;
      nsLegend |= !sig;
      Charts.line(c, name + (legend ? "" : " " + k), new double[] {d(r, "ci_low"), d(r, "ci_high")},
          new double[] {y, y}, col, false, legend);
      XYSeries p = Charts.points(c, "est " + k, new double[] {d(r, "delta_beta")}, new double[] {y}, col);
      p.setShowInLegend(false);
      Object truth = r.getAs("true_delta_beta");
      if (truth != null) {
        XYSeries tr = Charts.points(c, "truth " + k, new double[] {((Number) truth).doubleValue()}, new double[] {y},
            java.awt.Color.BLACK);
        tr.setMarker(SeriesMarkers.CROSS);
        tr.setShowInLegend(k == 0);
        if (k == 0) {
          tr.setLabel("truth");
        }
      }
    }
    if (!rows.isEmpty()) {
      Charts.line(c, "zero", new double[] {0, 0}, new double[] {1, rows.size()}, java.awt.Color.DARK_GRAY, true,
          false);
    }
    double lo = 0;
    double hi = 0;
    for (Row r : rows) {
      for (String k : new String[] {"ci_low", "ci_high", "delta_beta"}) {
        double v = d(r, k);
        if (Double.isFinite(v)) { // flagged contrasts have no interval; their rows stay, labelled and empty
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double span = Math.max(hi - lo, 1e-6);
    c.getStyler().setXAxisMin(lo - 0.05 * span);
    c.getStyler().setXAxisMax(hi + 0.05 * span);
    // the rows' labels are the y axis's tick labels: one tick per row
    int n = rows.size();
    c.getStyler().setyAxisTickLabelsFormattingFunction(v -> {
      long k = Math.round(v);
      // XChart refines its ticks until all labels differ: ticks between rows get distinct invisible labels
      return Math.abs(v - k) < 1e-6 && k >= 1 && k <= n ? labels.get((int) (n - k))
          : "\u200B".repeat(1 + (int) Math.abs(Math.round(v * 1000)) % 997);
    });
    // XChart rounds its tick step from the hint: about 0.8 of a row's height gives one tick per row
    c.getStyler().setYAxisTickMarkSpacingHint(Math.max(8, (int) (0.8 * (c.getHeight() - 90) / Math.max(1, n))));
    // no explicit y range: XChart then labels only its two ends; the rows 1..n span the axis (with the plot's margin)
    String file = "forest-" + cs.name() + (unpaired ? "-unpaired" : "");
    Charts.write(c, fs, dir, file);
    if (unpaired) {
      return new Figure(cs.name(), file, cs.name() + ": unpaired delta-beta of every subgroup between separately "
          + "trained sweeps (treatment sweep vs baseline sweep) with its budget-level t interval; vermillion = "
          + "significant after Benjamini-Hochberg control over the unpaired contrasts; x = true delta-beta. "
          + "Delta-beta < 0: the subgroup's loss falls faster on the treatment sweep.");
    }
    return new Figure(cs.name(), file, cs.name() + ": delta-beta of every treatment and corpus with its "
        + "interval; vermillion = sign significant after Benjamini–Hochberg control (q < alpha) (the report's one colour for significant); x = true"
        + " delta-beta of the simulation. Delta-beta < 0: the treatment's gap to the baseline narrows with compute.");
  }

  private static Figure calibration(Study.CaseStudy cs, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy(cs.name() + ": loss -> accuracy", "loss (nats)", "accuracy (share of items right)", false,
        false);
    List<Row> runs = t.where(RUN_MEANS, r -> cs.name().equals(s(r, "study")) && r.getAs("accuracy") != null);
    double[] x = runs.stream().mapToDouble(r -> d(r, "loss")).toArray();
    double[] acc = runs.stream().mapToDouble(r -> d(r, "accuracy")).toArray();
    Charts.points(c, "runs (subgroup mean)", x, acc, new Color(200, 200, 200)).setMarker(SeriesMarkers.CIRCLE);
    // binned: runs sorted by loss in groups of equal count, mean accuracy ± 2 standard errors per bin
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    int bins = Math.min(10, x.length / 3);
    double[] bx = new double[bins];
    double[] by = new double[bins];
    for (int b = 0; b < bins; b++) {
      int from = b * x.length / bins;
      int to = (b + 1) * x.length / bins;
      double sx = 0;
      double sy = 0;
      double syy = 0;
      for (int k = from; k < to; k++) {
        sx += x[order[k]];
        sy += acc[order[k]];
        syy += acc[order[k]] * acc[order[k]];
      }
      int n = to - from;
      bx[b] = sx / n;
      by[b] = sy / n;
      double se = n > 1 ? Math.sqrt(Math.max(0, (syy - n * by[b] * by[b]) / (n - 1)) / n) : 0;
      Charts.line(c, "bin " + b, new double[] {bx[b], bx[b]}, new double[] {by[b] - 2 * se, by[b] + 2 * se},
          Color.BLACK, false, false);
    }
    if (bins > 0) {
      Charts.points(c, "binned runs (mean ± 2 se)", bx, by, Color.BLACK).setMarker(SeriesMarkers.SQUARE);
    }
    double lo = java.util.Arrays.stream(x).min().orElse(0.5);
    double hi = java.util.Arrays.stream(x).max().orElse(5);
    double[] gx = Charts.logGrid(lo / 1.5, hi * 1.5, 60);
    int i = 0;
    double chance = cs.accuracy() != null ? cs.accuracy().floor() : Double.NaN;
    for (Row r : t.where(Outputs.CALIBRATION, eq("study", cs.name()))) {
      if (!Double.isFinite(d(r, "a"))) {
        continue;
      }
      if (!Double.isFinite(chance) && d(r, "floor") > 0) {
        chance = d(r, "floor");
      }
      org.scalesweep.law.SigmoidCalibration law =
          new org.scalesweep.law.SigmoidCalibration(d(r, "floor"), d(r, "a"), d(r, "b"));
      Charts.line(c, s(r, "method"), gx, java.util.Arrays.stream(gx).map(law::at).toArray(), Charts.color(i++),
          s(r, "method").contains("binned"), true);
    }
    if (Double.isFinite(chance)) {
      Charts.line(c, String.format(Locale.ROOT, "chance (%.2f)", chance), new double[] {gx[0], gx[gx.length - 1]},
          new double[] {chance, chance}, Color.DARK_GRAY, true, true);
    }
    String file = "calibration-" + cs.name();
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + ": loss -> accuracy. lib's exact logistic fit over every item,"
        + " lib's fit of the same curve on binned items (cross-check; MLlib's over every item when"
        + " fit.calibration.mllib-check is on) and lib's floored sigmoid; dashed grey: chance"
        + " accuracy (the floor), which the floor-less logistic curves fall below; light grey: run means; black squares:"
        + " run means binned by loss (mean ± 2 standard errors). Run means sit off the item-level curve because items"
        + " differ in difficulty: the mean of a sigmoid is not the sigmoid of the mean.");
  }

  /** A parameter of fits.parquet (frontier fits), NaN when absent. */
  public static double param(Tables t, String study, String corpus, String subgroup, String law, String param) {
    return t.get(Outputs.FITS).stream().filter(r -> study.equals(s(r, "study")) && corpus.equals(s(r, "corpus"))
        && subgroup.equals(s(r, "subgroup")) && law.equals(s(r, "law")) && "frontier".equals(s(r, "fit_on"))
        && param.equals(s(r, "param"))).mapToDouble(r -> d(r, "estimate")).findFirst().orElse(Double.NaN);
  }
}
