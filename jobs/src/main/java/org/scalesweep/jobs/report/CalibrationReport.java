package org.scalesweep.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.report.CalibrationFigures.Rate;
import org.scalesweep.jobs.table.Csv;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/** report/ of calibrate and power: index.html with the tables and figures, and the tables as CSV. */
public final class CalibrationReport {
  private static final String[] METHODS = {"percentile", "bca", "expanded"};

  private CalibrationReport() {}

  /** The calibration page; returns the number of figures. */
  public static int calibration(Outputs outputs, Study study, List<Row> summary) {
    StringBuilder h = head("Calibration of " + study.name(), study);
    return page(outputs, study, h, OutputTables.CALIBRATION_SUMMARY.schema(), summary, Outputs.CALIBRATION_SUMMARY, dir -> {
      List<Figure> figs = new ArrayList<>();
      List<Row> pooledNull = where(summary, r -> "all".equals(r.getAs("statistic")) && "null".equals(r.getAs("truth")));
      List<Row> pooledStudy = where(summary, r -> "all".equals(r.getAs("statistic")) && "study".equals(r.getAs("truth"))
          && "delta_beta".equals(r.getAs("kind")));
      if (!pooledNull.isEmpty()) {
        h.append("<h2>False-positive rate of the Δβ sign test</h2>\n<p>Null truth: every contrast's Δβ set to 0, "
            + "everything else as in the study. A replicate is a false positive when p &lt; α. Rates pool the "
            + "contrasts of each scheme (contrasts of one replicate share its baseline, so the pooled interval is "
            + "somewhat too narrow; per-contrast rows are below).</p>\n");
        table(h, pooledNull, List.of("scheme", "replicates", "false-positive rate", "95% interval", "verdict",
            "SE ratio", "coverage: percentile", "BCa", "expanded", "bias", "RMSE", "lack-of-fit rate"),
            r -> List.of(s(r, "scheme"), i(r, "replicates"),
            f(r, "false_positive_rate"), range(r, "ci_low", "ci_high"), verdict(r, study.bootstrap().alpha()),
            f(r, "se_ratio"), f(r, "coverage_percentile"), f(r, "coverage_bca"), f(r, "coverage_expanded"),
            f(r, "bias"), f(r, "rmse"), f(r, "lack_of_fit_rate")));
        figs.add(CalibrationFigures.rates("false_positive_rate", "False-positive rate at alpha = "
            + study.bootstrap().alpha(), "rate", pooledNull.stream().map(r -> s(r, "scheme")).toList(),
            Map.of("null truth", pooledNull.stream().map(r -> rate(r, "false_positive_rate", "ci_low", "ci_high"))
                .toList()), study.bootstrap().alpha(), "False-positive rate per scheme with its exact 95% interval; "
                + "the line is the nominal rate.", outputs.fs(), dir));
      }
      if (!pooledStudy.isEmpty()) {
        h.append("<h2>Under the study's truths</h2>\n<p>Power: significant with the true sign (true Δβ ≠ 0 only). "
            + "Coverage: intervals holding the true Δβ (for a subgroup with its own joint law, the slope of the "
            + "noiseless sweep). Bias: mean Δβ̂ − Δβ; RMSE: root mean squared error of Δβ̂. Lack-of-fit rate: "
            + "replicates whose F-test rejects the relative law across budgets at α (about α when the law holds).</p>\n");
        table(h, pooledStudy, List.of("scheme", "replicates", "power", "coverage: percentile", "95% interval", "BCa",
            "expanded", "SE ratio", "bias", "RMSE", "lack-of-fit rate"), r -> List.of(s(r, "scheme"),
            i(r, "replicates"), f(r, "power"),
            f(r, "coverage_percentile"), range(r, "coverage_percentile_low", "coverage_percentile_high"),
            f(r, "coverage_bca"), f(r, "coverage_expanded"), f(r, "se_ratio"), f(r, "bias"), f(r, "rmse"),
            f(r, "lack_of_fit_rate")));
        List<Row> misfit = where(pooledStudy, r -> r.getAs("lack_of_fit_rate") != null
            && r.<Double>getAs("lack_of_fit_rate") > 2 * study.bootstrap().alpha());
        if (!misfit.isEmpty()) {
          h.append("<p><b>Lack of fit:</b> the relative law γ·F^Δβ is rejected in more than twice α of the "
              + "replicates: Δβ is then an average slope over the studied budgets, not a constant exponent, and "
              + "its bias and coverage above are what this misspecification costs (docs/CALIBRATION.md, "
              + "\"What breaks the test\").</p>\n");
        }
      }
      List<Row> pooled = new ArrayList<>(pooledNull);
      pooled.addAll(pooledStudy);
      List<Row> law = where(summary, r -> "law".equals(r.getAs("kind")) && !"all".equals(r.getAs("statistic")));
      if (!law.isEmpty()) {
        h.append("<h2>Coverage of the law parameters' 95% intervals</h2>\n");
        table(h, law, List.of("statistic", "truth", "replicates", "percentile", "95% interval", "BCa", "95% interval",
            "expanded", "95% interval", "SE ratio", "bias"), r -> List.of(s(r, "statistic"), f(r, "true_value"),
            i(r, "replicates"), f(r, "coverage_percentile"), range(r, "coverage_percentile_low",
            "coverage_percentile_high"), f(r, "coverage_bca"), range(r, "coverage_bca_low", "coverage_bca_high"),
            f(r, "coverage_expanded"), range(r, "coverage_expanded_low", "coverage_expanded_high"), f(r, "se_ratio"),
            f(r, "bias")));
        pooled = law;
      }
      Map<String, List<Rate>> coverage = new LinkedHashMap<>();
      for (Row r : pooled) {
        String name = law.isEmpty() ? s(r, "scheme") + " (" + s(r, "truth") + ")" : s(r, "statistic");
        List<Rate> v = new ArrayList<>();
        for (String m : METHODS) {
          v.add(rate(r, "coverage_" + m, "coverage_" + m + "_low", "coverage_" + m + "_high"));
        }
        coverage.put(name, v);
      }
      if (!coverage.isEmpty()) {
        figs.add(CalibrationFigures.rates("coverage", "Coverage of 95% intervals", "coverage", List.of(METHODS),
            coverage, study.bootstrap().level(), "Coverage per interval method with exact 95% intervals; the line is "
                + "the nominal level.", outputs.fs(), dir));
      }
      h.append("<h2>Every cell</h2>\n");
      table(h, where(summary, r -> !"all".equals(r.getAs("statistic"))), List.of("truth", "scheme", "study", "corpus",
          "statistic", "true value", "replicates", "false-positive rate", "power", "coverage: percentile", "BCa",
          "expanded", "SE ratio"), r -> List.of(s(r, "truth"), s(r, "scheme"), s(r, "study"), s(r, "corpus"),
          s(r, "statistic"), f(r, "true_value"), i(r, "replicates"), f(r, "false_positive_rate"), f(r, "power"),
          f(r, "coverage_percentile"), f(r, "coverage_bca"), f(r, "coverage_expanded"), f(r, "se_ratio")));
      return figs;
    });
  }

