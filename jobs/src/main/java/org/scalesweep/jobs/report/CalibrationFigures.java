package org.scalesweep.jobs.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;

/**
 * Figures of calibrate and power: rates with their exact binomial intervals per category (false
 * positives per scheme, coverage per interval method) against the nominal rate, and power curves
 * against the 80% target.
 */
public final class CalibrationFigures {
  /** A rate and its interval. */
  public record Rate(double rate, double low, double high) {}

  private CalibrationFigures() {}

  /**
   * Points with interval bars: one series per key of {@code series}, one value per category, and a
   * horizontal line at the nominal rate.
   */
  public static Figure rates(String file, String title, String yTitle, List<String> categories,
      Map<String, List<Rate>> series, double nominal, String caption, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy(title, "", yTitle, false, false);
    // categories are written under their points: XChart's tick labels cannot be pinned to integers
    double lo = nominal;
    double hi = nominal;
    for (List<Rate> v : series.values()) {
      for (Rate r : v) {
        lo = Math.min(lo, r.low());
        hi = Math.max(hi, r.high());
      }
    }
    double pad = 0.08 * Math.max(hi - lo, 1e-3);
    c.getStyler().setXAxisMin(-0.5).setXAxisMax(categories.size() - 0.5).setYAxisMin(lo - 2 * pad)
        .setYAxisMax(hi + pad).setXAxisTicksVisible(false);
    for (int k = 0; k < categories.size(); k++) {
      c.addAnnotation(new AnnotationText(categories.get(k), k, lo - pad, false));
    }
    int s = 0;
    for (Map.Entry<String, List<Rate>> e : series.entrySet()) {
      double offset = series.size() == 1 ? 0 : 0.3 * (s / (series.size() - 1.0) - 0.5);
      List<Rate> v = e.getValue();
      double[] x = new double[v.size()];
      double[] y = new double[v.size()];
      for (int k = 0; k < v.size(); k++) {
        x[k] = k + offset;
        y[k] = v.get(k).rate();
        Charts.line(c, e.getKey() + " " + k, new double[] {x[k], x[k]}, new double[] {v.get(k).low(), v.get(k).high()},
            Charts.color(s), false, false);
      }
      Charts.points(c, e.getKey(), x, y, Charts.color(s));
      s++;
    }
    c.addAnnotation(new AnnotationLine(nominal, false, false));
    Charts.write(c, fs, dir, file);
    return new Figure("calibration", file, caption);
  }

  /** Power against true Δβ, one line per design, with the 80% target. */
  public static Figure power(String file, String title, double[] effects, Map<String, double[]> powerByDesign,
      double target, String caption, FileSystem fs, Path dir) throws IOException {
    XYChart c = Charts.xy(title, "true delta-beta", "P(correct sign at p < alpha)", false, false);
    c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    int s = 0;
    for (Map.Entry<String, double[]> e : powerByDesign.entrySet()) {
      Charts.line(c, e.getKey(), effects, e.getValue(), Charts.color(s), false, true);
      Charts.points(c, e.getKey() + " ", effects, e.getValue(), Charts.color(s)).setShowInLegend(false);
      s++;
    }
    c.addAnnotation(new AnnotationLine(target, false, false));
    Charts.write(c, fs, dir, file);
    return new Figure("power", file, caption);
  }
}
