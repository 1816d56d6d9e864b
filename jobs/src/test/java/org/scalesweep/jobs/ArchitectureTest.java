package org.scalesweep.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * The layering of jobs (docs/ARCHITECTURE.md): cli → perf → stages (stage, runs) → pipeline and
 * report → ingest → tables → lib, with config and spark beside them; no package cycles; reports
 * never see a stage; the tables package depends on nothing else of jobs.
 */
class ArchitectureTest {
  private static final JavaClasses JOBS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.scalesweep.jobs");

  @Test
  void theImportSeesEveryPackage() {
    for (String p : new String[] {"cli", "cluster", "config", "docs", "ingest", "perf", "pipeline", "report", "runs",
        "spark", "stage", "table"}) {
      assertThat(JOBS.containPackage("org.scalesweep.jobs." + p)).as(p).isTrue();
    }
  }

  @Test
  void jobsPackagesHaveNoCycles() {
    slices().matching("org.scalesweep.jobs.(*)..").should().beFreeOfCycles().check(JOBS);
  }

  @Test
  void layersPointOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("org.scalesweep.jobs.cli..")
        .layer("perf").definedBy("org.scalesweep.jobs.perf..")
        .layer("stages").definedBy("org.scalesweep.jobs.stage..", "org.scalesweep.jobs.runs..")
        .layer("pipeline").definedBy("org.scalesweep.jobs.pipeline..")
        .layer("report").definedBy("org.scalesweep.jobs.report..")
        .layer("docs").definedBy("org.scalesweep.jobs.docs..")
        .layer("ingest").definedBy("org.scalesweep.jobs.ingest..")
        .layer("tables").definedBy("org.scalesweep.jobs.table..")
        .layer("config").definedBy("org.scalesweep.jobs.config..")
        .layer("spark").definedBy("org.scalesweep.jobs.spark..", "org.scalesweep.jobs.cluster..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("perf").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("docs").mayNotBeAccessedByAnyLayer()
        .whereLayer("stages").mayOnlyBeAccessedByLayers("cli", "perf")
        .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli", "perf", "stages")
        .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "stages")
        .whereLayer("ingest").mayOnlyBeAccessedByLayers("cli", "stages", "pipeline")
        .whereLayer("tables").mayOnlyBeAccessedByLayers("cli", "perf", "stages", "pipeline", "report", "docs", "ingest")
        .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "perf", "stages", "pipeline", "report", "docs", "ingest",
            "spark")
        .whereLayer("spark").mayOnlyBeAccessedByLayers("cli", "perf", "stages", "pipeline")
        .check(JOBS);
  }

  @Test
  void reportsNeverImportAStageOrThePipeline() {
    noClasses().that().resideInAPackage("org.scalesweep.jobs.report..").should().dependOnClassesThat()
        .resideInAnyPackage("org.scalesweep.jobs.stage..", "org.scalesweep.jobs.runs..",
            "org.scalesweep.jobs.pipeline..", "org.scalesweep.jobs.cli..")
        .because("a report draws the tables it is given").check(JOBS);
  }

  @Test
  void tablesDependOnNothingElseInJobs() {
    noClasses().that().resideInAPackage("org.scalesweep.jobs.table..").should().dependOnClassesThat()
        .resideInAnyPackage("org.scalesweep.jobs.cli..", "org.scalesweep.jobs.cluster..", "org.scalesweep.jobs.config..",
            "org.scalesweep.jobs.docs..", "org.scalesweep.jobs.ingest..", "org.scalesweep.jobs.perf..",
            "org.scalesweep.jobs.pipeline..", "org.scalesweep.jobs.report..", "org.scalesweep.jobs.runs..",
            "org.scalesweep.jobs.spark..", "org.scalesweep.jobs.stage..")
        .check(JOBS);
  }

  /**
   * A call that builds a Spark row from values in column order, or reads a row's column by its
   * index: RowFactory.create and the Row getters that take an int. isNullAt(int) is allowed (it is
   * called with fieldIndex(name)).
   */
  private static final DescribedPredicate<JavaMethodCall> POSITIONAL =
      new DescribedPredicate<>("build or read a Row by position") {
        @Override
        public boolean test(JavaMethodCall c) {
          String owner = c.getTarget().getOwner().getName();
          List<JavaClass> params = c.getTarget().getRawParameterTypes();
          if (owner.equals(RowFactory.class.getName())) {
            return c.getTarget().getName().equals("create");
          }
          return owner.equals(Row.class.getName()) && params.size() == 1 && params.get(0).isEquivalentTo(int.class)
              && !c.getTarget().getName().equals("isNullAt");
        }
      };

  @Test
  void rowsAreBuiltAndReadThroughTheirTablesNotByPosition() {
    noClasses().that().resideOutsideOfPackage("org.scalesweep.jobs.table..")
        .should().callMethodWhere(POSITIONAL)
        .because("a row is built with OutputTables.X.toRow and read with fromRow or by column name").check(JOBS);
  }
}
