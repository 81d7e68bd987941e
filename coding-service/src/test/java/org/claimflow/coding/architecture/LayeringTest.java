package org.claimflow.coding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.lang.annotation.Annotation;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.coding.persistence.PracticeScope;
import org.claimflow.coding.rest.Audited;
import org.claimflow.coding.rest.NotAudited;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.claimflow.coding", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheEdges = noClasses().that().resideInAPackage("..coding.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..coding.rest..", "..coding.messaging..",
                    "..coding.service..", "..coding.outbox..", "..coding.inbox..");

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.claimflow.billing..", "org.claimflow.eligibility..", "org.claimflow.denial..",
                    "org.claimflow.sandbox..", "org.claimflow.localstack..");

    @ArchTest
    static final ArchRule resourcesDoNotTouchPersistenceDirectly = noClasses().that().resideInAPackage("..coding.rest..")
            .and().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "..coding.outbox..");

    /** A request acts for its token's practice only; crossing practices is for named background work (issue #8). */
    @ArchTest
    static final ArchRule requestsNeverActAcrossPractices = noClasses().that().resideInAPackage("..coding.rest..")
            .should().callMethod(PracticeScope.class, "acrossPractices", Runnable.class)
            .orShould().callMethod(PracticeScope.class, "acrossPractices", Supplier.class);

    /** Issue #8: an endpoint that returns or changes patient data writes the audit trail; every other says why not. */
    @ArchTest
    static final ArchRule everyResourceMethodDecidesWhetherItIsAudited = methods()
            .that(new DescribedPredicate<JavaMethod>("are JAX-RS resource methods") {
                @Override
                public boolean test(JavaMethod method) {
                    return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
                }
            })
            .should(new ArchCondition<JavaMethod>("be annotated with exactly one of @Audited and @NotAudited") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean audited = method.isAnnotatedWith(Audited.class);
                    boolean notAudited = method.isAnnotatedWith(NotAudited.class);
                    events.add(new SimpleConditionEvent(method, audited != notAudited, method.getFullName()
                            + (audited ? " is both @Audited and @NotAudited" : " is neither @Audited nor @NotAudited")));
                }
            });

    /** The rule above found the endpoints (a rule over nothing would pass). */
    @ArchTest
    static void theAuditRuleSeesEveryEndpoint(JavaClasses classes) {
        long endpoints = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith)).count();
        org.junit.jupiter.api.Assertions.assertTrue(endpoints >= 9, "resource methods found: " + endpoints);
    }

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(jakarta.ws.rs.GET.class,
            jakarta.ws.rs.POST.class, jakarta.ws.rs.PUT.class, jakarta.ws.rs.DELETE.class, jakarta.ws.rs.PATCH.class,
            jakarta.ws.rs.HEAD.class);
}
