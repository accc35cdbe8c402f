package org.calconfleet.discovery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where discovery reads the forest ({@code calcon.discovery.*}). The address and time-out default to the directory
 * sign-in's ({@code calcon.directory.url}, {@code calcon.directory.timeout}) in {@code application.properties}.
 *
 * @param url        {@code ldaps://dc1.corp.example:636}, several separated by spaces; a domain controller of the
 *                   forest (any one: the configuration partition is on all of them)
 * @param credential the Windows account in the vault that discovery binds with ({@code DOMAIN\USER}); every
 *                   authenticated user of the forest may read the configuration partition
 * @param timeout    how long a connection to and an answer from the directory may take
 * @param pageSize   how many objects one page of the search asks for; under Active Directory's MaxPageSize (1,000)
 */
@ConfigurationProperties("calcon.discovery")
record DiscoverySettings(@DefaultValue("") String url, @DefaultValue("") String credential,
                         @DefaultValue("5s") Duration timeout,
                         @DefaultValue("500") int pageSize) {

    boolean configured() {
        return !url.isBlank() && !credential.isBlank();
    }
}