  /** The power page; returns the number of figures. */
  public static int power(Outputs outputs, Study study, String subject, List<Row> power, List<Row> smallest,
      double target) {
    StringBuilder h = head("Power of the Δβ sign test: " + subject, study);
    return page(outputs, study, h, OutputTables.POWER.schema(), power, Outputs.POWER, dir -> {
      h.append(String.format(Locale.ROOT, "<h2>Smallest design reaching %.0f%% power</h2>\n<p>Fewest training runs "
          + "(configurations × seeds), then fewest items.</p>\n", 100 * target));
      table(h, smallest, List.of("true Δβ", "change per 10x", "design", "runs", "power", "95% interval"),
          r -> List.of(f(r, "effect"), pct(r, "change_per_decade"), s(r, "design"), r.isNullAt(r.fieldIndex("runs"))
              ? "none of the designs" : i(r, "runs"), f(r, "power"), range(r, "power_low", "power_high")));
      h.append("<h2>Power per design</h2>\n");
      table(h, power, List.of("design", "runs", "true Δβ", "power", "95% interval", "wrong sign"),
          r -> List.of(s(r, "design"), i(r, "runs"), f(r, "effect"), f(r, "power"), range(r, "power_low", "power_high"),
              i(r, "wrong_sign")));
      double[] effects = power.stream().mapToDouble(r -> r.<Double>getAs("effect")).distinct().sorted().toArray();
      Map<String, double[]> curves = new LinkedHashMap<>();
      for (Row r : power) {
        double[] c = curves.computeIfAbsent(s(r, "design"), k -> new double[effects.length]);
        c[java.util.Arrays.binarySearch(effects, r.<Double>getAs("effect"))] = r.getAs("power");
      }
      return List.of(CalibrationFigures.power("power", "Power, " + subject, effects, curves, target,
          "Probability of declaring the true sign at p < alpha against the true delta-beta, per design; the line "
              + "is the target.", outputs.fs(), dir));
    });
  }

