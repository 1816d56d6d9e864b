package org.scalesweep.design;

import java.util.List;
import java.util.Map;

/**
 * A study whose runs form a fixed design of experiments rather than an IsoFLOP grid of subgroups
 * (seed 000's five experiments; seeds 001/004's post-training laws). The pipeline simulates every
 * point's replicates, analyses replicate-weighted data, and bootstraps the analysis by reweighting
 * run replicates with keyed weights.
 */
public interface DesignedStudy extends java.io.Serializable {
  /** The design, in a fixed order (the rows of observation arrays). */
  List<Point> points();

  /** Attribute columns of every point, in order (the grid's schema). */
  List<String> attributes();

  /** Noiseless value of a point. */
  double truth(Point p);

  /** Replicate r of a point, from keyed streams (a pure function of seed, point id and r). */
  double observe(long seed, Point p, int replicate);

  /**
   * Every statistic of the study from observations [point][replicate] under weights of the same
   * shape (null = all 1); {@code warm} is the full-sample analysis for warm-started refits, or null.
   */
  Analysis analyze(double[][] observations, double[][] weights, Analysis warm);

  /** Human labels of the statistics, in report order (statistics not listed follow). */
  Map<String, String> labels();

  /** One analysis: named statistics, NaN where not estimable. */
  interface Analysis {
    Map<String, Double> statistics();
  }
}
