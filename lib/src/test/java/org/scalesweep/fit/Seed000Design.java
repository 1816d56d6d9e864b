package org.scalesweep.fit;

/** The 16-point design of seed 000's Experiments 1 and 2 (the joint-fit data). */
final class Seed000Design {
  static final double[] SIZES = {125e6, 350e6, 1.3e9, 2.7e9, 6.9e9, 13e9, 30e9, 70e9};
  static final double[] DATA = {1e3, 1e4, 1e5, 5e5, 1e6, 2e6, 5e6, 1e7};
  static final double FIXED_D = 1e6;
  static final double FIXED_N = 6.9e9;

  private Seed000Design() {}

  /** N of the 16 points: Experiment 1 then Experiment 2. */
  static double[] n() {
    double[] n = new double[16];
    for (int i = 0; i < 8; i++) {
      n[i] = SIZES[i];
      n[8 + i] = FIXED_N;
    }
    return n;
  }

  /** D of the 16 points. */
  static double[] d() {
    double[] d = new double[16];
    for (int i = 0; i < 8; i++) {
      d[i] = FIXED_D;
      d[8 + i] = DATA[i];
    }
    return d;
  }
}
