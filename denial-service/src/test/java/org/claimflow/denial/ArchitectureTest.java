package org.claimflow.denial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.rest.Audited;
import org.claimflow.denial.rest.NotAudited;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

    @Test
    void decidesForEveryResourceMethodWhetherItIsAudited() {
        // Issue #8: an endpoint that returns or changes patient data writes the audit trail; every other says why not.
        DescribedPredicate<JavaMethod> resourceMethods = new DescribedPredicate<>("JAX-RS resource methods") {
            @Override
            public boolean test(JavaMethod method) {
                return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
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
                .filter(resourceMethods).count() >= 17);
    }

    private static final java.util.List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS = java.util.List.of(
            jakarta.ws.rs.GET.class, jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class,
            jakarta.ws.rs.PATCH.class, jakarta.ws.rs.HEAD.class);
}
