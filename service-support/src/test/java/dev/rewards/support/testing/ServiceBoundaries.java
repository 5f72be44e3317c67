package dev.rewards.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The module rule of docs/architecture.md: a service never uses another service's code; what they
 * share is shared-contracts (messages) and service-support (plumbing).
 */
public final class ServiceBoundaries {

  private static final List<String> SERVICES =
      List.of("api", "ledger", "analytics", "notifier", "localstack");

  private ServiceBoundaries() {}

  /** Fails if any class of {@code dev.rewards.<service>} depends on another service's package. */
  public static void check(String service) {
    JavaClasses classes = mainClassesOf("dev.rewards." + service);
    String[] others =
        SERVICES.stream()
            .filter(s -> !s.equals(service))
            .map(s -> "dev.rewards." + s + "..")
            .toArray(String[]::new);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
  }

  /** Fails if the given package of a service (its business rules) depends on Spring. */
  public static void checkFreeOfSpring(String packageName) {
    checkFreeOf(packageName, "org.springframework..");
  }

  /**
   * Fails if the given package (a service's rules) depends on Spring, the MongoDB driver or BSON:
   * rules are plain Java, so they are tested without a store and move to another store unchanged.
   */
  public static void checkFreeOfFrameworksAndStore(String packageName) {
    checkFreeOf(packageName, "org.springframework..", "com.mongodb..", "org.bson..");
  }

  private static void checkFreeOf(String packageName, String... forbidden) {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .check(mainClassesOf(packageName));
  }

  /** Fails if two feature packages of a service depend on each other, directly or around a loop. */
  public static void checkFeaturesFreeOfCycles(String service) {
    JavaClasses classes = mainClassesOf("dev.rewards." + service);
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.rewards." + service + ".(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  private static JavaClasses mainClassesOf(String packageName) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packageName);
  }
}
