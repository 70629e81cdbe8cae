package io.vertomic;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The api is the bottom layer (STYLE.md section 2.2): it uses only the JDK, so every other module
 * may use it. Its two packages need each other by contract (API.md section 6): an anomaly's code is
 * an EDN keyword, and reading bad EDN fails with an anomaly; no other cycle is allowed.
 */
class ArchitectureTest {
  private static JavaClasses api;

  @BeforeAll
  static void importApi() {
    api =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vertomic.anomaly", "io.vertomic.edn");
  }

  @Test
  void theApiUsesOnlyTheJdk() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.vertomic.anomaly..", "io.vertomic.edn..")
        .check(api);
  }

  @Test
  void packagesHaveNoCyclesButTheContractsOne() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage("io.vertomic.edn.."), resideInAPackage("io.vertomic.anomaly.."))
        .check(api);
  }
}
