package org.scalesweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** lib is the pure-Java ground floor: no Spark, no pipeline, acyclic packages. */
class ArchitectureTest {
  private static final JavaClasses LIB = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.scalesweep");

  @Test
  void libNeverImportsSpark() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
        .because("lib is pure Java: the science runs and is tested without a Spark session").check(LIB);
  }

  @Test
  void libNeverImportsThePipeline() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.scalesweep.jobs..").check(LIB);
  }

  @Test
  void libPackagesHaveNoCycles() {
    slices().matching("org.scalesweep.(*)..").should().beFreeOfCycles().check(LIB);
  }

  @Test
  void theImportSeesLib() {
    org.assertj.core.api.Assertions.assertThat(LIB.containPackage("org.scalesweep.relative")).isTrue();
    org.assertj.core.api.Assertions.assertThat(LIB.size()).isGreaterThan(100);
  }
}
