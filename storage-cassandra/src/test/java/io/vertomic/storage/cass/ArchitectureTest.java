package io.vertomic.storage.cass;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The cass backend uses core only through the storage SPI (STYLE.md section 2.2). */
class ArchitectureTest {
  @Test
  void theBackendUsesOnlyTheStorageSpiTheApiAndTheCassandraClient() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.storage.cass")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.vertomic.storage",
            "io.vertomic.storage.cass",
            "io.vertomic.anomaly..",
            "io.vertomic.edn..",
            "io.vertx..",
            "io.netty..",
            "com.datastax..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.storage.cass"));
  }

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.storage.cass"));
  }
}
