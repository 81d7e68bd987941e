package org.claimflow.billing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.rest.Audited;
import org.claimflow.billing.rest.NotAudited;
import org.claimflow.localstack.AuditTrailChecks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.claimflow.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfRestOrMessaging = noClasses().that().resideInAPackage("..billing.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..billing.rest..", "..billing.messaging..",
                    "..billing.gateway..", "..billing.service..");

    @ArchTest
    static final ArchRule x12CodecKnowsNothingOfTheService = noClasses().that().resideInAPackage("..billing.x12..")
            .should().dependOnClassesThat().resideInAnyPackage("..billing.domain..", "..billing.service..",
                    "..billing.rest..", "..billing.messaging..", "..billing.gateway..");

    @ArchTest
    static final ArchRule restDoesNotReachPastTheServices = noClasses().that().resideInAPackage("..billing.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("..billing.messaging..", "..billing.gateway..",
                    "..billing.outbox..", "..billing.inbox..");

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses().that().resideInAPackage("org.claimflow.billing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.claimflow.coding..", "org.claimflow.eligibility..",
                    "org.claimflow.denial..", "org.claimflow.sandbox..");

    /** Row-level security: a request acts for its token's practice only; every practice at once is for named jobs. */
    @ArchTest
    static final ArchRule noRequestActsAcrossPractices = noClasses().that().resideInAPackage("..billing.rest..")
            .should().callMethod(PracticeScope.class, "acrossPractices", Runnable.class)
            .orShould().callMethod(PracticeScope.class, "acrossPractices", Supplier.class);

    /**
     * The audit trail (issue #8): an endpoint that returns or changes patient data is {@code @Audited}; every other says
     * why not. (The sandbox payer's REST client interface is another system's API, not an endpoint.)
     */
    @ArchTest
    static final ArchRule everyResourceMethodIsAuditedOrSaysWhyNot =
            AuditTrailChecks.everyResourceMethodIsAuditedOrSaysWhyNot(Audited.class, NotAudited.class);
}
