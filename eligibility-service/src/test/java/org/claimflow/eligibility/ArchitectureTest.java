package org.claimflow.eligibility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.eligibility.persistence.PracticeScope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.claimflow.eligibility");

    @Test
    void domainDependsOnNoAdapterNorService() {
        noClasses().that().resideInAPackage("..eligibility.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..eligibility.rest..", "..eligibility.messaging..",
                        "..eligibility.service..", "..eligibility.gateway..", "..eligibility.outbox..",
                        "..eligibility.inbox..", "..eligibility.x12..")
                .check(CLASSES);
    }

    @Test
    void theX12CodecKnowsNothingOfTheService() {
        noClasses().that().resideInAPackage("..eligibility.x12..")
                .should().dependOnClassesThat().resideInAnyPackage("..eligibility.domain..", "..eligibility.rest..",
                        "..eligibility.messaging..", "..eligibility.service..", "..eligibility.gateway..")
                .check(CLASSES);
    }

    @Test
    void thePayerGatewayKnowsNothingOfTheCallers() {
        noClasses().that().resideInAPackage("..eligibility.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("..eligibility.rest..", "..eligibility.messaging..",
                        "..eligibility.service..", "..eligibility.outbox..", "..eligibility.inbox..")
                .check(CLASSES);
    }

    @Test
    void resourcesGoThroughTheServiceNotStraightToThePayerOrTheOutbox() {
        noClasses().that().resideInAPackage("..eligibility.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("..eligibility.gateway..", "..eligibility.outbox..",
                        "..eligibility.inbox..", "..eligibility.x12..")
                .check(CLASSES);
    }

    @Test
    void importsNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.claimflow.coding..", "org.claimflow.billing..",
                        "org.claimflow.denial..", "org.claimflow.sandbox..", "org.claimflow.localstack..")
                .check(CLASSES);
    }

    /** A request acts for its token's practice only; crossing practices is for named background work (issue #8). */
    @Test
    void requestsNeverActAcrossPractices() {
        noClasses().that().resideInAPackage("..eligibility.rest..")
                .should().callMethod(PracticeScope.class, "acrossPractices", Runnable.class)
                .orShould().callMethod(PracticeScope.class, "acrossPractices", Supplier.class)
                .check(CLASSES);
    }
}
