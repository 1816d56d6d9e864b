package org.scalesweep.fit;

/**
 * Dense linear least squares min ‖A·x − b‖₂ by Householder QR on arrays allocated once, for the
 * small systems of Levenberg–Marquardt steps (a few hundred rows, a handful of columns): a solve
 * copies A column by column into its work space, reflects it to R and b to Qᵀb, and back-substitutes;
 * nothing is allocated per solve. Same method as {@link LeastSquares} (ojAlgo's general QR), so the
 * same solution up to rounding (see {@link LinearSolve}). Not thread-safe: one per minimisation.
 */
final class InPlaceQr {
  /** A diagonal of R at or below this fraction of its largest (times the row count) counts as rank deficient. */
  private static final double RANK_TOLERANCE = Math.ulp(1.0);

  private final int rows;
  private final int cols;
  /** Column-major copy of A; below the diagonal the Householder vectors, above it R. */
  private final double[][] q;
  private final double[] y;
  private final double[] rDiag;

  /**
   * @throws IllegalArgumentException when {@code rows < cols} or {@code cols < 1}
   */
  InPlaceQr(int rows, int cols) {
    if (cols < 1 || rows < cols) {
      throw new IllegalArgumentException("least squares needs rows >= columns >= 1, got " + rows + " x " + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.q = new double[cols][rows];
    this.y = new double[rows];
    this.rDiag = new double[cols];
  }

  /**
   * Solves min ‖A·x − b‖₂ for the {@code rows × cols} matrix {@code a} (row-major, as given to the
   * constructor's sizes) into {@code x}.
   *
   * @return false when A is rank deficient or the solution is not finite ({@code x} then undefined)
   */
  boolean solve(double[][] a, double[] b, double[] x) {
    for (int i = 0; i < rows; i++) {
      double[] row = a[i];
      for (int j = 0; j < cols; j++) {
        q[j][i] = row[j];
      }
      y[i] = b[i];
    }
    double maxDiag = 0;
    for (int k = 0; k < cols; k++) {
      double[] v = q[k];
      double ss = 0;
      for (int i = k; i < rows; i++) {
        ss += v[i] * v[i];
      }
      double norm = Math.sqrt(ss);
      if (!(norm > 0) || !Double.isFinite(norm)) {
        return false; // a zero column, or one beyond the double range (then not a usable step)
      }
      double alpha = v[k] > 0 ? -norm : norm; // reflect x to alpha·e_k, sign chosen against cancellation
      double beta = 1 / (norm * (norm + Math.abs(v[k]))); // 2 / ‖u‖² for u = x − alpha·e_k
      v[k] -= alpha;
      for (int j = k + 1; j < cols; j++) {
        reflect(v, q[j], k, beta);
      }
      reflect(v, y, k, beta);
      rDiag[k] = alpha;
      maxDiag = Math.max(maxDiag, norm);
    }
    for (int k = 0; k < cols; k++) {
      if (Math.abs(rDiag[k]) <= RANK_TOLERANCE * rows * maxDiag) {
        return false;
      }
    }
    for (int k = cols - 1; k >= 0; k--) {
      double s = y[k];
      for (int j = k + 1; j < cols; j++) {
        s -= q[j][k] * x[j];
      }
      x[k] = s / rDiag[k];
      if (!Double.isFinite(x[k])) {
        return false;
      }
    }
    return true;
  }

  /** c ← (I − beta·u·uᵀ)·c on rows k.. (u = v[k..]). */
  private void reflect(double[] v, double[] c, int k, double beta) {
    double dot = 0;
    for (int i = k; i < rows; i++) {
      dot += v[i] * c[i];
    }
    double f = beta * dot;
    for (int i = k; i < rows; i++) {
      c[i] -= f * v[i];
    }
  }
}
