package org.scalesweep.boot;

/**
 * Cache-blocked, register-tiled plain-Java C = A·B for when no native BLAS is present: 4 rows of
 * C at a time over a block of B's rows, so each B row loaded feeds four accumulator rows.
 */
final class BlockedGemm implements Gemm {
  private static final int KB = 256;

  @Override
  public void multiply(double[] a, int m, int k, double[] b, int n, double[] c) {
    java.util.Arrays.fill(c, 0, m * n, 0.0);
    for (int k0 = 0; k0 < k; k0 += KB) {
      int k1 = Math.min(k, k0 + KB);
      int i = 0;
      for (; i + 3 < m; i += 4) {
        int c0 = i * n;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        for (int p = k0; p < k1; p++) {
          double a0 = a[i * k + p];
          double a1 = a[(i + 1) * k + p];
          double a2 = a[(i + 2) * k + p];
          double a3 = a[(i + 3) * k + p];
          int bp = p * n;
          for (int j = 0; j < n; j++) {
            double bv = b[bp + j];
            c[c0 + j] += a0 * bv;
            c[c1 + j] += a1 * bv;
            c[c2 + j] += a2 * bv;
            c[c3 + j] += a3 * bv;
          }
        }
      }
      for (; i < m; i++) {
        int ci = i * n;
        for (int p = k0; p < k1; p++) {
          double av = a[i * k + p];
          int bp = p * n;
          for (int j = 0; j < n; j++) {
            c[ci + j] += av * b[bp + j];
          }
        }
      }
    }
  }

  @Override
  public String name() {
    return "blocked-java";
  }
}
