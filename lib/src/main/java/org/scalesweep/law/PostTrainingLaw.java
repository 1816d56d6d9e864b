package org.scalesweep.law;

import java.util.List;

/**
 * Seed 000, Eq. 2: L_total(N, D, C_pt) = L_align(N, D)·(C_ref/C_pt)^γ·(1 + δ·ln(D/D_ref)).
 *
 * <p>D = 0 (no alignment data) is evaluated at one token, the seed's convention: it reproduces the
 * printed 2.695 at N=6.9B, C_pt=1e20 within the seed's 2% noise (noiseless 2.744).
 */
public record PostTrainingLaw(JointLaw align, double gamma, double delta, double cRef, double dRef) implements Law, java.io.Serializable {
  /** Seed 000's interaction: γ=0.152, δ=−0.087, C_ref=1e18, D_ref=1e6 on its alignment truth. */
  public static final PostTrainingLaw SEED_000_TRUTH =
      new PostTrainingLaw(JointLaw.SEED_000_TRUTH, 0.152, -0.087, 1e18, 1e6);

  public PostTrainingLaw {
    if (align == null) {
      throw new IllegalArgumentException("post-training law needs an alignment law, got null");
    }
    Checks.finite("gamma", gamma);
    Checks.finite("delta", delta);
    Checks.positive("C_ref", cRef);
    Checks.positive("D_ref", dRef);
  }

  /** Total loss after post-training with compute cPt. */
  public double at(double n, double d, double cPt) {
    Checks.positive("C_pt", cPt);
    double dEff = Math.max(Checks.nonNegative("D", d), 1.0);
    return align.at(n, dEff) * Math.pow(cRef / cPt, gamma) * interaction(dEff);
  }

  /** The data–post-training interaction factor 1 + δ·ln(D/D_ref). */
  public double interaction(double d) {
    return 1.0 + delta * Math.log(Math.max(d, 1.0) / dRef);
  }

  /** The same law with other γ and δ. */
  public PostTrainingLaw withInteraction(double newGamma, double newDelta) {
    return new PostTrainingLaw(align, newGamma, newDelta, cRef, dRef);
  }

  @Override
  public String name() {
    return "post-training";
  }

  @Override
  public String formula() {
    return "L_align(N,D) * (C_ref/C_pt)^gamma * (1 + delta*ln(D/D_ref))";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("E", "A", "alpha", "B", "beta", "gamma", "delta");
  }

  @Override
  public double[] parameters() {
    return new double[] {align.e(), align.a(), align.alpha(), align.b(), align.beta(), gamma, delta};
  }
}
