package org.calconfleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape DESIGN.md asks for, held by plain JUnit tests (ArchUnit's own engine runs nothing on JUnit 6). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.calconfleet");
    }

    @Test
    void only_ui_packages_use_vaadin() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void only_the_windows_backend_and_the_agent_use_jna() {
        noClasses().that().resideOutsideOfPackages("..host.windows..", "..agent..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void the_port_rules_are_plain_java() {
        noClasses().that().resideInAPackage("org.calconfleet.port..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..", "java.io..", "java.net..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** A feature is one slice with its screens and its REST API inside; the shared layout `ui` is a slice of its own. */
    private static final ArchRule FEATURES_FREE_OF_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith("org.calconfleet.")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(name.substring("org.calconfleet.".length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "features, each with its screens and API";
        }
    }).should().beFreeOfCycles();

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        FEATURES_FREE_OF_CYCLES.check(classes);
    }

    /** The rule above sees a screen of one feature naming a feature that builds on it (a fixture among the tests). */
    @Test
    void a_screen_naming_a_feature_above_its_own_is_a_cycle() {
        String fixture = "org.calconfleet.change.ui.WizardNamingTheJobsPage";
        JavaClasses withFixture = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains(fixture.replace('.', '/') + ".class"))
                .importPackages("org.calconfleet");

        assertThat(withFixture.contain(fixture)).isTrue();
        assertThatThrownBy(() -> FEATURES_FREE_OF_CYCLES.check(withFixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("change")
                .hasMessageContaining("rollout");
    }

    @Test
    void packages_do_not_depend_on_each_other_in_cycles() {
        slices().matching("org.calconfleet.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Secrets in clear are for host backends: never a screen, a REST controller or an export. */
    @Test
    void no_screen_or_api_reaches_a_secret_in_clear() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.calconfleet.credential.CredentialSecrets")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.calconfleet.credential.WindowsAccount")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.calconfleet.credential.AgentToken")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.calconfleet.credential.SecretSeal")
                .check(classes);
    }

    /** The trail read with no role behind it is for the console's own copies (the SIEM), never for a person. */
    @Test
    void no_screen_or_api_reads_the_trail_past_its_roles() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.calconfleet.audit.AuditFeed")
                .check(classes);
    }

    @Test
    void repositories_are_used_only_inside_their_feature() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    /** A class a reader can hold in mind; past this, it is doing more than one thing and wants splitting. */
    @Test
    void no_class_of_the_console_is_over_400_lines() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            Map<Path, Long> tooLong = sources.filter(path -> path.toString().endsWith(".java"))
                    .collect(Collectors.toMap(path -> path, ArchitectureTest::lines))
                    .entrySet().stream().filter(file -> file.getValue() > 400)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(tooLong).isEmpty();
        }
    }

    private static long lines(Path source) {
        try (Stream<String> lines = Files.lines(source)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
