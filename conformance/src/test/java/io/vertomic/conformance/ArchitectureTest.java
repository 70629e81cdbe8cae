package io.vertomic.conformance;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance harness compares the two engines through one interface each: only the Datomic
 * side's classes (and the entry point that shuts Datomic's peer down) call Datomic, so the
 * generators and comparisons cannot favour it.
 */
class ArchitectureTest {
  private static JavaClasses harness;

  @BeforeAll
  static void importHarness() {
    harness =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vertomic.conformance");
  }

  @Test
  void onlyTheDatomicSessionsUseDatomic() {
    noClasses()
        .that()
        .haveNameNotMatching(".*(Datomic|Clojure|Main).*")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("datomic..", "clojure..")
        .check(harness);
  }

  /** {@code ConformanceMain} runs every kind of comparison, so it may call into any of them. */
  @Test
  void packagesHaveNoCyclesButTheEntryPoints() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(type(ConformanceMain.class), DescribedPredicate.alwaysTrue())
        .check(harness);
  }
}
