package io.vertomic.logging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logging backend knows SLF4J and logback and nothing of the database, so any process may take
 * it and no library needs it.
 */
class ArchitectureTest {
  private static JavaClasses logging;

  @BeforeAll
  static void importLogging() {
    logging =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vertomic.logging");
  }

  @Test
  void theBackendKnowsOnlySlf4jAndLogback() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.vertomic.logging..", "org.slf4j..", "ch.qos.logback..")
        .check(logging);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.vertomic.(**)").should().beFreeOfCycles().check(logging);
  }
}
