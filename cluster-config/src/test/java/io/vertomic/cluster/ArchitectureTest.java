package io.vertomic.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The cluster configuration is what every process starts its clustered Vert.x with: it knows
 * Vert.x, Hazelcast and the api, and nothing of the database.
 */
class ArchitectureTest {
  @Test
  void theClusterConfigurationKnowsOnlyVertxHazelcastAndTheApi() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.cluster")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.vertomic.cluster",
            "io.vertomic.anomaly..",
            "io.vertomic.edn..",
            "io.vertx..",
            "com.hazelcast..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.cluster"));
  }
}
