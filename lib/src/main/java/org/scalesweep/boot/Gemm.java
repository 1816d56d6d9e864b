package org.scalesweep.boot;

/**
 * Dense row-major matrix product C = A·B (A m×k, B k×n, C m×n). The item bootstrap's kernel:
 * losses (runs × items) times weights (items × resamples).
 */
public interface Gemm {
  void multiply(double[] a, int m, int k, double[] b, int n, double[] c);

  /** Name for logs and benchmarks. */
  String name();

  /** Native BLAS through netlib when the system has one, else the blocked Java kernel. */
  static Gemm best() {
    return NativeGemm.available() ? new NativeGemm() : new BlockedGemm();
  }
}
