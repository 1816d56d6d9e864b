package org.scalesweep.fit;

/**
 * Points a {@link RunLaw} is fitted to or predicts: runs (budget, N, D, loss), or frontier points
 * (budget, loss at the IsoFLOP optimum; N and D are NaN there).
 */
public record RunPoints(double[] budget, double[] params, double[] tokens, double[] loss) implements java.io.Serializable {
  public int size() {
    return loss.length;
  }
}
