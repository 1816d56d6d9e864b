package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.Tables.d;
import static org.scalesweep.jobs.report.Tables.eq;
import static org.scalesweep.jobs.report.Tables.s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.knowm.xchart.AnnotationText;
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
    List<Figure> out = new ArrayList<>();
    for (Study.Corpus corpus : study.corpora()) {
      out.add(isoflop(corpus.name(), t, fs, dir));
      out.add(frontier(corpus.name(), t, fs, dir));
    }
    for (Study.CaseStudy cs : study.caseStudies()) {
      for (Study.Corpus corpus : study.corpora()) {
        out.add(lossVsCompute(cs, corpus.name(), t, fs, dir));
        out.add(relative(cs, corpus.name(), t, fs, dir));
      }
      out.add(forest(cs, t, fs, dir));
      if (!t.where(Outputs.CALIBRATION, eq("study", cs.name())).isEmpty()) {
        out.add(calibration(cs, t, fs, dir));
      }
    }
    return out;
  }

  private static Figure isoflop(String corpus, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy("IsoFLOP curves, " + corpus, "training tokens D", "overall loss", true, false);
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
    XYChart c = Charts.xy("Compute-optimal frontier, " + corpus, "budget F (forward FLOPs)", "N* (params), D* (tokens)",
        true, true);
    List<Row> opt = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && Study.OVERALL.equals(s(r, "subgroup"))
        && Boolean.TRUE.equals(r.getAs("usable")));
    double[] f = opt.stream().mapToDouble(r -> d(r, "budget")).toArray();
    for (String[] col : new String[][] {{"params_opt", "N*"}, {"tokens_opt", "D*"}}) {
      double[] y = opt.stream().mapToDouble(r -> d(r, col[0])).toArray();
      int k = col[0].startsWith("params") ? 0 : 1;
      Charts.points(c, col[1], f, y, Charts.color(k));
      LineSums ls = new LineSums(f.length > 0 ? Math.log10(f[0]) : 0);
      for (int i = 0; i < f.length; i++) {
        if (y[i] > 0) {
          ls.add(Math.log10(f[i]), Math.log10(y[i]), 1);
        }
      }
      if (ls.count() >= 2 && Double.isFinite(ls.slope())) {
        double[] gx = Charts.logGrid(f[0], f[f.length - 1], 20);
        double[] gy = java.util.Arrays.stream(gx).map(v -> Math.pow(10, ls.intercept() + ls.slope() * Math.log10(v)))
            .toArray();
        Charts.line(c, String.format(Locale.ROOT, "%s ∝ F^%.3f", col[1], ls.slope()), gx, gy, Charts.color(k), true, true);
      }
    }
    String file = "frontier-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(Study.OVERALL, file, "Frontier on " + corpus + ": compute-optimal N* and D* per budget with"
        + " their power-law fits (Approach 2 allocation).");
  }

  private static Figure lossVsCompute(Study.CaseStudy cs, String corpus, Tables t, FileSystem fs, Path dir)
      throws IOException {
    XYChart c = Charts.xy(cs.name() + ": loss vs compute, " + corpus, "budget F (forward FLOPs)", "loss at the optimum",
        true, true);
    int i = 0;
    for (Study.SubgroupSpec sg : cs.subgroups()) {
      List<Row> pts = t.where(Outputs.FRONTIER, r -> corpus.equals(s(r, "corpus")) && cs.name().equals(s(r, "study"))
          && sg.name().equals(s(r, "subgroup")) && Boolean.TRUE.equals(r.getAs("usable")));
      double[] f = pts.stream().mapToDouble(r -> d(r, "budget")).toArray();
      double[] e = pts.stream().mapToDouble(r -> d(r, "loss_opt")).toArray();
      Charts.points(c, sg.name(), f, e, Charts.color(i));
      double alpha = param(t, cs.name(), corpus, sg.name(), "power", "alpha");
      double beta = param(t, cs.name(), corpus, sg.name(), "power", "beta");
      if (Double.isFinite(alpha) && Double.isFinite(beta) && f.length > 1) {
        double[] gx = Charts.logGrid(f[0], f[f.length - 1], 20);
        double[] gy = java.util.Arrays.stream(gx).map(v -> alpha * Math.pow(v, -beta)).toArray();
        Charts.line(c, sg.name() + " fit", gx, gy, Charts.color(i), false, false);
      }
      i++;
    }
    String file = "loss-" + cs.name() + "-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + " on " + corpus + ": each subgroup's loss at the compute-optimal"
        + " points and its fitted E(F) = alpha F^-beta.");
  }

  private static Figure relative(Study.CaseStudy cs, String corpus, Tables t, FileSystem fs, Path dir)
      throws IOException {
    XYChart c = Charts.xy(cs.name() + ": relative to " + cs.baseline() + ", " + corpus, "budget F (forward FLOPs)",
        "G(F) = E_t / E_b", true, false);
    int i = 0;
    for (Study.SubgroupSpec sg : cs.subgroups()) {
      if (sg.name().equals(cs.baseline())) {
        continue;
      }
      List<Row> curve = t.where(Outputs.RELATIVE_CURVES_CSV, r -> corpus.equals(s(r, "corpus")) && cs.name().equals(s(r, "study"))
          && sg.name().equals(s(r, "treatment")));
      List<Row> observed = curve.stream().filter(r -> r.getAs("observed") != null).toList();
      Charts.points(c, sg.name(), observed.stream().mapToDouble(r -> d(r, "flops")).toArray(),
          observed.stream().mapToDouble(r -> d(r, "observed")).toArray(), Charts.color(i));
      List<Row> fitted = curve.stream().filter(r -> r.getAs("fit") != null && r.getAs("band_low") != null).toList();
      if (fitted.size() > 1) {
        double[] f = fitted.stream().mapToDouble(r -> d(r, "flops")).toArray();
        Charts.line(c, sg.name() + " fit", f, fitted.stream().mapToDouble(r -> d(r, "fit")).toArray(), Charts.color(i),
            false, false);
        Charts.line(c, sg.name() + " low", f, fitted.stream().mapToDouble(r -> d(r, "band_low")).toArray(),
            Charts.color(i), true, false);
        Charts.line(c, sg.name() + " high", f, fitted.stream().mapToDouble(r -> d(r, "band_high")).toArray(),
            Charts.color(i), true, false);
      }
      i++;
    }
    String file = "relative-" + cs.name() + "-" + corpus;
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + " on " + corpus + ": relative error G(F) of each treatment against "
        + cs.baseline() + " (points: frontier; line: fitted gamma F^delta-beta; dashed: pointwise bootstrap band).");
  }

  private static Figure forest(Study.CaseStudy cs, Tables t, FileSystem fs, Path dir) throws IOException {
    List<Row> rows = new ArrayList<>(t.where(Outputs.SIGNIFICANCE, eq("study", cs.name())));
    rows.sort(Comparator.comparing((Row r) -> s(r, "treatment")).thenComparing(r -> s(r, "corpus")));
    XYChart c = Charts.xy(cs.name() + ": delta-beta vs " + cs.baseline(), "delta-beta (positive: gap widens)", "", false,
        false);

    List<String> labels = new ArrayList<>();
    boolean sigLegend = false;
    boolean nsLegend = false;
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      double y = rows.size() - k;
      labels.add(s(r, "treatment") + " / " + s(r, "corpus"));
      boolean sig = Boolean.TRUE.equals(r.getAs("significant"));
      java.awt.Color col = sig ? Charts.SIGNIFICANT : Charts.NOT_SIGNIFICANT;
      String name = sig ? "significant (p < alpha)" : "not significant";
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
      Charts.line(c, "zero", new double[] {0, 0}, new double[] {0.5, rows.size() + 0.5}, java.awt.Color.DARK_GRAY, true,
          false);
    }
    // row labels as annotations left of the intervals (XChart has no categorical y axis for XY charts)
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
    c.getStyler().setXAxisMin(lo - 0.55 * span);
    c.getStyler().setXAxisMax(hi + 0.05 * span);
    c.getStyler().setYAxisTicksVisible(false);
    for (int k = 0; k < rows.size(); k++) {
      c.addAnnotation(new AnnotationText(labels.get(k), lo - 0.3 * span, rows.size() - k, false));
    }
    c.getStyler().setYAxisMin(0.5);
    c.getStyler().setYAxisMax(rows.size() + 0.5);
    String file = "forest-" + cs.name();
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + ": delta-beta of every treatment and corpus with its "
        + "interval; blue = significant sign at the study's alpha; x = true delta-beta of the simulation.");
  }

  private static Figure calibration(Study.CaseStudy cs, Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy(cs.name() + ": loss -> accuracy", "loss", "accuracy", false, false);
    List<Row> runs = t.where(RUN_MEANS, r -> cs.name().equals(s(r, "study")) && r.getAs("accuracy") != null);
    double[] x = runs.stream().mapToDouble(r -> d(r, "loss")).toArray();
    Charts.points(c, "runs (subgroup mean)", x, runs.stream().mapToDouble(r -> d(r, "accuracy")).toArray(),
        Charts.NOT_SIGNIFICANT).setMarker(SeriesMarkers.CIRCLE);
    double lo = java.util.Arrays.stream(x).min().orElse(0.5);
    double hi = java.util.Arrays.stream(x).max().orElse(5);
    double[] gx = Charts.logGrid(lo / 1.5, hi * 1.5, 60);
    int i = 0;
    for (Row r : t.where(Outputs.CALIBRATION, eq("study", cs.name()))) {
      if (!Double.isFinite(d(r, "a"))) {
        continue;
      }
      org.scalesweep.law.SigmoidCalibration law =
          new org.scalesweep.law.SigmoidCalibration(d(r, "floor"), d(r, "a"), d(r, "b"));
      Charts.line(c, s(r, "method"), gx, java.util.Arrays.stream(gx).map(law::at).toArray(), Charts.color(i++),
          s(r, "method").contains("binned"), true);
    }
    String file = "calibration-" + cs.name();
    Charts.write(c, fs, dir, file);
    return new Figure(cs.name(), file, cs.name() + ": loss -> accuracy. MLlib's logistic regression over every item,"
        + " lib's fit of the same curve on binned items (cross-check) and lib's floored sigmoid; grey: run means (mean item loss vs fraction correct, which sit off the item-level curve because items differ in difficulty).");
  }

  /** A parameter of fits.parquet (frontier fits), NaN when absent. */
  public static double param(Tables t, String study, String corpus, String subgroup, String law, String param) {
    return t.get(Outputs.FITS).stream().filter(r -> study.equals(s(r, "study")) && corpus.equals(s(r, "corpus"))
        && subgroup.equals(s(r, "subgroup")) && law.equals(s(r, "law")) && "frontier".equals(s(r, "fit_on"))
        && param.equals(s(r, "param"))).mapToDouble(r -> d(r, "estimate")).findFirst().orElse(Double.NaN);
  }
}
