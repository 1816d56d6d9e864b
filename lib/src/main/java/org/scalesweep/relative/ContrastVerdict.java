package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.SignTest;
import org.scalesweep.fit.FitFlag;

/**
 * What the bootstrap of one contrast's Δβ lets us say: its flags (with the reasons, in the order
 * they were found), whether the sign of Δβ is significant, and whether the chosen interval covers
 * the true Δβ of a simulated study.
 *
 * <p>The rules:
 * <ul>
 *   <li>{@code lack_of_fit} when the relative law's lack-of-fit test across budgets rejects at α
 *       ({@link LackOfFit#rejects});</li>
 *   <li>{@code not_estimable} when the full-sample Δβ is not finite;</li>
 *   <li>{@code unstable} when fewer than 90% of the resamples gave a finite Δβ
 *       ({@link BootstrapSummary#unstable()});</li>
 *   <li>{@code dropped_points} when the input lost observations of the contrast's subgroups;</li>
 *   <li>{@code no_items} for each of baseline and treatment without item-level data under a scheme
 *       that resamples items;</li>
 *   <li>significant when the two-sided sign p-value is finite and below α
 *       ({@link SignTest#significant});</li>
 *   <li>covers the truth when the chosen interval contains it (null without a truth).</li>
 * </ul>
 *
 * @param flags distinct flags in the order found
 * @param reason the reasons joined by "; " ("" when clean)
 * @param significant whether the sign of Δβ is significant at α
 * @param coversTruth whether the chosen interval contains the true Δβ; null when there is none
 */
public record ContrastVerdict(List<FitFlag> flags, String reason, boolean significant, Boolean coversTruth) {
  public ContrastVerdict {
    flags = List.copyOf(new LinkedHashSet<>(flags));
  }

  /**
   * The verdict of one contrast.
   *
   * @param summary the bootstrap of Δβ (its full-sample estimate, resamples and p-value)
   * @param chosen the interval the table reports (of the configured method)
   * @param alpha significance level of the sign test
   * @param droppedNote why the contrast's data is incomplete, or "" when it is complete
   * @param scheme the resampling scheme's key, for the reason of {@code no_items}
   * @param resamplesItems whether the scheme resamples items
   * @param itemLevel subgroups with item-level data in this bootstrap
   * @param contrast the contrast
   * @param truth the true Δβ of a simulated study, or null
   */
  public static ContrastVerdict of(BootstrapSummary summary, Interval chosen, double alpha, String droppedNote,
      String scheme, boolean resamplesItems, Set<String> itemLevel, Contrast contrast, Double truth) {
    return of(summary, chosen, alpha, droppedNote, scheme, resamplesItems, itemLevel, contrast, truth,
        LackOfFit.UNTESTABLE);
  }

  /**
   * The verdict of one contrast, with the relative law's lack-of-fit test across budgets.
   *
   * @param lackOfFit the test of γ·F^Δβ across budgets ({@link LackOfFit#UNTESTABLE} when not tested)
   * @see #of(BootstrapSummary, Interval, double, String, String, boolean, Set, Contrast, Double)
   */
  public static ContrastVerdict of(BootstrapSummary summary, Interval chosen, double alpha, String droppedNote,
      String scheme, boolean resamplesItems, Set<String> itemLevel, Contrast contrast, Double truth,
      LackOfFit lackOfFit) {
    List<FitFlag> flags = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    if (lackOfFit.rejects(alpha)) {
      flags.add(FitFlag.LACK_OF_FIT);
      reasons.add(String.format(Locale.ROOT, "the relative law does not fit across budgets: lack-of-fit F = %.2f on "
          + "(%d, %d) df, p = %.2g", lackOfFit.statistic(), lackOfFit.budgetDf(), lackOfFit.residualDf(),
          lackOfFit.pValue()));
    }
    if (!Double.isFinite(summary.estimate())) {
      flags.add(FitFlag.NOT_ESTIMABLE);
      reasons.add("full-sample delta-beta is not estimable");
    }
    if (summary.unstable()) {
      flags.add(FitFlag.UNSTABLE);
      reasons.add((summary.resamples() - summary.valid()) + " of " + summary.resamples()
          + " resamples not estimable");
    }
    if (!droppedNote.isEmpty()) {
      flags.add(FitFlag.DROPPED_POINTS);
      reasons.add(droppedNote);
    }
    for (String g : List.of(contrast.baseline(), contrast.treatment())) {
      if (resamplesItems && !itemLevel.contains(g)) {
        flags.add(FitFlag.NO_ITEMS);
        reasons.add("subgroup " + g + " has no item-level data: the " + scheme + " scheme does not resample its items");
      }
    }
    boolean significant = Double.isFinite(summary.pValue()) && SignTest.significant(summary.pValue(), alpha);
    return new ContrastVerdict(flags, String.join("; ", reasons).strip(), significant,
        truth == null ? null : chosen.contains(truth));
  }

  /** The flags as a table writes them: lower-case keys joined by commas ("" when clean). */
  public String flagKeys() {
    return flags.stream().map(FitFlag::key).collect(Collectors.joining(","));
  }
}
