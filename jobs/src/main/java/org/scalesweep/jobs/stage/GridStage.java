package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.GridRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/** grid → grid.parquet: one row per model configuration and corpus. */
public final class GridStage implements Stage {

  @Override
  public String name() {
    return "grid";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(Outputs.GRID);
  }

  /** The study's configurations (the same list on driver and executors: a pure function of the config). */
  public static List<ModelConfig> configs(Study study) {
    return IsoFlopGrid.configurations(study.budgets(), study.rules());
  }

  /** run_id of a configuration on a corpus. */
  public static String runId(String corpus, ModelConfig c) {
    return corpus + "/" + c.id();
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isDesigned()) {
      return DesignedStages.grid(ctx);
    }
    ctx.begin(name(), "IsoFLOP configurations");
    Study study = ctx.study();
    List<ModelConfig> configs = configs(study);
    if (configs.isEmpty()) {
      throw new IllegalArgumentException("grid.budgets " + study.budgets() + " yield no configuration under the grid rules");
    }
    List<Row> rows = new ArrayList<>();
    for (Study.Corpus corpus : study.corpora()) {
      for (ModelConfig c : configs) {
        rows.add(OutputTables.GRID.toRow(new GridRow(corpus.name(), runId(corpus.name(), c), c.budget(), c.width(), c.depth(), c.heads(),
            c.ffn(), c.batch(), c.steps(), c.tokens(), c.params(), c.flopsPerToken(), c.forwardFlops(), c.sixND(),
            c.learningRate(), c.beta2(), "d" + c.width() + "-L" + c.depth())));
      }
    }
    Dataset<Row> df = ctx.spark().createDataFrame(rows, OutputTables.GRID.schema()).coalesce(1);
    return Map.of(Outputs.GRID, ctx.outputs().writeParquet(Outputs.GRID, df));
  }
}
