package org.calconfleet.discovery;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-memory LDAP server (UnboundID) playing a domain controller of the forest {@code corp.example}: its rootDSE
 * names the configuration partition, searches need a bind as Active Directory's do, and a bind as {@code CORP\USER}
 * (the down-level name Active Directory accepts) is turned into a bind with that account's DN.
 */
public final class ExchangeForest {

    public static final String CONFIGURATION = "CN=Configuration,DC=corp,DC=example";
    public static final String ACCOUNT = "CORP\\svc-discovery";
    public static final String PASSWORD = "Discovery-Secret-2026";
    /** Fewer than the forest's Exchange servers, so discovery finds them all only by paging. */
    public static final int MAX_PAGE_SIZE = 4;
    private static InMemoryDirectoryServer server;

    private ExchangeForest() {
    }

    /** The one forest of the test JVM, started on first use on a free loopback port. */
    public static synchronized InMemoryDirectoryServer directory() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    public static String url() {
        return "ldap://127.0.0.1:" + directory().getListenPort();
    }

    private static InMemoryDirectoryServer start() {
        try {
            var config = new InMemoryDirectoryServerConfig("DC=corp,DC=example");
            config.setSchema(null);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    InetAddress.getLoopbackAddress(), 0, null));
            config.setCustomRootDSEAttributes(List.of(
                    new Attribute("configurationNamingContext", CONFIGURATION),
                    new Attribute("defaultNamingContext", "DC=corp,DC=example")));
            // Like Active Directory's MaxPageSize: a search that does not page gets no more than this.
            config.setMaxSizeLimit(MAX_PAGE_SIZE);
            config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH, OperationType.COMPARE);
            config.addInMemoryOperationInterceptor(new DownLevelNames());
            var directory = new InMemoryDirectoryServer(config);
            directory.importFromLDIF(true, Path.of("src/test/resources/ldap/exchange-forest.ldif").toFile());
            directory.startListening();
            return directory;
        } catch (LDAPException e) {
            throw new IllegalStateException("the test forest did not start", e);
        }
    }

    private static final class DownLevelNames extends InMemoryOperationInterceptor {
        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            SimpleBindRequest bind = request.getRequest();
            String name = bind.getBindDN();
            int slash = name.indexOf('\\');
            if (slash < 0) {
                return;
            }
            List<SearchResultEntry> found = server.search("DC=corp,DC=example", SearchScope.SUB,
                    Filter.createEqualityFilter("sAMAccountName", name.substring(slash + 1))).getSearchEntries();
            String dn = found.isEmpty() ? "CN=nobody,DC=corp,DC=example" : found.getFirst().getDN();
            request.setRequest(new SimpleBindRequest(dn, bind.getPassword().getValue()));
        }
    }
}
