package org.calconfleet.security;

import org.calconfleet.access.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.calconfleet.access.SiteScope;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;

@Entity
@Table(name = "app_user")
public class AppUser {

    public static final int USERNAME_MAX_LENGTH = 64;
    public static final int DISPLAY_NAME_MAX_LENGTH = 128;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = USERNAME_MAX_LENGTH)
    private String username = "";

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName = "";

    /** Null for a directory user: the directory checks their password. */
    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role = Role.HELPDESK;

    private @Nullable String language;

    private boolean enabled = true;

    /**
     * Signs in elsewhere (the directory, or the single sign-on provider when {@link #ssoSubject} is set); its role is
     * refreshed from the groups there at each sign-in.
     */
    private boolean directory;

    /** The provider's issuer and subject of a user who signs in through single sign-on. */
    @Column(name = "sso_subject")
    private @Nullable String ssoSubject;

    /** The sites an OPERATOR or HELPDESK user is limited to; none: unlimited. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_site", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "site", nullable = false)
    private Set<String> sites = new TreeSet<>();

    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    static AppUser fromElsewhere(String username, String displayName, Role role, @Nullable String ssoSubject) {
        AppUser user = new AppUser(username, displayName, "", role);
        user.passwordHash = null;
        user.directory = true;
        user.ssoSubject = ssoSubject;
        return user;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public @Nullable String getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable String language) {
        this.language = language;
    }

    void change(Role newRole, boolean nowEnabled) {
        this.role = newRole;
        this.enabled = nowEnabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDirectory() {
        return directory;
    }

    public @Nullable String getSsoSubject() {
        return ssoSubject;
    }

    void refreshFromElsewhere(String newDisplayName, Role newRole) {
        this.displayName = newDisplayName;
        this.role = newRole;
    }

    public Set<String> getSites() {
        return Set.copyOf(sites);
    }

    void limitTo(Set<String> newSites) {
        sites.clear();
        sites.addAll(newSites);
    }

    /** What the signed-in user carries: their role and, if it may be limited, their sites. */
    List<GrantedAuthority> authorities() {
        return SiteScope.authorities(role, sites);
    }
}
