package org.calconfleet.fleet;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.common.Csv;
import org.calconfleet.common.CsvEncoding;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.access.Role;
import org.calconfleet.policy.PolicyService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FleetService {

    static final int EXPORT_BATCH = 1_000;

    private final ExchangeServerRepository servers;
    private final CredentialService credentials;
    private final AuditTrail audit;
    private final PolicyService policies;
    private final Clock clock;
    private final ServerEdits edits;

    FleetService(ExchangeServerRepository servers, CredentialService credentials, AuditTrail audit,
            PolicyService policies, Clock clock, ServerEdits edits) {
        this.edits = edits;
        this.servers = servers;
        this.credentials = credentials;
        this.audit = audit;
        this.policies = policies;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<ExchangeServer> find(long id) {
        return inScope(id);
    }

    /** A server of the acting user's sites; one of another site is as if it were not there. */
    private Optional<ExchangeServer> inScope(long id) {
        SiteScope scope = SiteScope.current();
        return servers.findById(id).filter(server -> scope.allows(server.getSite()));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer create(ServerValues given) {
        List<ServerProblem> problems = check(given);
        ServerValues values = given.asStored();
        problems.addAll(policyProblems(values, null));
        if (servers.existsByHostNameIgnoreCase(values.hostName())) {
            problems.add(ServerProblem.of("hostName", "fleet.host.duplicate", values.hostName()));
        }
        if (!problems.isEmpty()) {
            throw new ServerRejectedException(problems);
        }
        ExchangeServer server = new ExchangeServer(values.hostName(), values.site());
        values.applyTo(server);
        server.touch(clock.instant(), CurrentUser.usernameOrSystem());
        ExchangeServer saved = servers.save(server);
        edits.record(Objects.requireNonNull(saved.getId()), saved.getVersion(), values, saved.getUpdatedAt(),
                saved.getUpdatedBy());
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_CREATED, subject(saved))
                .change(null, values.audited()));
        return saved;
    }

    /**
     * Saves {@code given} ({@link ServerValues#asStored as stored}) over the server as it was when the editor opened
     * it ({@code loaded}, at {@code expectedVersion}). If someone saved in between, nothing is written and the
     * exception names them and what they changed.
     */
    /**
     * Saves {@code given} over the server at {@code expectedVersion}, as a script that sends the version it read and
     * not the values: a save that comes too late names what others changed since that version.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer update(long id, long expectedVersion, ServerValues given) {
        ExchangeServer server = inScope(id).orElseThrow(() -> new ServerRejectedException(
                List.of(ServerProblem.of("hostName", "fleet.server.gone", given.hostName()))));
        return update(id, expectedVersion, seenAt(server, expectedVersion), given);
    }

    /** What a reader of {@code version} saw; the values now for a server last edited before edits were kept. */
    private ServerValues seenAt(ExchangeServer server, long version) {
        return edits.asOf(Objects.requireNonNull(server.getId()), version).orElseGet(() -> ServerValues.of(server));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer update(long id, long expectedVersion, ServerValues loaded, ServerValues given) {
        ExchangeServer server = inScope(id).orElseThrow(() -> new ServerRejectedException(
                List.of(ServerProblem.of("hostName", "fleet.server.gone", loaded.hostName()))));
        if (server.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(server.getUpdatedBy(), server.getUpdatedAt(),
                    loaded.changesTo(ServerValues.of(server)));
        }
        List<ServerProblem> problems = check(given);
        ServerValues edited = given.asStored();
        problems.addAll(policyProblems(edited, server));
        if (!edited.hostName().equalsIgnoreCase(server.getHostName())
                && servers.existsByHostNameIgnoreCase(edited.hostName())) {
            problems.add(ServerProblem.of("hostName", "fleet.host.duplicate", edited.hostName()));
        }
        if (!problems.isEmpty()) {
            throw new ServerRejectedException(problems);
        }
        ServerValues before = ServerValues.of(server);
        List<ServerValues.FieldChange> changes = before.changesTo(edited);
        if (changes.isEmpty()) {
            return server;
        }
        String subjectBefore = subject(server);
        edited.applyTo(server);
        server.touch(clock.instant(), CurrentUser.usernameOrSystem());
        // One flush raises the version by one, however many values changed.
        edits.record(id, expectedVersion + 1, edited, server.getUpdatedAt(), server.getUpdatedBy());
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_UPDATED, subjectBefore)
                .change(ServerValues.audited(changes, true), ServerValues.audited(changes, false)));
        return server;
    }

    /**
     * Sets only the port a server should use, as the REST API's scripts do: the same rules, check of the version the
     * caller read, and audit entry as a full {@link #update}.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer updateDesiredPort(long id, long expectedVersion, @Nullable Integer desiredPort) {
        ExchangeServer server = inScope(id).orElseThrow(() -> new ServerRejectedException(
                List.of(ServerProblem.of("id", "fleet.server.gone", "#" + id))));
        return update(id, expectedVersion, seenAt(server, expectedVersion),
                ServerValues.of(server).withDesiredPort(desiredPort));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public void delete(long id, long expectedVersion, String reason) {
        ExchangeServer server = inScope(id).orElse(null);
        if (server == null) {
            return;
        }
        if (server.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(server.getUpdatedBy(), server.getUpdatedAt(),
                    seenAt(server, expectedVersion).changesTo(ServerValues.of(server)));
        }
        servers.delete(server);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_DELETED, subject(server))
                .change(ServerValues.of(server).audited(), null).because(reason));
    }

    /** Counted in the database by groups of port values and state, so it stays cheap on a large fleet. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public FleetSummary summary() {
        SiteScope scope = SiteScope.current();
        return FleetSummary.ofGroups(scope.unlimited() ? servers.countByPortState()
                : servers.countByPortStateAt(scope.sites()));
    }

    /**
     * Reads and checks an uploaded CSV in the encoding given, or else in the one its bytes suggest
     * ({@link CsvEncoding#detect}); nothing is stored.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional(readOnly = true)
    public ImportPreview previewImport(byte[] file, @Nullable CsvEncoding encoding) {
        CsvEncoding.Decoding decoding = encoding == null ? CsvEncoding.detect(file) : encoding.decode(file);
        List<Csv.Row> records;
        switch (decoding) {
            case CsvEncoding.Undecodable undecodable -> {
                return ImportPreview.undecodable(undecodable.encoding(), undecodable.line());
            }
            case CsvEncoding.Decoded decoded -> {
                try {
                    records = Csv.parse(new StringReader(decoded.text()));
                } catch (Csv.SyntaxException e) {
                    return ImportPreview.unparseable(decoded.encoding(), e.line());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<ImportPreview.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row record : records) {
            if (record.line() == records.getFirst().line() && ServerCsv.Header.isHeader(record.fields())) {
                continue;
            }
            ServerCsv.Parsed parsed = ServerCsv.parse(record.fields());
            List<ServerProblem> problems = new ArrayList<>(parsed.problems());
            boolean existing = false;
            if (parsed.values() != null) {
                credentialProblem(parsed.values()).ifPresent(problems::add);
                dominoCredentialProblem(parsed.values()).ifPresent(problems::add);
                siteProblem(parsed.values()).ifPresent(problems::add);
                String key = parsed.values().hostName().toLowerCase(Locale.ROOT);
                if (!seen.add(key)) {
                    problems.add(ServerProblem.of("hostName", "fleet.import.repeated", parsed.values().hostName()));
                }
                Optional<ExchangeServer> stored = servers.findByHostNameIgnoreCase(parsed.values().hostName());
                if (stored.isPresent() && !SiteScope.current().allows(stored.get().getSite())) {
                    problems.add(ServerProblem.of("hostName", "fleet.host.duplicate", parsed.values().hostName()));
                }
                problems.addAll(policyProblems(parsed.values(), stored.orElse(null)));
                existing = stored.isPresent();
            }
            String hostName = record.fields().isEmpty() ? "" : record.fields().getFirst().strip();
            rows.add(new ImportPreview.Row(record.line(), hostName, parsed.values(), problems, existing,
                    parsed.normalised(), parsed.values() == null ? List.of() : ServerRules.notStored(parsed.values())));
        }
        return new ImportPreview(decoding.encoding(), rows, null, null);
    }

    /**
     * Stores the valid rows of a preview, all or nothing: with {@link DuplicateHandling#REFUSE} a row whose host is
     * already in the inventory refuses the whole import. Returns how many servers were added and updated.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ImportResult importServers(ImportPreview preview, DuplicateHandling duplicates, String reason) {
        List<ImportPreview.Row> rows = preview.validRows();
        if (duplicates == DuplicateHandling.REFUSE && rows.stream().anyMatch(ImportPreview.Row::existing)) {
            throw new ServerRejectedException(rows.stream().filter(ImportPreview.Row::existing)
                    .map(row -> ServerProblem.of("hostName", "fleet.host.duplicate", row.values().hostName()))
                    .toList());
        }
        int added = 0;
        int updated = 0;
        for (ImportPreview.Row row : rows) {
            ServerValues values = row.values();
            var current = servers.findByHostNameIgnoreCase(values.hostName());
            if (current.isPresent()) {
                ExchangeServer server = current.get();
                update(server.getId(), server.getVersion(), ServerValues.of(server), values);
                updated++;
            } else {
                create(values);
                added++;
            }
        }
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVERS_IMPORTED,
                AuditSubject.FLEET).change(null, StoredMessage.of("fleet.value.imported", StoredMessage.count(added),
                        StoredMessage.count(updated))).because(reason));
        return new ImportResult(added, updated);
    }

    public record ImportResult(int added, int updated) {
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public void exportCsv(ServerFilter filter, Writer out) throws IOException {
        exportCsv(filter, ServerCsv.Header.ENGLISH, out);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public void exportCsv(ServerFilter filter, ServerCsv.Header header, Writer out) throws IOException {
        out.write(ServerCsv.header(header));
        Pageable page = PageRequest.of(0, EXPORT_BATCH, Sort.by("hostName"));
        Page<ExchangeServer> slice;
        do {
            slice = servers.findAll(ServerSpecifications.matching(filter), page);
            for (ExchangeServer server : slice) {
                out.write(ServerCsv.line(server));
            }
            page = page.next();
        } while (slice.hasNext());
        out.flush();
    }

    /** The credentials a server may name (names only: secrets never leave the vault this way). */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional(readOnly = true)
    public List<String> credentialNames() {
        return credentials.names();
    }

    private List<ServerProblem> check(ServerValues values) {
        List<ServerProblem> problems = new ArrayList<>(ServerRules.check(values));
        siteProblem(values).ifPresent(problems::add);
        credentialProblem(values).ifPresent(problems::add);
        dominoCredentialProblem(values).ifPresent(problems::add);
        return problems;
    }

    /**
     * The port policy applies where a desired port is set: on a new server, or where the port differs from the one
     * stored. A server whose port a later, stricter policy no longer allows can still have its other values edited.
     */
    private List<ServerProblem> policyProblems(ServerValues values, @Nullable ExchangeServer stored) {
        if (stored != null && Objects.equals(stored.getDesiredPort(), values.desiredPort())) {
            return List.of();
        }
        return ServerRules.checkAgainstPolicy(values, policies.enforced().ports());
    }

    /**
     * The credential a server names must exist, an agent's must be an agent token, and an RPC server must name a
     * Windows account (it logs on with it).
     */
    private Optional<ServerProblem> credentialProblem(ServerValues values) {
        String name = values.credentialName();
        if (name == null) {
            return values.backendKind() == BackendKind.RPC
                    ? Optional.of(ServerProblem.of("credentialName", "fleet.credential.requiredForRpc"))
                    : Optional.empty();
        }
        Optional<CredentialKind> kind = credentials.kindOf(name);
        if (kind.isEmpty()) {
            return Optional.of(ServerProblem.of("credentialName", "fleet.credential.unknown", name));
        }
        if (values.backendKind() == BackendKind.AGENT && kind.get() != CredentialKind.AGENT_TOKEN) {
            return Optional.of(ServerProblem.of("credentialName", "fleet.credential.notAgentToken", name));
        }
        if (values.backendKind() == BackendKind.RPC && kind.get() != CredentialKind.WINDOWS_ACCOUNT) {
            return Optional.of(ServerProblem.of("credentialName", "fleet.credential.notWindowsAccount", name));
        }
        return Optional.empty();
    }

    /** A user limited to some sites puts servers only there. */
    private static Optional<ServerProblem> siteProblem(ServerValues values) {
        SiteScope scope = SiteScope.current();
        return scope.allows(values.site().strip()) ? Optional.empty()
                : Optional.of(ServerProblem.of("site", "fleet.site.outOfScope", values.site().strip()));
    }

    /** The credential of the Domino partner's agent must exist and hold an agent token. */
    private Optional<ServerProblem> dominoCredentialProblem(ServerValues values) {
        String name = values.dominoCredentialName();
        if (name == null) {
            return Optional.empty();
        }
        Optional<CredentialKind> kind = credentials.kindOf(name);
        if (kind.isEmpty()) {
            return Optional.of(ServerProblem.of("dominoCredentialName", "fleet.credential.unknown", name));
        }
        return kind.get() == CredentialKind.AGENT_TOKEN ? Optional.empty()
                : Optional.of(ServerProblem.of("dominoCredentialName", "fleet.credential.notAgentToken", name));
    }

    public static String subject(ExchangeServer server) {
        return AuditSubject.server(server.getHostName());
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<ExchangeServer> list(ServerFilter filter, Pageable pageable) {
        return servers.findBy(ServerSpecifications.matching(filter), query -> query.slice(pageable)).getContent();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public long count(ServerFilter filter) {
        return servers.count(ServerSpecifications.matching(filter));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<String> sites() {
        SiteScope scope = SiteScope.current();
        return servers.findSites().stream().filter(scope::allows).toList();
    }
}