  interface Body {
    List<Figure> write(Path figures) throws IOException;
  }

  static int page(Outputs outputs, Study study, StringBuilder h, StructType schema, List<Row> rows,
      String table, Body body) {
    Path tmp = outputs.tmpPath(Outputs.REPORT);
    try {
      Path figDir = new Path(tmp, "figures");
      outputs.fs().mkdirs(figDir);
      List<Figure> figs = body.write(figDir);
      h.append("<h2>Figures</h2>\n");
      for (Figure fig : figs) {
        h.append(Html.figure(fig));
      }
      h.append("<p class=\"meta\">Tables: <a href=\"").append(Outputs.csvName(table)).append("\">")
          .append(Outputs.csvName(table)).append("</a> (and ").append(table).append(" beside report/).</p>\n")
          .append("</body></html>\n");
      outputs.writeUtf8(new Path(tmp, Outputs.csvName(table)), Csv.of(schema, rows));
      outputs.writeUtf8(new Path(tmp, "index.html"), h.toString());
      outputs.stage(tmp, Outputs.REPORT);
      return figs.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StringBuilder head(String title, Study study) {
    StringBuilder h = Html.page(title, title);
    Study.BootstrapSettings b = study.bootstrap();
    h.append(String.format(Locale.ROOT, "<p class=\"meta\">config hash %s · seed %d · %d seed replicates per "
            + "configuration · clusters by %s · %s weights · sign test at α = %s · %.0f%% intervals</p>\n",
        study.configHash().substring(0, 12), study.seed(), study.replicates(), b.clusterBy().key(), b.weights().key(),
        b.alpha(), 100 * b.level()));
    return h;
  }

  interface Cells {
    List<String> of(Row r);
  }

  static void table(StringBuilder h, List<Row> rows, List<String> header, Cells cells) {
    h.append("<table><tr>");
    header.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
    h.append("</tr>\n");
    for (Row r : rows) {
      h.append("<tr>");
      cells.of(r).forEach(c -> h.append("<td>").append(Html.escape(c)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  /** Conservative / nominal / anti-conservative from the false-positive rate's interval. */
  static String verdict(Row r, double alpha) {
    double lo = r.getAs("ci_low");
    double hi = r.getAs("ci_high");
    return hi < alpha ? "conservative" : lo > alpha ? "anti-conservative" : "nominal";
  }

  private static List<Row> where(List<Row> rows, Predicate<Row> p) {
    return rows.stream().filter(p).toList();
  }

  private static Rate rate(Row r, String v, String lo, String hi) {
    return new Rate(r.getAs(v), r.getAs(lo), r.getAs(hi));
  }

  static String s(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? "" : v.toString();
  }

  static String i(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? "" : v.toString();
  }

  static String f(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? "" : String.format(Locale.ROOT, "%.4g", (Double) v);
  }

  static String pct(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? "" : String.format(Locale.ROOT, "%+.2f%%", 100 * (Double) v);
  }

  static String range(Row r, String lo, String hi) {
    Object a = r.getAs(lo);
    Object b = r.getAs(hi);
    return a == null || b == null ? "" : String.format(Locale.ROOT, "[%.4g, %.4g]", (Double) a, (Double) b);
  }
}
