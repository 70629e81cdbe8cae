package io.vertomic.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertomic.access.SecretHash;
import io.vertomic.backup.BackupMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tool is a leaf on the public surfaces (package-info): the peer library's API, the backup
 * tool's entry point, the client SDK's API, the api; never the engine's internals, a storage
 * backend or a verticle.
 */
class ArchitectureTest {
  private static JavaClasses cli;

  @BeforeAll
  static void importCli() {
    cli =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vertomic.cli");
  }

  @Test
  void theToolUsesOnlyPublicApisOfTheLibraries() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.cli")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "java..",
                    "io.vertomic.cli",
                    "io.vertomic.edn",
                    "io.vertomic.anomaly",
                    "io.vertomic.peer",
                    "io.vertomic.datom",
                    "io.vertomic.client",
                    "io.vertx.core",
                    "io.vertx.core.json")
                .or(equivalentTo(BackupMain.class))
                .or(equivalentTo(SecretHash.class)))
        .check(cli);
  }

  @Test
  void theToolHasNoCycles() {
    slices().matching("io.vertomic.(**)").should().beFreeOfCycles().check(cli);
  }
}
