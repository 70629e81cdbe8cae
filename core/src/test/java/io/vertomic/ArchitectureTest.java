package io.vertomic;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertomic.peer.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "may use" column of STYLE.md section 2.2 for the packages of core: each package depends only
 * on the packages below it, and Vert.x appears only where I/O happens.
 */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vertomic");
  }

  private static void mayUse(String pkg, String... allowed) {
    List<String> all =
        new ArrayList<>(List.of("java..", "io.vertomic.edn..", "io.vertomic.anomaly..", pkg));
    all.addAll(List.of(allowed));
    classes()
        .that()
        .resideInAPackage(pkg)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(all.toArray(String[]::new))
        .check(core);
  }

  @Test
  void datomUsesOnlyTheApi() {
    mayUse("io.vertomic.datom");
  }

  @Test
  void accessUsesOnlyTheJdk() {
    mayUse("io.vertomic.access", "javax.crypto..");
  }

  @Test
  void storageSpiUsesOnlyTheApiAndVertx() {
    mayUse("io.vertomic.storage", "io.vertx.core..");
  }

  @Test
  void storageBackendsUseOnlyTheSpi() {
    for (String backend : List.of("io.vertomic.storage.mem", "io.vertomic.storage.dev")) {
      classes()
          .that()
          .resideInAPackage(backend)
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages(
              "io.vertomic.datom..",
              "io.vertomic.schema..",
              "io.vertomic.index..",
              "io.vertomic.db..",
              "io.vertomic.tx..",
              "io.vertomic.query..",
              "io.vertomic.peer..",
              "io.vertomic.pull..",
              "io.vertomic.log..",
              "io.vertomic.cache..")
          .allowEmptyShould(true)
          .check(core);
    }
  }

  @Test
  void cacheUsesOnlyTheStorageSpiAndVertx() {
    mayUse(
        "io.vertomic.cache",
        "io.vertomic.storage",
        "io.vertomic.storage.mem",
        "io.vertx.core..",
        // the JDK's AES-GCM seals what the cache holds
        "javax.crypto..");
  }

  @Test
  void backupUsesStorageIndexAndWire() {
    mayUse(
        "io.vertomic.backup",
        "io.vertomic.storage",
        "io.vertomic.storage.dev",
        "io.vertomic.index",
        "io.vertomic.wire",
        "io.vertx.core..");
  }

  @Test
  void schemaUsesOnlyDatoms() {
    mayUse("io.vertomic.schema", "io.vertomic.datom");
  }

  @Test
  void indexUsesOnlyDatomsAndTheWireFormat() {
    mayUse("io.vertomic.index", "io.vertomic.datom", "io.vertomic.wire", "org.msgpack..");
  }

  @Test
  void logUsesDatomsStorageAndWire() {
    mayUse(
        "io.vertomic.log",
        "io.vertomic.datom",
        "io.vertomic.peer",
        "io.vertomic.storage",
        "io.vertomic.wire",
        "io.vertx.core..");
  }

  @Test
  void wireUsesOnlyDatomsAndItsCodecs() {
    mayUse("io.vertomic.wire", "io.vertomic.datom", "org.msgpack..", "com.github.luben..");
  }

  @Test
  void fulltextUsesDatomsItsStoredFormAndLucene() {
    mayUse("io.vertomic.fulltext", "io.vertomic.datom", "io.vertomic.wire", "org.apache.lucene..");
  }

  @Test
  void dbUsesLowerLayersOnly() {
    mayUse(
        "io.vertomic.db",
        "io.vertomic.datom",
        "io.vertomic.schema",
        "io.vertomic.index",
        "io.vertomic.fulltext",
        "io.vertomic.peer");
  }

  @Test
  void pullUsesTheDatabaseValue() {
    mayUse("io.vertomic.pull", "io.vertomic.datom", "io.vertomic.schema", "io.vertomic.db");
  }

  @Test
  void queryParserUsesOnlyTheApi() {
    mayUse("io.vertomic.query.parse", "io.vertomic.datom");
  }

  @Test
  void queryFunctionsUseOnlyDatoms() {
    mayUse("io.vertomic.query.fn", "io.vertomic.datom");
  }

  @Test
  void queryPlannerSeesParsedQueriesAndDatabaseValues() {
    mayUse(
        "io.vertomic.query.plan",
        "io.vertomic.query.parse",
        "io.vertomic.db",
        "io.vertomic.datom",
        "io.vertomic.schema",
        "io.vertomic.index");
  }

  @Test
  void queryExecutorNeverSeesThePeerLayer() {
    mayUse(
        "io.vertomic.query.exec",
        "io.vertomic.query.parse",
        "io.vertomic.query.plan",
        "io.vertomic.query.fn",
        "io.vertomic.pull",
        "io.vertomic.db",
        "io.vertomic.fulltext",
        "io.vertomic.datom",
        "io.vertomic.schema",
        "io.vertomic.index");
  }

  @Test
  void txUsesLowerLayersOnly() {
    mayUse(
        "io.vertomic.tx",
        "io.vertomic.datom",
        "io.vertomic.schema",
        "io.vertomic.index",
        "io.vertomic.db",
        "io.vertomic.log",
        "io.vertomic.peer",
        "io.vertomic.metrics",
        "io.vertx.core..",
        // database functions: Janino compiles them, a bounded cache keeps them
        "org.codehaus.commons.compiler..",
        "org.codehaus.janino..",
        "com.github.benmanes.caffeine..");
  }

  @Test
  void publicPeerApiDependsOnlyOnDatomsAndVertxFutures() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.peer")
        .and()
        .doNotHaveSimpleName("Peer")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "io.vertomic.edn..",
            "io.vertomic.anomaly..",
            "io.vertomic.datom..",
            "io.vertomic.peer",
            "io.vertx.core..",
            // PeerOptions names the registry the peer's meters go to
            "io.micrometer.core.instrument..")
        .check(core);
  }

  @Test
  void metricsUseOnlyMicrometerAndTheStorageSpi() {
    mayUse("io.vertomic.metrics", "io.micrometer..", "io.vertomic.storage", "io.vertx.core..");
  }

  @Test
  void pureCodeStaysFreeOfVertx() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.vertomic.datom",
            "io.vertomic.schema",
            "io.vertomic.index",
            "io.vertomic.db",
            "io.vertomic.fulltext",
            "io.vertomic.pull",
            "io.vertomic.wire",
            "io.vertomic.query..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vertx..")
        .check(core);
  }

  @Test
  void onlyTheWriterOfTxUsesVertx() {
    noClasses()
        .that()
        .resideInAPackage("io.vertomic.tx")
        .and()
        .haveNameNotMatching("io\\.vertomic\\.tx\\.(Writer|LogSink).*")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vertx..")
        .check(core);
  }

  /**
   * Two dependencies close a loop by design and are left out: the {@code Peer} facade hands every
   * call to the implementation whose values implement the public interfaces, and EDN reading fails
   * with anomalies whose codes are EDN keywords (API.md sections 3 and 6).
   */
  @Test
  void packagesHaveNoCyclesButTheFacadesAndTheApis() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(type(Peer.class), DescribedPredicate.alwaysTrue())
        .ignoreDependency(
            resideInAPackage("io.vertomic.edn.."), resideInAPackage("io.vertomic.anomaly.."))
        .check(core);
  }

  /**
   * One configuration path (docs/operations.md): settings travel in options objects, and only the
   * edges read the process's environment and -D flags: the options' own {@code fromProcess} and the
   * command-line entry points.
   */
  @Test
  void onlyTheEdgesReadSystemPropertiesOrTheEnvironment() {
    noClasses()
        .that()
        .doNotHaveSimpleName("PeerOptions")
        .and()
        .doNotHaveSimpleName("StorageSettings")
        .and()
        .doNotHaveSimpleName("ClusterOptions")
        .and()
        .haveSimpleNameNotEndingWith("Main")
        .should()
        .callMethodWhere(READS_THE_PROCESS)
        .check(core);
  }

  private static final DescribedPredicate<JavaMethodCall> READS_THE_PROCESS =
      new DescribedPredicate<>("reads a system property or the environment") {
        @Override
        public boolean test(JavaMethodCall call) {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return switch (owner) {
            case "java.lang.System" -> name.startsWith("getenv") || name.startsWith("getPropert");
            case "java.lang.Long" -> name.equals("getLong");
            case "java.lang.Integer" -> name.equals("getInteger");
            case "java.lang.Boolean" -> name.equals("getBoolean");
            default -> false;
          };
        }
      };
}
