package org.scalesweep.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart styling shared by every report figure, and writing PNG + SVG to any Hadoop file system. */
final class Charts {
  /** Colour-blind-safe palette (Okabe–Ito), then greys. */
  static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
      new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66),
      new Color(0, 0, 0), new Color(120, 120, 120), new Color(170, 170, 170), new Color(90, 60, 30)};
  /** The one colour of "significant" in every figure and the dashboard (Okabe–Ito vermillion). */
  static final Color SIGNIFICANT = new Color(213, 94, 0);
  static final Color NOT_SIGNIFICANT = new Color(160, 160, 160);
  /** Axes drawn in log10 coordinates on a linear axis, per chart (see {@link #xy}). */
  private static final Map<XYChart, boolean[]> LOG_AXES = Collections.synchronizedMap(new WeakHashMap<>());

  private Charts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  static XYChart xy(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    return xy(title, xTitle, yTitle, logX, logY, 500);
  }

  static XYChart xy(String title, String xTitle, String yTitle, boolean logX, boolean logY, int height) {
    XYChart c = new XYChartBuilder().width(760).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setAntiAlias(true);
    s.setSeriesColors(PALETTE);
    // XChart labels a log axis at decades only, so a range under a decade (a loss from 2.3 to 3.1) gets one
    // label or none: log axes are drawn instead as linear axes over log10 values, labelled with the values
    LOG_AXES.put(c, new boolean[] {logX, logY});
    if (logX) {
      c.getStyler().setxAxisTickLabelsFormattingFunction(Charts::logTick);
    }
    if (logY) {
      c.getStyler().setyAxisTickLabelsFormattingFunction(Charts::logTick);
    }
    c.getStyler().setXAxisTickMarkSpacingHint(60);
    c.getStyler().setYAxisTickMarkSpacingHint(45);
    c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    c.getStyler().setMarkerSize(6);
    return c;
  }

  /**
   * The label of a tick of a log axis at log10 value {@code v}: three significant digits, in
   * exponent form ("1e18", "3.2e18") outside [0.01, 10⁴).
   */
  static String logTick(double v) {
    double x = Math.pow(10, v);
    if (x >= 1e4 || x < 1e-2) {
      double e = Math.floor(v + 1e-9);
      double m = x / Math.pow(10, e);
      String mant = Math.abs(m - Math.rint(m)) < 0.005 ? String.valueOf((long) Math.rint(m))
          : String.format(Locale.ROOT, "%.2g", m);
      return (mant.equals("1") ? "1" : mant) + "e" + (long) e;
    }
    return String.format(Locale.ROOT, "%.3g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
  }

  /** A data x value in the chart's coordinates (log10 on a log axis). */
  static double x(XYChart c, double v) {
    boolean[] log = LOG_AXES.get(c);
    return log != null && log[0] ? Math.log10(v) : v;
  }

  /** A data y value in the chart's coordinates (log10 on a log axis). */
  static double y(XYChart c, double v) {
    boolean[] log = LOG_AXES.get(c);
    return log != null && log[1] ? Math.log10(v) : v;
  }

  private static double[][] coordinates(XYChart c, double[] x, double[] y) {
    double[] cx = new double[x.length];
    double[] cy = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      cx[i] = x(c, x[i]);
      cy[i] = y(c, y[i]);
    }
    return finite(cx, cy);
  }

  static XYSeries points(XYChart c, String name, double[] x, double[] y, Color color) {
    double[][] xy = coordinates(c, x, y);
    if (xy[0].length == 0) {
      return detached(name); // degenerate studies: nothing to draw, nothing to fail on
    }
    XYSeries s = c.addSeries(name, xy[0], xy[1]);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    if (color != null) {
      s.setMarkerColor(color);
    }
    return s;
  }

  static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, boolean dashed, boolean legend) {
    double[][] xy = coordinates(c, x, y);
    if (xy[0].length == 0) {
      return detached(name);
    }
    XYSeries s = c.addSeries(name, xy[0], xy[1]);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    if (color != null) {
      s.setLineColor(color);
    }
    s.setLineStyle(dashed ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {5f, 4f}, 0f) : new BasicStroke(1.8f));
    s.setShowInLegend(legend);
    return s;
  }

  /**
   * The pairs whose coordinates are both finite: flagged fits carry NaN estimates and intervals,
   * which XChart cannot place on an axis.
   */
  private static double[][] finite(double[] x, double[] y) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      n += Double.isFinite(x[i]) && Double.isFinite(y[i]) ? 1 : 0;
    }
    if (n == x.length) {
      return new double[][] {x, y};
    }
    double[][] out = new double[2][n];
    for (int i = 0, k = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        out[0][k] = x[i];
        out[1][k++] = y[i];
      }
    }
    return out;
  }

  /** A series that belongs to no chart, for callers that style what they asked for. */
  private static XYSeries detached(String name) {
    return new XYSeries(name, new double[] {1}, new double[] {1}, null,
        org.knowm.xchart.internal.series.Series.DataType.Number);
  }

  /** Log-spaced grid from lo to hi. */
  static double[] logGrid(double lo, double hi, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
    }
    return g;
  }

  /** Writes a chart as PNG and SVG under dir. */
  static void write(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, FileSystem fs, Path dir, String file)
      throws IOException {
    if (chart.getSeriesMap().isEmpty() && chart instanceof XYChart xy) {
      // a study whose data left nothing to plot still gets its figure, saying so
      XYSeries s = xy.addSeries("no data", new double[] {1}, new double[] {1});
      s.setMarker(SeriesMarkers.NONE);
      s.setShowInLegend(false);
      xy.setTitle(xy.getTitle() + " (no usable data)");
    }
    try (OutputStream os = fs.create(new Path(dir, file + ".png"), true)) {
      BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
    }
    try (OutputStream os = fs.create(new Path(dir, file + ".svg"), true)) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, os, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
  }

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }
}
