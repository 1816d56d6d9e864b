package org.scalesweep.jobs.ingest;

import org.scalesweep.grid.BudgetGrid;

/**
 * How an input is read.
 *
 * @param format the input format, or null to tell it from file names
 * @param columns where each canonical column is
 * @param flopsTolerance largest allowed |flops − 6·params·tokens| / (6·params·tokens)
 * @param budgets grid that assigns IsoFLOP budgets when the input has no budget column
 */
public record IngestOptions(InputFormat format, ColumnMap columns, double flopsTolerance, BudgetGrid budgets)
    implements java.io.Serializable {
  public static final double DEFAULT_FLOPS_TOLERANCE = 0.1;
  public static final int DEFAULT_STEPS_PER_DECADE = 10;

  public IngestOptions {
    if (!(flopsTolerance > 0) || Double.isInfinite(flopsTolerance)) {
      throw new InvalidInputException("--flops-tolerance", java.util.List.of("--flops-tolerance " + flopsTolerance
          + " must be a positive number"));
    }
  }

  public static IngestOptions defaults() {
    return new IngestOptions(null, ColumnMap.identity(), DEFAULT_FLOPS_TOLERANCE, new BudgetGrid(DEFAULT_STEPS_PER_DECADE));
  }
}
