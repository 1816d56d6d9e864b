package org.scalesweep.boot;

/** Test access to the package-private blocked kernel. */
public final class BlockedGemmAccess {
  private BlockedGemmAccess() {}

  public static Gemm blocked() {
    return new BlockedGemm();
  }
}
