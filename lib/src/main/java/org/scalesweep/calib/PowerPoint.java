package org.scalesweep.calib;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The power of one design at one effect size.
 *
 * @param design the design
 * @param effect true Δβ
 * @param runs training runs the design costs (configurations × seeds)
 * @param power replicates that declared the true sign at p &lt; α, with its exact interval
 */
public record PowerPoint(PowerDesign design, double effect, int runs, BinomialInterval power)
    implements java.io.Serializable {

  /**
   * The cheapest design reaching {@code target} power at an effect: fewest training runs, then
   * fewest items, then the highest power; empty when none does.
   */
  public static Optional<PowerPoint> smallest(List<PowerPoint> points, double effect, double target) {
    return points.stream()
        .filter(p -> p.effect() == effect && p.power().rate() >= target)
        .min(Comparator.comparingInt(PowerPoint::runs)
            .thenComparingInt(p -> p.design().items())
            .thenComparing(Comparator.comparingDouble((PowerPoint p) -> p.power().rate()).reversed()));
  }
}
