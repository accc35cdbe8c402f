package org.calconfleet.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class HostArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.calconfleet.host", "org.calconfleet.domino");

    @Test
    void only_the_jna_implementation_of_the_windows_seam_touches_jna() {
        noClasses().that().doNotHaveFullyQualifiedName("org.calconfleet.host.windows.JnaWindowsApi")
                .and().doNotHaveFullyQualifiedName("org.calconfleet.host.windows.JnaWindowsApi$JnaRegistry")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(MAIN);
    }

    @Test
    void the_host_and_domino_features_use_no_framework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(MAIN);
    }

    @Test
    void the_port_does_not_depend_on_its_adapters() {
        noClasses().that().resideInAPackage("org.calconfleet.host")
                .should().dependOnClassesThat().resideInAnyPackage("org.calconfleet.host.simulated..",
                        "org.calconfleet.host.windows..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.calconfleet.host.simulated..")
                .should().dependOnClassesThat().resideInAPackage("org.calconfleet.host.windows..")
                .check(MAIN);
        noClasses().that().resideInAPackage("org.calconfleet.domino")
                .should().dependOnClassesThat().resideInAPackage("org.calconfleet.domino.simulated..")
                .check(MAIN);
    }
}
