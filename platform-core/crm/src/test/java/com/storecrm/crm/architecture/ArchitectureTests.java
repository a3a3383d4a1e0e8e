package com.storecrm.crm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** House rules of the codebase (STYLE.md), each proven able to fail against a deliberate violation. */
@AnalyzeClasses(packages = "com.storecrm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule tenancyKnowsNoFeature = noClasses()
            .that().resideInAPackage("com.storecrm.tenancy..")
            .should().dependOnClassesThat().resideInAnyPackage("com.storecrm.crm..", "com.storecrm.admin..",
                    "com.storecrm.analytics..");

    @ArchTest
    static final ArchRule controllersTalkToServicesNotRepositories = noClasses()
            .that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("com.storecrm.crm..")
            .should().dependOnClassesThat().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("com.storecrm.crm..")
            .should().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule nobodyConnectsAroundTheTenantScope = noClasses()
            .that().resideInAPackage("com.storecrm.crm..")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.storecrm.tenancy.TenantContextAccess");

    @Test
    void theRulesCatchViolations() {
        JavaClasses violations = new ClassFileImporter().importPackages("com.storecrm.tenancy.fixture",
                "com.storecrm.crm.architecture.fixture");
        assertThatThrownBy(() -> tenancyKnowsNoFeature.check(violations)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> controllersTalkToServicesNotRepositories.check(violations)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> repositoriesStayInsideTheirFeature.check(violations)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> nobodyConnectsAroundTheTenantScope.check(violations)).isInstanceOf(AssertionError.class);
    }
}
