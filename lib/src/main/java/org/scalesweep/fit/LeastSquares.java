package org.scalesweep.fit;

import org.ojalgo.matrix.decomposition.QR;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/** Dense linear least squares min ‖A·x − b‖ by ojAlgo's Householder QR (not normal equations). */
public final class LeastSquares {
  private LeastSquares() {}

  /**
   * Solves min ‖A·x − b‖₂ for a full-column-rank A (rows ≥ columns).
   *
   * @return the solution, or null when A is rank deficient or the result is not finite
   */
  public static double[] solve(double[][] a, double[] b) {
    int m = a.length;
    if (m == 0) {
      throw new IllegalArgumentException("least squares needs at least one row, got 0");
    }
    int n = a[0].length;
    if (m < n) {
      throw new IllegalArgumentException("least squares needs rows >= columns, got " + m + " x " + n);
    }
    if (b.length != m) {
      throw new IllegalArgumentException("right-hand side has " + b.length + " rows, matrix has " + m);
    }
    R064Store am = R064Store.FACTORY.make(m, n);
    R064Store bm = R064Store.FACTORY.make(m, 1);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        am.set(i, j, a[i][j]);
      }
      bm.set(i, 0, b[i]);
    }
    QR<Double> qr = QR.R064.make(am);
    if (!qr.decompose(am) || !qr.isFullRank()) {
      return null;
    }
    MatrixStore<Double> x = qr.getSolution(bm);
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      out[j] = x.doubleValue(j, 0);
      if (!Double.isFinite(out[j])) {
        return null;
      }
    }
    return out;
  }
}
