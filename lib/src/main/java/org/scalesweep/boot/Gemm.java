package org.scalesweep.boot;

import java.util.Optional;

/**
 * Dense row-major matrix product C = A·B (A m×k, B k×n, C m×n). The item bootstrap's kernel:
 * losses (runs × items) times weights (items × resamples).
 */
public interface Gemm {
  void multiply(double[] a, int m, int k, double[] b, int n, double[] c);

  /** Name for logs and benchmarks. */
  String name();

  /** Native BLAS through netlib when the system has one, else the blocked Java kernel (logged once). */
  static Gemm best() {
    return nativeBlas().orElseGet(() -> {
      BlockedGemm.logFallbackOnce();
      return blocked();
    });
  }

  /** netlib's dgemm when it loaded a native BLAS (OpenBLAS with Debian's libopenblas0-pthread). */
  static Optional<Gemm> nativeBlas() {
    return NativeGemm.available() ? Optional.of(new NativeGemm()) : Optional.empty();
  }

  /** The register- and cache-blocked plain-Java kernel. */
  static Gemm blocked() {
    return new BlockedGemm();
  }
}
