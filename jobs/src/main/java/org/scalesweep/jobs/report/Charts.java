package org.scalesweep.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
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
  static final Color SIGNIFICANT = new Color(0, 114, 178);
  static final Color NOT_SIGNIFICANT = new Color(160, 160, 160);

  private Charts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  static XYChart xy(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    XYChart c = new XYChartBuilder().width(760).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    Styler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setAntiAlias(true);
    s.setSeriesColors(PALETTE);
    c.getStyler().setXAxisLogarithmic(logX);
    c.getStyler().setYAxisLogarithmic(logY);
    c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    c.getStyler().setMarkerSize(6);
    return c;
  }

  static XYSeries points(XYChart c, String name, double[] x, double[] y, Color color) {
    double[][] xy = finite(x, y);
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
    double[][] xy = finite(x, y);
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
