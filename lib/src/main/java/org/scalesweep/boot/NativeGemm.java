package org.scalesweep.boot;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * dgemm of the system BLAS (OpenBLAS on Debian with libopenblas0-pthread) through
 * dev.ludovic.netlib. Row-major C = A·B is column-major Cᵀ = Bᵀ·Aᵀ, so the operands swap.
 */
final class NativeGemm implements Gemm {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  /** True when netlib found a native BLAS rather than its pure-Java fallback. */
  static boolean available() {
    return !(BLAS_INSTANCE instanceof JavaBLAS);
  }

  @Override
  public void multiply(double[] a, int m, int k, double[] b, int n, double[] c) {
    BLAS_INSTANCE.dgemm("N", "N", n, m, k, 1.0, b, n, a, k, 0.0, c, n);
  }

  @Override
  public String name() {
    return "native:" + BLAS_INSTANCE.getClass().getSimpleName();
  }
}
