package org.scalesweep.jobs.ingest;

import java.util.List;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.grid.BudgetGroups;

/**
 * How an input is read.
 *
 * @param format the input format, or null to tell it from file names
 * @param columns where each canonical column is (with unit conversions)
 * @param flopsTolerance largest allowed deviation of a run's flops/(6·params·tokens) from what the
 *     other runs predict at its size ({@code org.scalesweep.grid.FlopsConsistency})
 * @param budgets grid that assigns IsoFLOP budgets under {@link BudgetRule#GRID}
 * @param budgetRule how budgets are assigned when the input has no budget column
 * @param budgetTolerance relative gap in compute that separates two budgets under {@link BudgetRule#DATA}
 * @param subgroupColumns glob patterns with one {@code *} (e.g. {@code eval/*}{@code /loss}): each
 *     matching column is the loss of subgroup {@code *} (wide tracker exports); empty for none
 * @param paramsEmbeddings what the parameter counts include
 */
public record IngestOptions(InputFormat format, ColumnMap columns, double flopsTolerance, BudgetGrid budgets,
    BudgetRule budgetRule, double budgetTolerance, List<String> subgroupColumns, ParamsEmbeddings paramsEmbeddings)
    implements java.io.Serializable {
  public static final double DEFAULT_FLOPS_TOLERANCE = 0.1;
  public static final int DEFAULT_STEPS_PER_DECADE = 10;
  public static final double DEFAULT_BUDGET_TOLERANCE = BudgetGroups.DEFAULT_TOLERANCE;

  public IngestOptions {
    if (!(flopsTolerance > 0) || Double.isInfinite(flopsTolerance)) {
      throw new InvalidInputException("--flops-tolerance", List.of("--flops-tolerance " + flopsTolerance
          + " must be a positive number"));
    }
    if (!(budgetTolerance > 0 && budgetTolerance < 1)) {
      throw new InvalidInputException("--budget-tolerance", List.of("--budget-tolerance " + budgetTolerance
          + " must lie in (0, 1)"));
    }
    subgroupColumns = List.copyOf(subgroupColumns);
    for (String p : subgroupColumns) {
      if (p.chars().filter(ch -> ch == '*').count() != 1) {
        throw new InvalidInputException("--subgroup-columns", List.of("--subgroup-columns '" + p
            + "' must contain exactly one '*' (the subgroup's name), e.g. 'eval/*/loss'"));
      }
    }
  }

  /** Options with a fixed budget grid (the rule before budgets were found from the data). */
  public IngestOptions(InputFormat format, ColumnMap columns, double flopsTolerance, BudgetGrid budgets) {
    this(format, columns, flopsTolerance, budgets, BudgetRule.GRID, DEFAULT_BUDGET_TOLERANCE, List.of(),
        ParamsEmbeddings.UNKNOWN);
  }

  public static IngestOptions defaults() {
    return new IngestOptions(null, ColumnMap.identity(), DEFAULT_FLOPS_TOLERANCE, new BudgetGrid(DEFAULT_STEPS_PER_DECADE),
        BudgetRule.DATA, DEFAULT_BUDGET_TOLERANCE, List.of(), ParamsEmbeddings.UNKNOWN);
  }

  /** The same options reading columns through another map. */
  public IngestOptions withColumns(ColumnMap map) {
    return new IngestOptions(format, map, flopsTolerance, budgets, budgetRule, budgetTolerance, subgroupColumns,
        paramsEmbeddings);
  }

  /** The same options with another flops tolerance and budget settings (those of an earlier ingest). */
  public IngestOptions withValidation(double tolerance, BudgetRule rule, double budgetTol, BudgetGrid grid,
      ParamsEmbeddings embeddings) {
    return new IngestOptions(format, columns, tolerance, grid, rule, budgetTol, subgroupColumns, embeddings);
  }
}
