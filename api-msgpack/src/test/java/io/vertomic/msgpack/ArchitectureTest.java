package io.vertomic.msgpack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The MessagePack codec of API values is shared by the peer server and the client SDK, so it may
 * use only the api and msgpack-core: never either side of the wire.
 */
class ArchitectureTest {
  @Test
  void theCodecUsesOnlyTheApiAndMsgpack() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.msgpack..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.vertomic.msgpack..",
            "io.vertomic.edn..",
            "io.vertomic.anomaly..",
            "org.msgpack..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.msgpack"));
  }
}
