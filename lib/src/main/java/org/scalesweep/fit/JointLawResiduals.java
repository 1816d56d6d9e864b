package org.scalesweep.fit;

/**
 * Log-space residuals of the joint law, x = (a, b, e, α, β):
 * r_i = LSE(a − α·ln N_i, b − β·ln D_i, e) − ln L_i, computed stably with the max trick.
 */
final class JointLawResiduals implements ResidualModel {
  private final double[] lnN;
  private final double[] lnD;
  private final double[] lnL;

  JointLawResiduals(double[] n, double[] d, double[] loss) {
    int m = n.length;
    lnN = new double[m];
    lnD = new double[m];
    lnL = new double[m];
    for (int i = 0; i < m; i++) {
      lnN[i] = Math.log(n[i]);
      lnD[i] = Math.log(d[i]);
      lnL[i] = Math.log(loss[i]);
    }
  }

  /** ln N of every point (shared, not copied: package-private callers only read it). */
  double[] lnN() {
    return lnN;
  }

  /** ln D of every point (shared). */
  double[] lnD() {
    return lnD;
  }

  /** ln L of every point (shared). */
  double[] lnL() {
    return lnL;
  }

  @Override
  public int parameters() {
    return 5;
  }

  @Override
  public int size() {
    return lnL.length;
  }

  @Override
  public void evaluate(double[] x, double[] r, double[][] jac) {
    double a = x[0];
    double b = x[1];
    double e = x[2];
    double alpha = x[3];
    double beta = x[4];
    for (int i = 0; i < lnL.length; i++) {
      double t1 = a - alpha * lnN[i];
      double t2 = b - beta * lnD[i];
      double m = Math.max(e, Math.max(t1, t2));
      // the largest term is e^0 = 1 exactly: skipping its exp saves a third of them, same values to the bit
      double e1 = t1 == m ? 1 : Math.exp(t1 - m);
      double e2 = t2 == m ? 1 : Math.exp(t2 - m);
      double e3 = e == m ? 1 : Math.exp(e - m);
      double sum = e1 + e2 + e3;
      r[i] = m + Math.log(sum) - lnL[i];
      if (jac != null) {
        double s1 = e1 / sum;
        double s2 = e2 / sum;
        double[] row = jac[i];
        row[0] = s1;
        row[1] = s2;
        row[2] = e3 / sum;
        row[3] = -s1 * lnN[i];
        row[4] = -s2 * lnD[i];
      }
    }
  }
}
