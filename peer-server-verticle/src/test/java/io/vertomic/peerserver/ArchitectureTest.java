package io.vertomic.peerserver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The peer server hosts the peer library: it uses core, the api, Vert.x and Micrometer, and never
 * the client SDK or the transactor (STYLE.md section 2.1: verticles are leaves).
 */
class ArchitectureTest {
  @Test
  void thePeerServerNeverUsesTheClientSdkOrTheTransactor() {
    noClasses()
        .that()
        .resideInAPackage("io.vertomic.peerserver..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertomic.client..", "io.vertomic.transactor..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.peerserver"));
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
                .importPackages("io.vertomic.peerserver"));
  }
}
