package org.scalesweep.relative;

/**
 * Item-level losses of one subgroup of a corpus: a runs × items matrix (row-major, run order of the
 * corpus's {@link CorpusRuns}, replicate-averaged) for item resampling.
 *
 * @param subgroup subgroup name
 * @param items number of items (columns)
 * @param matrix runs × items losses
 */
public record ItemLosses(String subgroup, int items, double[] matrix) implements java.io.Serializable {
  public ItemLosses {
    if (items < 1) {
      throw new IllegalArgumentException("subgroup " + subgroup + " has no items to resample");
    }
    if (matrix.length % items != 0) {
      throw new IllegalArgumentException("subgroup " + subgroup + ": " + matrix.length + " values is not a multiple of "
          + items + " items");
    }
    matrix = matrix.clone();
  }

  public int runs() {
    return matrix.length / items;
  }

  /** Read-only view for the kernel (do not modify). */
  double[] view() {
    return matrix;
  }

  @Override
  public double[] matrix() {
    return matrix.clone();
  }
}
