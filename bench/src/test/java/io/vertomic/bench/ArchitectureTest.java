package io.vertomic.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's class path holds every module and Datomic's peer, so the rules about the whole
 * system live here: Datomic is used by the benchmark and the conformance harness only, and nothing
 * shipped depends on either.
 */
class ArchitectureTest {
  private static JavaClasses all;

  @BeforeAll
  static void importEveryModule() {
    all =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // core's test jar (its fixtures) is on this class path too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.vertomic");
  }

  @Test
  void nothingShippedUsesDatomic() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.vertomic.bench..", "io.vertomic.conformance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("datomic..", "clojure..")
        .check(all);
  }

  @Test
  void nothingShippedUsesTheBenchmarkOrTheConformanceHarness() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.vertomic.bench..", "io.vertomic.conformance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertomic.bench..", "io.vertomic.conformance..")
        .check(all);
  }

  /** Cycles between modules Maven already refuses; each module's own rule covers its packages. */
  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.bench"));
  }
}
