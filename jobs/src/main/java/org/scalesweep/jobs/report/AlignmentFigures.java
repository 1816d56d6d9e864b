package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.Tables.d;
import static org.scalesweep.jobs.report.Tables.s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.law.JointLaw;

/** Seed 000's figures: Experiments 1 and 2 with fits, the frontier, the post-training heatmap, mixtures. */
public final class AlignmentFigures {
  /** Replicate means of runs.parquet per design point. */
  public static final String POINT_MEANS = "point_means";

  private AlignmentFigures() {}

  public static List<Figure> write(Study study, Tables t, FileSystem fs, Path dir) throws IOException {
    Map<String, Double> est = new TreeMap<>();
    t.get(Outputs.FITS).forEach(r -> est.put(s(r, "statistic"), d(r, "estimate")));
    List<Figure> out = new ArrayList<>();
    out.add(axis(t, fs, dir, "model-size", "params", "model size N", "exp1", est.get("exp1_E"), est.get("exp1_A"),
        est.get("exp1_alpha"), "Experiment 1: alignment loss vs model size at D = 1e6 with E + A/N^alpha."));
    out.add(axis(t, fs, dir, "data", "tokens", "alignment data D", "exp2", est.get("exp2_E"), est.get("exp2_B"),
        est.get("exp2_beta"), "Experiment 2: alignment loss vs alignment data at N = 6.9B with E + B/D^beta."));
    out.add(frontier(study, t, fs, dir, est));
    out.add(heatmap(study, t, fs, dir));
    out.add(mixtures(t, fs, dir));
    return out;
  }

  private static Figure axis(Tables t, FileSystem fs, Path dir, String experiment, String column, String xTitle,
      String file, double e, double a, double alpha, String caption) throws IOException {
    XYChart c = Charts.xy(caption.substring(0, caption.indexOf(':')), xTitle, "alignment loss", true, true);
    List<Row> pts = t.where(POINT_MEANS, r -> experiment.equals(s(r, "experiment")));
    double[] x = pts.stream().mapToDouble(r -> d(r, column)).toArray();
    Charts.points(c, "5-seed mean", x, pts.stream().mapToDouble(r -> d(r, "loss")).toArray(), Charts.color(0));
    if (Double.isFinite(e) && x.length > 1) {
      double[] gx = Charts.logGrid(Arrays.stream(x).min().orElseThrow(), Arrays.stream(x).max().orElseThrow(), 40);
      Charts.line(c, "fit", gx, Arrays.stream(gx).map(v -> e + a * Math.pow(v, -alpha)).toArray(), Charts.color(1),
          false, true);
    }
    Charts.write(c, fs, dir, file);
    return new Figure("alignment", file, caption);
  }

  private static Figure frontier(Study study, Tables t, FileSystem fs, Path dir, Map<String, Double> est)
      throws IOException {
    XYChart c = Charts.xy("Experiment 3: compute-optimal frontier", "compute C = 6ND", "N*, D*", true, true);
    List<Row> f = t.get(Outputs.FRONTIER);
    double[] b = f.stream().mapToDouble(r -> d(r, "budget")).toArray();
    Charts.points(c, "N* (Approach 2)", b, f.stream().mapToDouble(r -> d(r, "params_opt")).toArray(), Charts.color(0));
    Charts.points(c, "D* (Approach 2)", b, f.stream().mapToDouble(r -> d(r, "tokens_opt")).toArray(), Charts.color(1));
    JointLaw truth = study.alignment().truth().law().align();
    if (b.length > 1) {
      double[] gx = Charts.logGrid(b[0], b[b.length - 1], 30);
      Charts.line(c, "N* truth (a = " + String.format(Locale.ROOT, "%.3f", truth.allocationExponentN()) + ")", gx,
          Arrays.stream(gx).map(truth::optimalParams).toArray(), Charts.color(0), true, true);
      Charts.line(c, "D* truth", gx, Arrays.stream(gx).map(truth::optimalTokens).toArray(), Charts.color(1), true, true);
    }
    Charts.write(c, fs, dir, "exp3-frontier");
    return new Figure("alignment", "exp3-frontier", String.format(Locale.ROOT, "Experiment 3: Approach 2 optima per budget "
        + "(a = %.4f, b = %.4f) against the truth's closed form.", est.getOrDefault("a", Double.NaN),
        est.getOrDefault("b", Double.NaN)));
  }

