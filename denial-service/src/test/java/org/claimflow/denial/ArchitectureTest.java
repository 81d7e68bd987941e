package org.claimflow.denial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.denial.persistence.PracticeScope;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.claimflow.denial");

    @Test
    void keepsTheDomainFreeOfRestAndMessaging() {
        noClasses().that().resideInAPackage("..denial.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..denial.rest..", "..denial.messaging..",
                        "..denial.service..", "jakarta.ws.rs..", "org.eclipse.microprofile.reactive.messaging..")
                .check(CLASSES);
    }

    @Test
    void importsNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.claimflow.coding..", "org.claimflow.billing..",
                        "org.claimflow.eligibility..", "org.claimflow.localstack..")
                .check(CLASSES);
    }

    @Test
    void letsNoRestAdapterActAcrossPractices() {
        // A request acts in its token's practice only (row-level security); '*' is for named background work.
        noClasses().that().resideInAPackage("..denial.rest..")
                .should().callMethod(PracticeScope.class, "acrossPractices", Runnable.class)
                .orShould().callMethod(PracticeScope.class, "acrossPractices", Supplier.class)
                .check(CLASSES);
    }

    @Test
    void keepsRestAdaptersOutOfMessagingAndMessagingOutOfRest() {
        noClasses().that().resideInAPackage("..denial.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("..denial.messaging..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..denial.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..denial.rest..")
                .check(CLASSES);
    }
}
