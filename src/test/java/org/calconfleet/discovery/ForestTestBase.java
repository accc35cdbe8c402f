package org.calconfleet.discovery;

import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo console (its inventory of Tokyo, Osaka and Singapore) with discovery pointed at the test forest through
 * the directory sign-in's address, binding with a Windows account of the vault. The service and page tests share it.
 */
public abstract class ForestTestBase extends KaribuSpringTest {

    public static final String CREDENTIAL = "ad-discovery";

    @Autowired
    protected CredentialService credentials;

    @DynamicPropertySource
    static void forest(DynamicPropertyRegistry properties) {
        properties.add("calcon.directory.url", ExchangeForest::url);
        properties.add("calcon.directory.timeout", () -> "3s");
        properties.add("calcon.discovery.credential", () -> CREDENTIAL);
        properties.add("calcon.discovery.page-size", () -> ExchangeForest.MAX_PAGE_SIZE);
        properties.add("calcon.drift-scan.enabled", () -> "false");
    }

    @BeforeEach
    void discoveryAccount() {
        Users.as("admin", Role.ADMIN, () -> {
            if (!credentials.names().contains(CREDENTIAL)) {
                credentials.create(CREDENTIAL, CredentialKind.WINDOWS_ACCOUNT, ExchangeForest.ACCOUNT,
                        ExchangeForest.PASSWORD);
            }
        });
    }
}