  private static Figure heatmap(Study study, Tables t, FileSystem fs, Path dir) throws IOException {
    double n = study.alignment().design().postTrainingSizes().contains(6.9e9) ? 6.9e9
        : study.alignment().design().postTrainingSizes().get(0);
    List<Row> pts = t.where(POINT_MEANS, r -> "post-training".equals(s(r, "experiment")) && d(r, "params") == n);
    double[] ds = pts.stream().mapToDouble(r -> d(r, "tokens")).distinct().sorted().toArray();
    double[] cs = pts.stream().mapToDouble(r -> d(r, "post_training_compute")).distinct().sorted().toArray();
    List<String> xs = Arrays.stream(ds).mapToObj(v -> v == 0 ? "0" : String.format(Locale.ROOT, "%.0e", v)).toList();
    List<String> ys = Arrays.stream(cs).mapToObj(v -> String.format(Locale.ROOT, "%.0e", v)).toList();
    List<Number[]> cells = new ArrayList<>();
    for (Row r : pts) {
      int i = Arrays.binarySearch(ds, d(r, "tokens"));
      int j = Arrays.binarySearch(cs, d(r, "post_training_compute"));
      cells.add(new Number[] {i, j, Math.round(1000 * Math.log10(d(r, "loss"))) / 1000.0});
    }
    HeatMapChart c = new HeatMapChartBuilder().width(760).height(500)
        .title(String.format(Locale.ROOT, "Experiment 4: log10 total loss at N = %.2g", n))
        .xAxisTitle("alignment data D (tokens)").yAxisTitle("post-training compute").build();
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    c.getStyler().setShowValue(true);
    c.getStyler().setRangeColors(new java.awt.Color[] {new java.awt.Color(0, 90, 160), new java.awt.Color(240, 240, 240),
        new java.awt.Color(200, 60, 20)});
    c.addSeries("log10 loss", xs, ys, cells);
    Charts.write(c, fs, dir, "exp4-heatmap");
    return new Figure("alignment", "exp4-heatmap", "Experiment 4: post-training interaction (Eq. 2) — log10 of the"
        + " 5-seed mean total loss; more alignment data and more post-training compute both lower it.");
  }

  private static Figure mixtures(Tables t, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy("Experiment 5: fixed-mixture effectiveness", "model size N", "1 - L(mix)/L(none)", true, false);
    List<Row> pts = t.where(POINT_MEANS, r -> "mixture".equals(s(r, "experiment")));
    Map<Double, Double> none = new TreeMap<>();
    pts.stream().filter(r -> d(r, "mixture") == 0).forEach(r -> none.put(d(r, "params"), d(r, "loss")));
    double[] ratios = pts.stream().mapToDouble(r -> d(r, "mixture")).filter(m -> m > 0).distinct().sorted().toArray();
    for (int k = 0; k < ratios.length; k++) {
      double m = ratios[k];
      List<Row> rs = pts.stream().filter(r -> d(r, "mixture") == m).sorted((a, b) -> Double.compare(d(a, "params"),
          d(b, "params"))).toList();
      double[] x = rs.stream().mapToDouble(r -> d(r, "params")).toArray();
      double[] y = rs.stream().mapToDouble(r -> 1 - d(r, "loss") / none.get(d(r, "params"))).toArray();
      Charts.line(c, String.format(Locale.ROOT, "%.2g%%", 100 * m), x, y, Charts.color(k), false, true);
      Charts.points(c, "pts " + k, x, y, Charts.color(k)).setShowInLegend(false);
    }
    Charts.write(c, fs, dir, "exp5-mixtures");
    return new Figure("alignment", "exp5-mixtures", "Experiment 5: relative improvement over no alignment data for"
        + " each mixture ratio across model sizes (20 tokens per parameter).");
  }
}
