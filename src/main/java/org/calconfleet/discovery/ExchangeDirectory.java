package org.calconfleet.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.directory.SearchControls;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.MissingCredentialException;
import org.calconfleet.credential.WindowsAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.CommunicationException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.stereotype.Component;

/**
 * Reads the Exchange servers of the forest: the configuration partition's name from the rootDSE, then every
 * {@code msExchExchangeServer} under {@code CN=Microsoft Exchange,CN=Services} of it. Only reads; binds with the
 * Windows account the settings name ({@code DOMAIN\USER}, a form Active Directory accepts in a simple bind).
 */
@Component
@EnableConfigurationProperties(DiscoverySettings.class)
class ExchangeDirectory {

    static final String SERVER_CLASS = "msExchExchangeServer";
    private static final String TCP_ADDRESS = "ncacn_ip_tcp:";
    private static final String[] ATTRIBUTES = {"cn", "serialNumber", "msExchCurrentServerRoles", "msExchServerSite",
        "networkAddress", "dNSHostName"};

    /** What one reading found: the configuration partition's name and the servers under it. */
    record Reading(String configurationContext, List<DirectoryServer> servers) {
    }

    private final DiscoverySettings settings;
    private final CredentialSecrets secrets;

    ExchangeDirectory(DiscoverySettings settings, CredentialSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    boolean configured() {
        return settings.configured();
    }

    Reading read() {
        if (!settings.configured()) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.NOT_CONFIGURED,
                    "discovery.error.notConfigured", List.of(), null);
        }
        LdapContextSource source = contextSource(account());
        try {
            String configuration = configurationContext(template(source));
            String exchange = "CN=Microsoft Exchange,CN=Services," + configuration;
            List<DirectoryServer> servers;
            try {
                servers = servers(source, exchange);
            } catch (NameNotFoundException e) {
                servers = List.of();
            }
            return new Reading(configuration, servers);
        } catch (AuthenticationException e) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.REFUSED, "discovery.error.bindRefused",
                    List.of(settings.credential()), e);
        } catch (CommunicationException e) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.UNAVAILABLE,
                    "discovery.error.unreachable", List.of(settings.url()), e);
        } catch (NamingException e) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.UNAVAILABLE, "discovery.error.directory",
                    List.of(settings.url(), String.valueOf(e.getMessage())), e);
        }
    }

    private WindowsAccount account() {
        try {
            WindowsAccount account = secrets.windowsAccount(settings.credential());
            if (account.domain().isEmpty()) {
                throw new DiscoveryFailedException(DiscoveryFailedException.Cause.NOT_CONFIGURED,
                        "discovery.error.localAccount", List.of(settings.credential()), null);
            }
            return account;
        } catch (MissingCredentialException e) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.NOT_CONFIGURED,
                    "discovery.error.credential", List.of(settings.credential()), e);
        }
    }

    private LdapContextSource contextSource(WindowsAccount account) {
        var source = new LdapContextSource();
        source.setUrls(settings.url().strip().split("\\s+"));
        source.setUserDn(account.qualifiedName());
        source.setPassword(account.password());
        String millis = String.valueOf(settings.timeout().toMillis());
        // Without JNDI's time-outs a domain controller that does not answer holds the page for minutes.
        source.setBaseEnvironmentProperties(Map.of("com.sun.jndi.ldap.connect.timeout", millis,
                "com.sun.jndi.ldap.read.timeout", millis));
        source.setPooled(false);
        source.afterPropertiesSet();
        return source;
    }

    private static LdapTemplate template(ContextSource source) {
        var template = new LdapTemplate(source);
        // A domain controller answers a subtree search with referrals to the other partitions; they are not ours.
        template.setIgnorePartialResultException(true);
        return template;
    }

    /**
     * Pages through the servers (RFC 2696 paged results) on one connection, as the cookie requires: Active Directory
     * answers a search for more objects than its MaxPageSize (1,000 by default) with a size-limit error otherwise.
     */
    private List<DirectoryServer> servers(ContextSource source, String exchange) {
        var controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(ATTRIBUTES);
        String filter = new EqualsFilter("objectClass", SERVER_CLASS).encode();
        var pages = new PagedResultsDirContextProcessor(settings.pageSize());
        return SingleContextSource.doWithSingleContext(source, ldap -> {
            List<DirectoryServer> found = new ArrayList<>();
            do {
                found.addAll(ldap.search(exchange, filter, controls,
                        (ContextMapper<DirectoryServer>) ExchangeDirectory::server, pages));
            } while (pages.hasMore());
            return found;
        }, false, true, false);
    }

    private static String configurationContext(LdapTemplate ldap) {
        String context = ldap.lookup("", new String[] {"configurationNamingContext"},
                (AttributesMapper<@Nullable String>) attributes -> {
                    var value = attributes.get("configurationNamingContext");
                    return value == null ? null : (String) value.get();
                });
        if (context == null || context.isBlank()) {
            throw new DiscoveryFailedException(DiscoveryFailedException.Cause.REFUSED,
                    "discovery.error.noConfigurationContext", List.of(), null);
        }
        return context;
    }

    private static DirectoryServer server(Object found) {
        DirContextOperations entry = (DirContextOperations) found;
        String name = Optional.ofNullable(entry.getStringAttribute("cn")).orElse("");
        String roles = entry.getStringAttribute("msExchCurrentServerRoles");
        String serial = entry.getStringAttribute("serialNumber");
        return new DirectoryServer(name, hostName(entry, name),
                serial == null ? null : ExchangeBuild.parse(serial).orElse(null),
                ExchangeRole.ofFlags(roles == null ? 0 : parseFlags(roles)),
                siteName(entry.getStringAttribute("msExchServerSite")), entry.getNameInNamespace());
    }

    private static String hostName(DirContextOperations entry, String name) {
        String[] addresses = entry.getStringAttributes("networkAddress");
        if (addresses != null) {
            for (String address : addresses) {
                if (address.regionMatches(true, 0, TCP_ADDRESS, 0, TCP_ADDRESS.length())
                        && address.length() > TCP_ADDRESS.length()) {
                    return address.substring(TCP_ADDRESS.length()).strip();
                }
            }
        }
        String dns = entry.getStringAttribute("dNSHostName");
        return dns == null || dns.isBlank() ? name : dns.strip();
    }

    private static int parseFlags(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code CN=Osaka,CN=Sites,CN=Configuration,…} names the site Osaka. */
    static @Nullable String siteName(@Nullable String siteDn) {
        if (siteDn == null || siteDn.isBlank()) {
            return null;
        }
        try {
            List<Rdn> rdns = new LdapName(siteDn).getRdns();
            return rdns.isEmpty() ? null : String.valueOf(rdns.getLast().getValue());
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
