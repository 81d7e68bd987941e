package org.claimflow.eligibility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.eligibility.persistence.PracticeScope;
import org.claimflow.eligibility.rest.Audited;
import org.claimflow.eligibility.rest.NotAudited;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

    @Test
    void decidesForEveryResourceMethodWhetherItIsAudited() {
        // Issue #8: an endpoint that returns or changes patient data writes the audit trail; every other says why not.
        // The resources are the rest package's (the payer gateway's REST client interface is no endpoint of ours).
        DescribedPredicate<JavaMethod> resourceMethods = new DescribedPredicate<>("JAX-RS resource methods") {
            @Override
            public boolean test(JavaMethod method) {
                return method.getOwner().getPackageName().endsWith(".eligibility.rest")
                        && HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
            }
        };
        ArchCondition<JavaMethod> auditedOrNot = new ArchCondition<>("be annotated with exactly one of @Audited and @NotAudited") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean audited = method.isAnnotatedWith(Audited.class);
                boolean notAudited = method.isAnnotatedWith(NotAudited.class);
                events.add(new SimpleConditionEvent(method, audited != notAudited,
                        method.getFullName() + (audited ? " is both @Audited and @NotAudited" : " is neither @Audited nor @NotAudited")));
            }
        };
        methods().that(resourceMethods).should(auditedOrNot).check(CLASSES);
        // The rule found the endpoints (a rule over nothing would pass).
        org.junit.jupiter.api.Assertions.assertTrue(CLASSES.stream().flatMap(c -> c.getMethods().stream())
                .filter(resourceMethods).count() >= 7);
    }

    private static final java.util.List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS = java.util.List.of(
            jakarta.ws.rs.GET.class, jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class,
            jakarta.ws.rs.PATCH.class, jakarta.ws.rs.HEAD.class);
}
