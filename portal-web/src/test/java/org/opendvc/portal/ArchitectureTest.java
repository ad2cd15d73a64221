package org.opendvc.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md for portal-web ("Modules and packages"): the pages ({@code
 * web}) and the REST API ({@code api}) do not depend on each other; what both need lives in {@code
 * http}, which depends on neither; {@code web.shared} is below every other page area; and no two
 * packages of the application depend on each other.
 */
class ArchitectureTest {

  private static final String ROOT = "org.opendvc.portal";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void thePagesDoNotUseTheApi() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".api..")
        .because("docs/architecture.md: web depends on portal-ejb and http, never on api")
        .check(CLASSES);
  }

  @Test
  void theApiDoesNotUseThePages() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".web..")
        .because("docs/architecture.md: api depends on portal-ejb and http, never on web")
        .check(CLASSES);
  }

  @Test
  void whatBothShareDependsOnNeither() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".api..", ROOT + ".web..", ROOT + ".infrastructure..")
        .because("docs/architecture.md: http depends on the domain packages only")
        .check(CLASSES);
  }

  @Test
  void thePagesDoNotReachIntoInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".infrastructure..")
        .because("docs/architecture.md: web depends on the domain services")
        .check(CLASSES);
  }

  @Test
  void whatEveryPageSharesIsBelowThePageAreas() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".web.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".web.account..",
            ROOT + ".web.admin..",
            ROOT + ".web.applicant..",
            ROOT + ".web.catalogue..",
            ROOT + ".web.home..",
            ROOT + ".web.officer..",
            ROOT + ".web.publication..",
            ROOT + ".web.tracking..")
        .because("docs/architecture.md: web.shared is what every page area may use")
        .check(CLASSES);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices()
        .matching(ROOT + ".(**)")
        .should()
        .beFreeOfCycles()
        .because("docs/architecture.md: dependencies between packages go one way")
        .check(CLASSES);
  }
}
