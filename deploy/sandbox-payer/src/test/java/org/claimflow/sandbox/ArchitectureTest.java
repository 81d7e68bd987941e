package org.claimflow.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules and the X12 layer know nothing of HTTP; the policies are plain code. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.claimflow.sandbox");

    @Test
    void rulesDependOnNeitherHttpNorX12() {
        noClasses().that().resideInAnyPackage("..adjudication..", "..acceptance..", "..eligibility..", "..seed..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..x12..", "..clearinghouse..",
                        "..mailbox..", "jakarta.ws.rs..")
                .check(CLASSES);
    }

    @Test
    void x12LayerDoesNotKnowTheRestApiOrTheServices() {
        noClasses().that().resideInAPackage("..x12..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..clearinghouse..", "..mailbox..",
                        "jakarta.ws.rs..", "jakarta.enterprise..")
                .check(CLASSES);
    }

    @Test
    void policiesArePlainClassesWithoutCdi() {
        noClasses().that().haveSimpleNameEndingWith("Policy")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..")
                .check(CLASSES);
    }
}
