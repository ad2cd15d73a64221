package org.opendvc.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md for portal-ejb ("Modules and packages"): what each domain
 * package may depend on, that no domain package depends on {@code infrastructure} or on the web
 * module, that the dossier package keeps its dossiers through {@code DossierRepository} alone, and
 * that no two packages depend on each other.
 */
class ArchitectureTest {

  private static final String ROOT = "org.opendvc.portal";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /** The domain packages, each with the packages of the portal it may use besides its own. */
  private static final String[][] MAY_DEPEND_ON = {
    {"shared"},
    {"audit", "shared"},
    {"catalogue", "shared"},
    {"catalogue.search", "catalogue", "shared"},
    {"calendar", "shared"},
    {"identity", "catalogue", "shared"},
    {"dossier", "catalogue", "calendar", "identity", "shared"},
    {"dossier.attachment", "dossier", "catalogue", "identity", "shared"},
    {"dossier.receipt", "dossier", "catalogue", "calendar", "identity", "shared"},
    {"dossier.sync", "dossier", "catalogue", "calendar", "shared"},
    {"payment", "dossier", "catalogue", "identity", "shared"},
    {
      "notification",
      "dossier",
      "calendar",
      "identity",
      "statistics",
      "satisfaction",
      "feedback",
      "shared"
    },
    {"publication", "dossier", "catalogue", "calendar", "shared"},
    {"statistics", "dossier", "catalogue", "calendar", "shared"},
    {"satisfaction", "dossier", "catalogue", "calendar", "identity", "statistics", "shared"},
    {"scoring", "catalogue", "calendar", "statistics", "shared"},
    {"feedback", "dossier", "catalogue", "calendar", "identity", "shared"},
    {"opendata", "statistics", "publication", "dossier", "catalogue", "calendar", "shared"},
  };

  @Test
  void eachDomainPackageUsesOnlyWhatTheTableAllows() {
    StringBuilder violations = new StringBuilder();
    for (String[] row : MAY_DEPEND_ON) {
      String[] allowed =
          Stream.concat(Stream.of(row[0]), Arrays.stream(row).skip(1))
              .map(p -> ROOT + "." + p)
              .toArray(String[]::new);
      ArchRule rule =
          classes()
              .that()
              .resideInAPackage(ROOT + "." + row[0])
              .should()
              .onlyDependOnClassesThat(
                  not(resideInAnyPackage(ROOT + "..")).or(resideInAnyPackage(allowed)))
              .because(
                  "docs/architecture.md: "
                      + row[0]
                      + " may depend on "
                      + String.join(", ", Arrays.copyOfRange(row, 1, row.length)));
      EvaluationResult result = rule.evaluate(CLASSES);
      if (result.hasViolation()) {
        violations.append(result.getFailureReport()).append('\n');
      }
    }
    assertEquals("", violations.toString());
  }

  @Test
  void theDomainDependsOnNoEdge() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".infrastructure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".infrastructure..", ROOT + ".api..", ROOT + ".web..", ROOT + ".http..")
        .because(
            "docs/architecture.md: domain packages never depend on api, web or" + " infrastructure")
        .check(CLASSES);
  }

  @Test
  void dossiersAreKeptThroughTheirRepository() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".dossier")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .because(
            "docs/architecture.md: the dossier package finds and keeps dossiers through"
                + " DossierRepository; only its implementation in infrastructure.persistence uses"
                + " the EntityManager")
        .check(CLASSES);
    classes()
        .that()
        .implement(ROOT + ".dossier.DossierRepository")
        .should()
        .resideInAPackage(ROOT + ".infrastructure.persistence")
        .because(
            "docs/architecture.md: repository implementations live in"
                + " infrastructure.persistence")
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
