package dev.hangar.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: api -> sides -> shared-kernel, never back; the sides never meet. */
@AnalyzeClasses(packages = "dev.hangar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kernelDependsOnNothingOfHangar = noClasses().that().resideInAPackage("dev.hangar.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.command..", "dev.hangar.query..",
                    "dev.hangar.saga..", "dev.hangar.api..");

    @ArchTest
    static final ArchRule kernelHasNoSpring = noClasses().that().resideInAPackage("dev.hangar.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule commandSideStaysOnItsSide = noClasses().that().resideInAPackage("dev.hangar.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.query..", "dev.hangar.saga..",
                    "dev.hangar.api..", "org.springframework.web..");

    @ArchTest
    static final ArchRule querySideStaysOnItsSide = noClasses().that().resideInAPackage("dev.hangar.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.command..", "dev.hangar.saga..",
                    "dev.hangar.api..", "org.springframework.web..");

    @ArchTest
    static final ArchRule sagasStayOnTheirSide = noClasses().that().resideInAPackage("dev.hangar.saga..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.command..", "dev.hangar.query..",
                    "dev.hangar.api..", "org.springframework.web..");

    /** Controllers reach the core only through Axon's gateways and the published language. */
    @ArchTest
    static final ArchRule surfacesTalkThroughGateways = noClasses().that()
            .resideInAnyPackage("dev.hangar.api.platform..", "dev.hangar.api.databases..", "dev.hangar.api.instances..",
                    "dev.hangar.api.workspaces..", "dev.hangar.api.health..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.command..", "dev.hangar.query..",
                    "dev.hangar.saga..", "org.axonframework.modelling..", "org.axonframework.eventsourcing..");
}
