package org.claimflow.coding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Supplier;

import org.claimflow.coding.persistence.PracticeScope;

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
}
