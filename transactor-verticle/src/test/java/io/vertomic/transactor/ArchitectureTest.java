package io.vertomic.transactor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The transactor hosts core's writer behind a lease (STYLE.md section 2.1: verticles are leaves):
 * it never uses the peer server or the client SDK, and no storage backend directly (they are found
 * by their URI's kind).
 */
class ArchitectureTest {
  @Test
  void theTransactorNeverUsesThePeerServerTheClientSdkOrABackend() {
    noClasses()
        .that()
        .resideInAPackage("io.vertomic.transactor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertomic.peerserver..",
            "io.vertomic.client..",
            "io.vertomic.storage.sql..",
            "io.vertomic.storage.cass..",
            "io.vertomic.storage.ddb..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.transactor"));
  }
}
