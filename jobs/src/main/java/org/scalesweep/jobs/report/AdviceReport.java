package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.CalibrationReport.f;
import static org.scalesweep.jobs.report.CalibrationReport.i;
import static org.scalesweep.jobs.report.CalibrationReport.range;
import static org.scalesweep.jobs.report.CalibrationReport.s;
import static org.scalesweep.jobs.report.CalibrationReport.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.knowm.xchart.XYChart;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/**
 * The advisor's report page: the greedy plan step by step, the plan beside the uniform extensions,
 * interval widths per contrast before and after, every candidate ranked, and expected gain against
 * cost.
 */
public final class AdviceReport {
  private AdviceReport() {}

  /** Writes report/index.html (and advice_plan.csv); returns the number of figures. */
  public static int write(Outputs outputs, Study study, String subject, List<Row> plan, List<Row> advice,
      double target) {
    return write(outputs, study, subject, plan, advice, target, null, null);
  }

  /**
   * As above; for an ingested suite also its flags (advice_flags.parquet rows) and a sentence on the
   * generating model ({@code model}, its noise and where it comes from).
   */
  public static int write(Outputs outputs, Study study, String subject, List<Row> plan, List<Row> advice,
      double target, List<Row> flags, String model) {
    StringBuilder h = CalibrationReport.head("Sweep design advice: " + subject, study);
    return CalibrationReport.page(outputs, study, h, OutputTables.ADVICE_PLAN.schema(), plan, Outputs.ADVICE_PLAN,
        dir -> {
          if (model != null) {
            h.append("<p>").append(Html.escape(model)).append("</p>\n");
          }
          if (flags != null) {
            h.append("<h2>What the suite's own data flags</h2>\n<p>Runs whose loss is off their IsoFLOP curve "
                + "(residual from the overall loss's fitted joint law beyond max(3, Φ⁻¹(1 − 0.01/(2n))) sigmas for n "
                + "configurations; sigma the residuals' robust scale and the seed noise of the run's mean in quadrature) are left "
                + "out of the base design and offered as <code>rerun</code> candidates; budgets whose optimum the "
                + "trained sizes do not bracket get <code>extend</code> candidates on the optimum's side.</p>\n");
            if (flags.isEmpty()) {
              h.append("<p>Nothing is flagged.</p>\n");
            } else {
              table(h, flags, List.of("flag", "run", "budget", "value", "threshold", "trained N", "side",
                  "candidate (rank)", "in plan", "why"),
                  r -> List.of(s(r, "flag"), s(r, "run_id"), f(r, "budget"), f(r, "value"), f(r, "threshold"),
                      f(r, "sampled_params_low") + ".." + f(r, "sampled_params_high"), s(r, "side"),
                      s(r, "candidate") + (r.getAs("candidate_rank") == null ? "" : " (" + i(r, "candidate_rank")
                          + ")"), s(r, "in_plan"), s(r, "reason")));
            }
          }
          h.append(String.format(Locale.ROOT, "<p>Expected power and width come from simulated replicate sweeps of "
              + "each design (the study's truth, or the stated effect, as the generating model; fitted and tested as "
              + "the pipeline does). <em>counted</em> is the fraction of replicates significant with the true sign, "
              + "with its exact 95%% interval; <em>expected</em> turns the simulated spread of Δβ̂ and the mean "
              + "interval width into a power (less Monte Carlo noise); <em>screen</em> is the analytical "
              + "approximation that picks which candidates to simulate. Target: %.0f%% power.</p>\n", 100 * target));
          h.append("<h2>Plan beside the uniform extensions</h2>\n");
          List<Row> compare = new ArrayList<>();
          compare.addAll(where(plan, "base"));
          compare.addAll(lastOf(plan, "advisor"));
          compare.addAll(firstReaching(plan, "uniform-seeds"));
          compare.addAll(firstReaching(plan, "uniform-configs"));
          table(h, compare, List.of("plan", "contrast", "design", "added FLOPs", "total FLOPs", "expected power",
              "counted power [95%]", "expected width", "reaches target"),
              r -> List.of(s(r, "plan"), s(r, "contrast"), s(r, "design"), f(r, "cumulative_flops"),
                  f(r, "total_flops"), f(r, "expected_power"), f(r, "power_counted") + " "
                      + range(r, "power_low", "power_high"), f(r, "expected_width"), s(r, "reaches_target")));
          h.append("<h2>Interval width per contrast, before and after the plan</h2>\n<p>With the overall law's "
              + "allocation exponents a (N* ∝ F^a) and b (D* ∝ F^b): 2·z·sd of their Approach 2 estimates over the "
              + "replicate sweeps (what objective <code>allocation</code> reduces).</p>\n");
          List<Row> ba = new ArrayList<>(where(plan, "base"));
          ba.addAll(lastOf(plan, "advisor"));
          table(h, ba, List.of("", "contrast", "true Δβ", "expected width", "expected power",
              "allocation a: width", "allocation b: width"),
              r -> List.of("base".equals(s(r, "plan")) ? "before" : "after", s(r, "contrast"), f(r, "effect"),
                  f(r, "expected_width"), f(r, "expected_power"), f(r, "allocation_width_a"),
                  f(r, "allocation_width_b")));
          h.append("<h2>The plan, step by step</h2>\n<p>Submit <code>grid.parquet</code> (beside report/): one row "
              + "per added run, <code>run_id</code> ending in its seed index.</p>\n");
          table(h, where(plan, "advisor"), List.of("step", "contrast", "added", "FLOPs", "cumulative FLOPs",
              "expected power", "counted power", "screen power", "expected width"),
              r -> List.of(i(r, "step"), s(r, "contrast"), s(r, "candidate"), f(r, "flops"), f(r, "cumulative_flops"),
                  f(r, "expected_power"), f(r, "power_counted"), f(r, "analytic_power"), f(r, "expected_width")));
          h.append("<h2>Every candidate on the base design</h2>\n");
          table(h, advice, List.of("rank", "candidate", "contrast", "FLOPs", "expected width", "expected power",
              "counted power", "gain per FLOP", "screen width", "screen power"),
              r -> List.of(i(r, "rank"), s(r, "candidate"), s(r, "contrast"), f(r, "flops"), f(r, "expected_width"),
                  f(r, "expected_power"), f(r, "power_counted"), f(r, "gain_per_flop"), f(r, "analytic_width"),
                  f(r, "analytic_power")));
          h.append("<p class=\"meta\">Every candidate: <a href=\"advice.csv\">advice.csv</a>.</p>\n");
          outputs.writeUtf8(new org.apache.hadoop.fs.Path(dir.getParent(), Outputs.csvName(Outputs.ADVICE)),
              org.scalesweep.jobs.table.Csv.of(OutputTables.ADVICE.schema(), advice));
          return List.of(gainFigure(advice, plan, outputs, dir));
        });
  }

