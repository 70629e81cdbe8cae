package io.vertomic.client;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's dependency rule (STYLE.md section 2.2): api, Vert.x, RxJava and MessagePack only. */
class ArchitectureTest {
  private static final JavaClasses SDK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.vertomic.client");

  @Test
  void theSdkDependsOnlyOnTheApiVertxRxJavaAndMessagePack() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.client..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax..",
            "io.vertomic.client..",
            "io.vertomic.edn..",
            "io.vertomic.anomaly..",
            "io.vertomic.msgpack..",
            "io.vertx..",
            "io.netty..",
            "io.reactivex.rxjava3..",
            "org.msgpack..",
            "org.reactivestreams..")
        .check(SDK);
  }

  @Test
  void thePublicApiExposesNoImplementationTypes() {
    classes()
        .that()
        .resideInAPackage("io.vertomic.client")
        .and()
        .arePublic()
        .should(exposeNoTypeOf("io.vertomic.client.impl"))
        .check(SDK);
  }

  private static ArchCondition<JavaClass> exposeNoTypeOf(String internalPackage) {
    return new ArchCondition<>("expose no type of " + internalPackage + " in public signatures") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaCodeUnit unit : c.getCodeUnits()) {
          if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
            List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
            types.add(unit.getRawReturnType());
            types.forEach(t -> check(unit, t, events));
          }
        }
        for (JavaField f : c.getFields()) {
          if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
            check(f, f.getRawType(), events);
          }
        }
      }

      private void check(JavaMember member, JavaClass type, ConditionEvents events) {
        if (type.getPackageName().startsWith(internalPackage)) {
          events.add(
              SimpleConditionEvent.violated(
                  member, member.getFullName() + " exposes " + type.getName()));
        }
      }
    };
  }

  /** The factory {@code VertomicClient.create} is the one way in to the implementation. */
  @Test
  void packagesHaveNoCyclesButTheFactorys() {
    slices()
        .matching("io.vertomic.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(type(VertomicClient.class), resideInAPackage("io.vertomic.client.impl.."))
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vertomic.client"));
  }
}
