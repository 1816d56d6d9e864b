package org.scalesweep.fit;

/** How {@link JointLawFitter} searches for the Approach 3 optimum. */
public enum Approach3Method {
  /**
   * The reference: L-BFGS over all five parameters (a, b, e, α, β) from every start of the
   * {@link StartGrid} (4,500 for the replication grid; optionally only the best by their initial
   * objective, see {@link JointLawFitter#withScreening(int)}), the best converged start polished by
   * Levenberg–Marquardt. This is the replication standard's procedure, kept to check the default.
   */
  GRID,
  /**
   * Variable projection (the default): for fixed exponents (α, β) the law E + A/N^α + B/D^β is
   * linear in (E, A, B), so the grid's 180 (a, b, e) starts per exponent pair are replaced by the
   * exact inner optimum of the same summed-Huber log-space objective over (a, b, e) (a non-negative
   * least-squares start on the relative scale, then Levenberg–Marquardt on the robust objective).
   * The search left is two-dimensional: the grid's (α, β) pairs, each at its profiled optimum, are
   * the starts of the five-parameter L-BFGS and the Levenberg–Marquardt polish, as in {@link #GRID}.
   * Tests compare it with {@link #GRID} over all 4,500 starts: same optimum (objective within 1e-9
   * relative) or a lower one.
   */
  PROFILED
}
