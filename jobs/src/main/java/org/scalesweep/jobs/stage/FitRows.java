package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.scalesweep.fit.Allocation;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlags;
import org.scalesweep.law.Law;

/** Long-format rows of fits.parquet: one row per parameter, flags and reason on every row. */
final class FitRows {
  private FitRows() {}

  static List<Row> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names) {
    return of(study, corpus, subgroup, fitOn, fit, names, "", "");
  }

  /**
   * Rows of a fit with a flag and a note of the pipeline's own (e.g. left-out data) beside lib's.
   *
   * @param extraFlag appended to the fit's flags ("" for none)
   * @param extraNote appended to its reason ("" for none); only written when some flag is set
   */
  static List<Row> of(String study, String corpus, String subgroup, String fitOn, Fit<? extends Law> fit,
      List<String> names, String extraFlag, String extraNote) {
    String law = fit.hasEstimate() ? fit.law().name() : lawName(names);
    double[] p = fit.parametersOrNaN(names.size());
    String flags = join(fit.flagString(), extraFlag, ",");
    String reason = join(fit.note(), flags.isEmpty() ? "" : extraNote, "; ");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rows.add(RowFactory.create(study, corpus, subgroup, law, fitOn, names.get(i), p[i], fit.objective(),
          fit.rSquared(), fit.converged(), fit.points(), fit.starts(), fit.startsConverged(), fit.iterations(),
          flags, reason));
    }
    return rows;
  }

  /** Two notes joined by a separator; lib's notes end in "; ", which is not doubled. */
  static String join(String a, String b, String sep) {
    String head = a.replaceAll("[;,\\s]+$", "");
    return head.isEmpty() ? b : b.isEmpty() ? head : head + sep + b;
  }

  /** Allocation exponents a (N*) and b (D*) of Approach 2 as law "approach2". */
  static List<Row> allocation(String study, String corpus, String subgroup, Approach2.Result r) {
    List<Row> rows = new ArrayList<>();
    for (Object[] e : new Object[][] {{"a", r.params()}, {"b", r.tokens()}}) {
      Allocation a = (Allocation) e[1];
      String flags = FitFlags.join(a.flags().isEmpty() ? EnumSet.noneOf(org.scalesweep.fit.FitFlag.class)
          : EnumSet.copyOf(a.flags()));
      rows.add(RowFactory.create(study, corpus, subgroup, "approach2", "runs", e[0], a.exponent(), Double.NaN,
          a.rSquared(), a.flags().isEmpty(), a.budgets(), 1, a.flags().isEmpty() ? 1 : 0, 0, flags,
          a.flags().isEmpty() ? "" : "see flags: " + flags));
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
