package dev.hangar.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.function.Predicate;

/**
 * Dependencies point inward: api -> sides -> shared-kernel, never back; the sides never meet. In
 * api, the surfaces never meet either, and the wiring knows none of them.
 */
@AnalyzeClasses(packages = "dev.hangar", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The surface packages under dev.hangar.api (health serves two surfaces, and belongs to neither). */
    static final List<String> SURFACES = List.of("platform", "databases", "instances", "workspaces", "health");

    static String[] surfacePackages(Predicate<String> which) {
        return SURFACES.stream().filter(which).map(s -> "dev.hangar.api." + s + "..").toArray(String[]::new);
    }

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
            .resideInAnyPackage(surfacePackages(s -> true))
            .should().dependOnClassesThat().resideInAnyPackage("dev.hangar.command..", "dev.hangar.query..",
                    "dev.hangar.saga..", "org.axonframework.modelling..", "org.axonframework.eventsourcing..");

    /** A surface uses the wiring (surface, error, security, consistency, config), never another surface. */
    @ArchTest
    static final ArchRule surfacesDoNotDependOnEachOther = CompositeArchRule.of(SURFACES.stream()
            .map(surface -> (ArchRule) noClasses().that().resideInAPackage("dev.hangar.api." + surface + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(surfacePackages(s -> !s.equals(surface)))
                    .as("dev.hangar.api." + surface + " depends on no other surface"))
            .toList());

    /** Adding a surface adds its package and a SurfaceDefinition bean; the wiring names no surface. */
    @ArchTest
    static final ArchRule theWiringKnowsNoSurface = noClasses().that().resideInAnyPackage("dev.hangar.api.surface..",
                    "dev.hangar.api.error..", "dev.hangar.api.security..", "dev.hangar.api.consistency..",
                    "dev.hangar.api.config..")
            .should().dependOnClassesThat().resideInAnyPackage(surfacePackages(s -> true));

    /** One configuration style: HangarProperties records; only the pre-binding post-processor reads the environment. */
    @ArchTest
    static final ArchRule settingsAreBoundNotLookedUp = noClasses().that().resideInAPackage("dev.hangar.api..")
            .and().doNotHaveSimpleName("DataDirectoryPostProcessor")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.beans.factory.annotation.Value")
            .orShould().dependOnClassesThat().areAssignableTo("org.springframework.core.env.PropertyResolver");
}
