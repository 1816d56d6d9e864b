package org.scalesweep.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table every benchmark prints: its figure, the reference measured in the same run, the ratio
 * and the target. On a shared machine absolute figures move with the neighbours' load; the ratio
 * against a same-run reference is what stays comparable, so every row carries one.
 */
public final class BenchTable {
  /**
   * One benchmark's line.
   *
   * @param benchmark what was measured
   * @param figure the measured figure, with its unit
   * @param reference the same-run reference, with its unit
   * @param ratio figure over reference (as the row defines it)
   * @param target the target in words
   * @param met whether the target is met, null when the row has no target (informational)
   */
  public record Row(String benchmark, String figure, String reference, double ratio, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();

  public BenchTable add(String benchmark, String figure, String reference, double ratio, String target, Boolean met) {
    rows.add(new Row(benchmark, figure, reference, ratio, target, met));
    return this;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** A Markdown table, one line per row. */
  public String markdown() {
    StringBuilder sb = new StringBuilder("| benchmark | figure | same-run reference | ratio | target | met |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      sb.append("| ").append(r.benchmark()).append(" | ").append(r.figure()).append(" | ").append(r.reference())
          .append(" | ").append(fmt(r.ratio())).append(" | ").append(r.target()).append(" | ")
          .append(r.met() == null ? "—" : r.met() ? "yes" : "no").append(" |\n");
    }
    return sb.toString();
  }

  /** A number with three significant digits (plain up to 1e6, scientific beyond). */
  public static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
  }

  /** Median of repeated measurements (the doc reports medians: one slow repetition is a neighbour's build). */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
