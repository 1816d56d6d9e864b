package org.scalesweep.relative;

/** A treatment subgroup compared with a baseline subgroup of the same corpus. */
public record Contrast(String baseline, String treatment) implements java.io.Serializable {
  public Contrast {
    if (baseline == null || baseline.isBlank() || treatment == null || treatment.isBlank()) {
      throw new IllegalArgumentException("contrast needs baseline and treatment names, got '" + baseline + "' vs '"
          + treatment + "'");
    }
    if (baseline.equals(treatment)) {
      throw new IllegalArgumentException("contrast compares '" + baseline + "' with itself");
    }
  }

  /** {@code treatment vs baseline}. */
  public String label() {
    return treatment + " vs " + baseline;
  }
}