  private static Figure gainFigure(List<Row> advice, List<Row> plan, Outputs outputs, org.apache.hadoop.fs.Path dir)
      throws java.io.IOException {
    XYChart c = Charts.xy("Expected gain against cost", "added training FLOPs", "expected power (first contrast)",
        true, false);
    String first = advice.isEmpty() ? null : s(advice.get(0), "contrast");
    Map<String, List<double[]>> byKind = new LinkedHashMap<>();
    for (Row r : advice) {
      if (s(r, "contrast").equals(first) && r.<Double>getAs("flops") > 0) {
        byKind.computeIfAbsent(s(r, "kind"), k -> new ArrayList<>())
            .add(new double[] {r.getAs("flops"), r.getAs("expected_power")});
      }
    }
    int k = 0;
    for (Map.Entry<String, List<double[]>> e : byKind.entrySet()) {
      Charts.points(c, "candidate: " + e.getKey(), e.getValue().stream().mapToDouble(v -> v[0]).toArray(),
          e.getValue().stream().mapToDouble(v -> v[1]).toArray(), Charts.color(k++));
    }
    for (String p : List.of("advisor", "uniform-seeds", "uniform-configs")) {
      List<Row> rows = plan.stream().filter(r -> s(r, "plan").equals(p) && s(r, "contrast").equals(first)).toList();
      if (!rows.isEmpty()) {
        Charts.line(c, p, rows.stream().mapToDouble(r -> r.<Double>getAs("cumulative_flops")).toArray(),
            rows.stream().mapToDouble(r -> r.<Double>getAs("expected_power")).toArray(), Charts.color(k++), false, true);
      }
    }
    Charts.write(c, outputs.fs(), dir, "advice_gain");
    return new Figure("advice", "advice_gain", "Expected power of the first contrast against the training FLOPs "
        + "added: every candidate on the base design (points, by kind), the advisor's plan step by step and the "
        + "uniform extensions (lines).");
  }

  private static List<Row> where(List<Row> rows, String plan) {
    return rows.stream().filter(r -> s(r, "plan").equals(plan)).toList();
  }

  private static List<Row> lastOf(List<Row> rows, String plan) {
    List<Row> p = where(rows, plan);
    int last = p.stream().mapToInt(r -> r.<Integer>getAs("step")).max().orElse(-1);
    return p.stream().filter(r -> r.<Integer>getAs("step") == last).toList();
  }

  /** The first rung of a ladder whose every contrast reaches the target (empty when none does). */
  private static List<Row> firstReaching(List<Row> rows, String plan) {
    List<Row> p = where(rows, plan);
    int steps = p.stream().mapToInt(r -> r.<Integer>getAs("step")).max().orElse(0);
    for (int k = 1; k <= steps; k++) {
      int step = k;
      List<Row> at = p.stream().filter(r -> r.<Integer>getAs("step") == step).toList();
      if (!at.isEmpty() && at.stream().allMatch(r -> r.<Boolean>getAs("reaches_target"))) {
        return at;
      }
    }
    return List.of();
  }
}
