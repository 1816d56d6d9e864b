package org.scalesweep.jobs.table;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.fit.Allocation;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.fit.FitFlags;
import org.scalesweep.fit.IsoFlopOptimum;
import org.scalesweep.boot.RunsBootstrap;
import org.scalesweep.law.Law;

/** Long-format rows of fits.parquet: one row per parameter, flags and reason on every row. */
public final class FitRows {
  private FitRows() {}

  public static List<FitRow> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names) {
    return of(study, corpus, subgroup, fitOn, fit, names, null, "", "");
  }

  /** Rows of a fit with a flag and a note of the pipeline's own (e.g. left-out data) beside lib's. */
  public static List<FitRow> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names, String extraFlag, String extraNote) {
    return of(study, corpus, subgroup, fitOn, fit, names, null, extraFlag, extraNote);
  }

  /**
   * Rows with the bootstrap summary of each parameter ({@code boot} in {@code names} order, or null
   * when not bootstrapped).
   */
  public static List<FitRow> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names, List<BootstrapSummary> boot) {
    return of(study, corpus, subgroup, fitOn, fit, names, boot, "", "");
  }

  /**
   * @param extraFlag appended to the fit's flags ("" for none)
   * @param extraNote appended to its reason ("" for none); only written when some flag is set
   */
  private static List<FitRow> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names, List<BootstrapSummary> boot, String extraFlag, String extraNote) {
    String law = fit.hasEstimate() ? fit.law().name() : lawName(names);
    double[] p = fit.parametersOrNaN(names.size());
    List<FitRow> rows = new ArrayList<>();
    String fitFlags = join(fit.flagString(), extraFlag, ",");
    String fitReason = join(fit.note(), fitFlags.isEmpty() ? "" : extraNote, "; ");
    for (int i = 0; i < names.size(); i++) {
      BootstrapSummary b = boot == null ? null : boot.get(i);
      String flags = fitFlags;
      String reason = fitReason;
      if (b != null && b.unstable()) {
        flags = flags.isEmpty() ? FitFlag.UNSTABLE.key() : flags + "," + FitFlag.UNSTABLE.key();
        reason = (reason + " " + (b.resamples() - b.valid()) + " of " + b.resamples() + " resamples not estimable")
            .strip();
      }
      rows.add(new FitRow(study, corpus, subgroup, law, fitOn, names.get(i), p[i], fit.objective(),
          fit.rSquared(), fit.converged(), fit.points(), fit.starts(), fit.startsConverged(), fit.iterations(),
          flags, reason, b == null ? null : b.standardError(), b == null ? null : b.percentile().low(),
          b == null ? null : b.percentile().high(), b == null ? null : b.resamples(), b == null ? null : b.valid(), b == null ? null : b.failed()));
    }
    return rows;
  }

  /** Two notes joined by a separator; lib's notes end in "; ", which is not doubled. */
  public static String join(String a, String b, String sep) {
    String head = a.replaceAll("[;,\\s]+$", "");
    return head.isEmpty() ? b : b.isEmpty() ? head : head + sep + b;
  }

  /** Allocation exponents a (N*) and b (D*) of Approach 2 as law "approach2". */
  public static List<FitRow> allocation(String study, String corpus, String subgroup, Approach2.Result r) {
    return allocation(study, corpus, subgroup, r, null);
  }

  /** Allocation rows with their bootstrap summaries (a then b), or null when not bootstrapped. */
  public static List<FitRow> allocation(String study, String corpus, String subgroup, Approach2.Result r,
      List<BootstrapSummary> boot) {
    List<FitRow> rows = new ArrayList<>();
    Allocation[] both = {r.params(), r.tokens()};
    for (int i = 0; i < 2; i++) {
      Allocation a = both[i];
      BootstrapSummary b = boot == null ? null : boot.get(i);
      String flags = FitFlags.join(a.flags().isEmpty() ? EnumSet.noneOf(FitFlag.class)
          : EnumSet.copyOf(a.flags()));
      rows.add(new FitRow(study, corpus, subgroup, "approach2", "runs", i == 0 ? "a" : "b", a.exponent(),
          Double.NaN, a.rSquared(), a.flags().isEmpty(), a.budgets(), 1, a.flags().isEmpty() ? 1 : 0, 0, flags,
          a.flags().isEmpty() ? "" : "see flags: " + flags, b == null ? null : b.standardError(),
          b == null ? null : b.percentile().low(), b == null ? null : b.percentile().high(),
          b == null ? null : b.resamples(), b == null ? null : b.valid(), b == null ? null : b.failed()));
    }
    return rows;
  }

  /**
   * Per-budget optima of Approach 2 as law "approach2", params {@code log10_n_opt@BUDGET} and
   * {@code log10_d_opt@BUDGET} (log10 of N* and D*): with their bootstrap summaries ({@code boot}:
   * every N* budget then every D* budget, in budget order), or without, the delta-method standard
   * error of the parabola's vertex and a normal interval at {@code level}. Extrapolated optima keep
   * their flag and estimate but have no interval (they are left out of the allocation slope).
   */
  public static List<FitRow> optima(String study, String corpus, String subgroup, Approach2.Result r,
      List<BootstrapSummary> boot, double level) {
    List<FitRow> rows = new ArrayList<>();
    List<List<IsoFlopOptimum>> both = List.of(r.paramsOptima(), r.tokensOptima());
    String[] prefix = {RunsBootstrap.OPTIMUM_N, RunsBootstrap.OPTIMUM_D};
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2);
    for (int i = 0; i < 2; i++) {
      List<IsoFlopOptimum> optima = both.get(i);
      for (int j = 0; j < optima.size(); j++) {
        IsoFlopOptimum o = optima.get(j);
        BootstrapSummary b = boot == null ? null : boot.get(i * optima.size() + j);
        EnumSet<FitFlag> f = o.flags().isEmpty() ? EnumSet.noneOf(FitFlag.class) : EnumSet.copyOf(o.flags());
        if (b != null && b.unstable()) {
          f.add(FitFlag.UNSTABLE);
        }
        String flags = FitFlags.join(f);
        boolean interval = o.interior();
        Double se = !interval ? null : b != null ? b.standardError() : o.standardError();
        Double lo = !interval ? null : b != null ? b.percentile().low() : o.log10Optimum() - z * o.standardError();
        Double hi = !interval ? null : b != null ? b.percentile().high() : o.log10Optimum() + z * o.standardError();
        rows.add(new FitRow(study, corpus, subgroup, "approach2", "runs", prefix[i] + RunsBootstrap.budgetLabel(o.budget()),
            o.log10Optimum(), Double.NaN, Double.NaN, !f.contains(FitFlag.NOT_CONVERGED), o.points(), 1,
            f.contains(FitFlag.NOT_CONVERGED) ? 0 : 1, 0, flags, flags.isEmpty() ? "" : "see flags: " + flags, se, lo, hi,
            b == null ? null : b.resamples(), b == null ? null : b.valid(), b == null ? null : b.failed()));
      }
    }
    return rows;
  }

  private static String lawName(List<String> names) {
    return switch (names.size()) {
      case 2 -> "power";
      case 3 -> "offset-power";
      default -> "chinchilla";
    };
  }
}
