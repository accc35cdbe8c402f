package org.calconfleet.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.CertificateFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Profile {@code agent} starts the agent and nothing of the console. */
class AgentApplicationTest {

    @TempDir
    Path home;

    @Test
    void the_agent_context_holds_the_agent_and_nothing_of_the_console() throws Exception {
        String token = AgentToken.generate();
        try (ConfigurableApplicationContext context = AgentApplication.run("--calcon.agent.home=" + home,
                "--calcon.agent.port=0", "--calcon.agent.bind-address=127.0.0.1", "--calcon.agent.token=" + token,
                "--calcon.agent.mode=simulated")) {

            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly(AgentApplication.PROFILE);
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("vaadin")
                    || name.toLowerCase().contains("flyway") || name.toLowerCase().contains("jpa")
                    || name.toLowerCase().contains("security") || name.toLowerCase().contains("demo"));

            Properties endpoint = new Properties();
            try (InputStream in = Files.newInputStream(home.resolve(AgentHttpServer.ENDPOINT_FILE))) {
                endpoint.load(in);
            }
            try (AgentConnection agent = new AgentConnection(URI.create(endpoint.getProperty("url")),
                    CertificateFingerprint.require(endpoint.getProperty("fingerprint")), token,
                    AgentProcess.quickSettings())) {
                JsonNode info = agent.read(AgentApi.INFO, Duration.ZERO).orElseThrow().get("value");
                assertThat(info.get("mode").asString()).isEqualTo("simulated");
                assertThat(info.get("domino").booleanValue()).isFalse();
            }
        }
        assertThat(home.resolve(AgentHttpServer.ENDPOINT_FILE)).doesNotExist();
        assertThat(home.resolve(AgentIdentity.KEY_FILE)).exists();
        assertThat(home.resolve(AgentToken.FILE)).exists();
    }

    @Test
    void the_profile_is_recognised_where_spring_reads_it() {
        assertThat(AgentApplication.isRequested(new String[] {"--spring.profiles.active=agent"})).isTrue();
        assertThat(AgentApplication.isRequested(new String[] {"--spring.profiles.active=postgres, agent"})).isTrue();
        assertThat(AgentApplication.isRequested(new String[] {"--spring.profiles.active=agents"})).isFalse();
        assertThat(AgentApplication.isRequested(new String[] {"--spring.profiles.active=demo"})).isFalse();
        assertThat(AgentApplication.isRequested(new String[] {"--calcon.agent.port=1"})).isFalse();
    }

    /** What keeps the console's component scan of org.calconfleet from ever starting an agent part. */
    @Test
    void no_agent_class_is_a_spring_stereotype() {
        noClasses().that().resideInAPackage("org.calconfleet.agent..")
                .should().beMetaAnnotatedWith(Component.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.calconfleet.agent"));
    }
}
