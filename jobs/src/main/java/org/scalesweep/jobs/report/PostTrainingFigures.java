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
import org.knowm.xchart.XYChart;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.law.Overoptimization;
import org.scalesweep.law.ScaleRlSigmoid;

/** Figures of the post-training study: HHH scaling by technique, RM over-optimisation, ScaleRL. */
public final class PostTrainingFigures {
  private static final List<String> METRICS = List.of("helpful", "harmless", "honest");

  private PostTrainingFigures() {}

  public static List<Figure> write(Tables t, FileSystem fs, Path dir) throws IOException {
    Map<String, Double> est = new TreeMap<>();
    t.get(Outputs.FITS).forEach(r -> est.put(s(r, "statistic"), d(r, "estimate")));
    List<Figure> out = new ArrayList<>();
    out.add(hhh(t, fs, dir));
    for (String tag : List.of("bon", "rl")) {
      out.add(overoptimization(t, fs, dir, tag, est));
    }
    out.add(scaleRl(t, fs, dir, est));
    return out;
  }

  private static Figure hhh(Tables t, FileSystem fs, Path dir) throws IOException {
    List<Row> pts = t.where(AlignmentFigures.POINT_MEANS, r -> "hhh".equals(s(r, "experiment")));
    double size = pts.stream().mapToDouble(r -> d(r, "params")).max().orElse(Double.NaN);
    XYChart c = Charts.xy(String.format(Locale.ROOT, "HHH error after post-training, N = %.2g", size),
        "post-training compute", "error rate", true, true);
    int k = 0;
    for (int m = 0; m < METRICS.size(); m++) {
      for (int tech = 0; tech < 2; tech++) {
        final int mm = m;
        final int tt = tech;
        List<Row> rs = pts.stream().filter(r -> d(r, "params") == size && d(r, "metric") == mm && d(r, "technique") == tt)
            .sorted((a, b) -> Double.compare(d(a, "post_training_compute"), d(b, "post_training_compute"))).toList();
        double[] x = rs.stream().mapToDouble(r -> d(r, "post_training_compute")).toArray();
        double[] y = rs.stream().mapToDouble(r -> d(r, "loss")).toArray();
        Charts.line(c, METRICS.get(m) + (tech == 1 ? " RLHF" : " SFT"), x, y, Charts.color(m), tech == 0, true);
        Charts.points(c, "p" + k++, x, y, Charts.color(m)).setShowInLegend(false);
      }
    }
    Charts.write(c, fs, dir, "hhh-error");
    return new Figure("post-training", "hhh-error", "HHH error rates vs post-training compute for SFT (dashed) and"
        + " RLHF (solid) at the largest base model: the slopes are γ of Eq. 2.");
  }

  private static Figure overoptimization(Tables t, FileSystem fs, Path dir, String tag, Map<String, Double> est)
      throws IOException {
    String exp = tag.equals("bon") ? "rm-best-of-n" : "rm-rl";
    Overoptimization.Method method = tag.equals("bon") ? Overoptimization.Method.BEST_OF_N : Overoptimization.Method.RL;
    XYChart c = Charts.xy("Reward-model over-optimisation, " + (tag.equals("bon") ? "best-of-n" : "RL"),
        "d = sqrt(KL)", "gold reward", false, false);
    List<Row> pts = t.where(AlignmentFigures.POINT_MEANS, r -> exp.equals(s(r, "experiment")));
    double[] sizes = pts.stream().mapToDouble(r -> d(r, "rm_params")).distinct().sorted().toArray();
    for (int k = 0; k < sizes.length; k++) {
      double size = sizes[k];
      List<Row> rs = pts.stream().filter(r -> d(r, "rm_params") == size)
          .sorted((a, b) -> Double.compare(d(a, "distance"), d(b, "distance"))).toList();
      double[] x = rs.stream().mapToDouble(r -> d(r, "distance")).toArray();
      String label = String.format(Locale.ROOT, "RM %.0e", size);
      Charts.points(c, label, x, rs.stream().mapToDouble(r -> d(r, "loss")).toArray(), Charts.color(k));
      String key = String.format(Locale.ROOT, "rm_%s_%.0e", tag, size).replace("+", "");
      Double a = est.get(key + "_alpha");
      Double b = est.get(key + "_beta");
      if (a != null && b != null && Double.isFinite(a) && Double.isFinite(b) && x.length > 1) {
        Overoptimization law = new Overoptimization(method, a, b);
        double[] gx = new double[40];
        for (int i = 0; i < gx.length; i++) {
          gx[i] = x[0] + (x[x.length - 1] - x[0]) * i / (gx.length - 1);
        }
        Charts.line(c, label + " fit", gx, Arrays.stream(gx).map(law::at).toArray(), Charts.color(k), false, false);
      }
    }
    Charts.write(c, fs, dir, "rm-" + tag);
    return new Figure("post-training", "rm-" + tag, "Gold reward vs d for proxy reward models of four sizes with the"
        + " fitted " + (tag.equals("bon") ? "d(α − βd)" : "d(α − β ln d)") + " forms; larger RMs peak later and higher.");
  }

  private static Figure scaleRl(Tables t, FileSystem fs, Path dir, Map<String, Double> est) throws IOException {
    XYChart c = Charts.xy("ScaleRL: fit on low compute, check high compute", "RL compute", "reward", true, false);
    List<Row> pts = t.where(AlignmentFigures.POINT_MEANS, r -> "scalerl".equals(s(r, "experiment")));
    for (int held = 0; held < 2; held++) {
      final int h = held;
      List<Row> rs = pts.stream().filter(r -> d(r, "held_out") == h).toList();
      Charts.points(c, held == 1 ? "held out" : "fitted on", rs.stream().mapToDouble(r -> d(r, "compute")).toArray(),
          rs.stream().mapToDouble(r -> d(r, "loss")).toArray(), Charts.color(held));
    }
    double[] cs = pts.stream().mapToDouble(r -> d(r, "compute")).sorted().toArray();
    Double r0 = est.get("scalerl_R0");
    if (r0 != null && Double.isFinite(r0) && cs.length > 1) {
      ScaleRlSigmoid law = new ScaleRlSigmoid(r0, est.get("scalerl_A"), est.get("scalerl_B"),
          Math.pow(10, est.get("scalerl_log10_Cmid")));
      double[] gx = Charts.logGrid(cs[0], cs[cs.length - 1], 60);
      Charts.line(c, "fit (extrapolated)", gx, Arrays.stream(gx).map(law::at).toArray(), Charts.color(2), false, true);
    }
    Charts.write(c, fs, dir, "scalerl");
    return new Figure("post-training", "scalerl", "ScaleRL's sigmoid fitted on the low-compute runs (R0 measured)"
        + " and extrapolated to the held-out high-compute runs.");
  }
}
