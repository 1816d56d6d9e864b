package org.scalesweep.relative;

/**
 * One subgroup compared between two separately trained sweeps (another corpus, recipe or
 * condition): no run is shared, so the sweeps share no run noise and are resampled independently.
 *
 * @param subgroup the subgroup compared (present in both sweeps)
 * @param baselineSweep the sweep the treatment sweep is compared with
 * @param treatmentSweep the other sweep
 */
public record UnpairedContrast(String subgroup, String baselineSweep, String treatmentSweep)
    implements java.io.Serializable {
  public UnpairedContrast {
    if (subgroup == null || subgroup.isBlank() || baselineSweep == null || baselineSweep.isBlank()
        || treatmentSweep == null || treatmentSweep.isBlank()) {
      throw new IllegalArgumentException("unpaired contrast needs a subgroup and two sweep names, got '" + subgroup
          + "' on '" + treatmentSweep + "' vs '" + baselineSweep + "'");
    }
    if (baselineSweep.equals(treatmentSweep)) {
      throw new IllegalArgumentException("unpaired contrast compares sweep '" + baselineSweep + "' with itself");
    }
  }

  /** {@code treatment vs baseline}, the sweeps compared. */
  public String sweeps() {
    return treatmentSweep + " vs " + baselineSweep;
  }

  /** {@code subgroup: treatment vs baseline}. */
  public String label() {
    return subgroup + ": " + sweeps();
  }
}
