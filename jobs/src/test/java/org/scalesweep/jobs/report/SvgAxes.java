package org.scalesweep.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tick labels of an XChart SVG. XChart draws text as glyph outlines, each label a
 * {@code <g transform="translate(x y)">} holding one path; the plot area is the first clip rectangle.
 * A y tick label is a glyph group left of the plot, upright (the axis title is drawn rotated, its outline
 * left of its anchor), at most a line high, centred within the plot's height;
 * x tick labels are the row of glyph groups right under the plot (the axis title lies further down).
 */
final class SvgAxes {
  private static final Pattern CLIP = Pattern.compile(
      "<clipPath id=\"[^\"]+\">\\s*<rect height=\"([\\d.]+)\" width=\"([\\d.]+)\" x=\"([\\d.]+)\" y=\"([\\d.]+)\"");
  private static final Pattern GROUP = Pattern.compile(
      "<g transform=\"translate\\(([-\\d.]+) ([-\\d.]+)\\)\">\\s*<path d=\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern NUMBER_PAIR = Pattern.compile("(-?[\\d.]+),(-?[\\d.]+)");

  /** A glyph group: its anchor and the bounding box of its outline, relative to the anchor. */
  record Label(double x, double y, double minX, double maxX, double minY, double maxY) {
    double height() {
      return maxY - minY;
    }
  }

  private SvgAxes() {}

  static List<Label> labels(String svg) {
    List<Label> out = new ArrayList<>();
    Matcher m = GROUP.matcher(svg);
    while (m.find()) {
      Matcher p = NUMBER_PAIR.matcher(m.group(3));
      double x0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      while (p.find()) {
        double x = Double.parseDouble(p.group(1));
        double y = Double.parseDouble(p.group(2));
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      if (x1 > x0) { // an empty label (a blank string) draws no outline
        out.add(new Label(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), x0, x1, y0, y1));
      }
    }
    return out;
  }

  /** The plot area: {x, y, width, height}. */
  static double[] plot(String svg) {
    Matcher m = CLIP.matcher(svg);
    if (!m.find()) {
      throw new AssertionError("no plot area (clip rectangle) in the SVG");
    }
    return new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(2)),
        Double.parseDouble(m.group(1))};
  }

  /** Number of labelled ticks on the y axis. */
  static int yTickLabels(String svg) {
    double[] p = plot(svg);
    int n = 0;
    for (Label l : labels(svg)) {
      double centre = l.y() + (l.minY() + l.maxY()) / 2;
      if (l.x() + l.maxX() <= p[0] + 1 && l.minX() > -1 && l.height() < 16 && centre >= p[1] - 8 && centre <= p[1] + p[3] + 8) {
        n++;
      }
    }
    return n;
  }

  /** Number of labelled ticks on the x axis: the most populated row of labels under the plot. */
  static int xTickLabels(String svg) {
    double[] p = plot(svg);
    Map<Long, Integer> rows = new TreeMap<>();
    for (Label l : labels(svg)) {
      double top = l.y() + l.minY();
      if (top >= p[1] + p[3] - 1 && l.x() + l.minX() >= p[0] - 40 && l.x() + l.maxX() <= p[0] + p[2] + 40) {
        rows.merge(Math.round(l.y()), 1, Integer::sum);
      }
    }
    return rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
