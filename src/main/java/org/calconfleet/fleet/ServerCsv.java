package org.calconfleet.fleet;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.calconfleet.common.Csv;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PortCheck;
import org.calconfleet.port.PortRules;
import org.jspecify.annotations.Nullable;

/** The inventory's CSV form: one server a line, the header naming the columns in this order. */
public final class ServerCsv {

    public static final List<String> COLUMNS = List.of("host_name", "ip_address", "site", "exchange_version",
            "connector_kind", "domino_server", "domino_address", "calendar_system", "service_name", "backend_kind",
            "backend_address", "desired_port", "notes", "credential", "domino_agent_address", "domino_credential",
            "domino_debug_flag");

    /** Files written before servers named the Domino partner's agent end at {@code credential}; they still import. */
    static final int COLUMNS_WITHOUT_DOMINO_AGENT = COLUMNS.size() - 3;
    /** Files written before servers named a credential end at {@code notes}; they still import. */
    static final int COLUMNS_WITHOUT_CREDENTIAL = COLUMNS_WITHOUT_DOMINO_AGENT - 1;

    /**
     * The header line's language. Japanese names are fixed here, not taken from the message bundles, so that a
     * file's format never moves when a translation is reworded; an import accepts either header.
     */
    public enum Header {
        ENGLISH(COLUMNS),
        JAPANESE(List.of("ホスト名", "IP アドレス", "サイト", "Exchange バージョン", "コネクタ種別", "Domino サーバー",
                "Domino アドレス", "カレンダー システム名", "サービス名", "バックエンド種別", "バックエンド アドレス",
                "設定するポート", "メモ", "資格情報", "Domino エージェント アドレス", "Domino 資格情報",
                "Domino デバッグ フラグ"));

        private final List<String> columns;

        Header(List<String> columns) {
            this.columns = columns;
        }

        public List<String> columns() {
            return columns;
        }

        public static Header forLanguage(Locale locale) {
            return locale.getLanguage().equals(Locale.JAPANESE.getLanguage()) ? JAPANESE : ENGLISH;
        }

        static boolean isHeader(List<String> fields) {
            String first = fields.isEmpty() ? "" : fields.getFirst().strip();
            for (Header header : values()) {
                if (first.equalsIgnoreCase(header.columns.getFirst())) {
                    return true;
                }
            }
            return false;
        }
    }

    private ServerCsv() {
    }

    static String header(Header language) {
        return Csv.line(new ArrayList<>(language.columns()));
    }

    static String line(ExchangeServer server) {
        List<@Nullable String> values = new ArrayList<>();
        values.add(server.getHostName());
        values.add(server.getIpAddress());
        values.add(server.getSite());
        values.add(server.getExchangeVersion());
        values.add(server.getConnectorKind().name());
        values.add(server.getDominoServer());
        values.add(server.getDominoAddress());
        values.add(server.getCalendarSystem());
        values.add(server.getServiceName());
        values.add(server.getBackendKind().name());
        values.add(server.getBackendAddress());
        values.add(server.getDesiredPort() == null ? null : server.getDesiredPort().toString());
        values.add(server.getNotes());
        values.add(server.getCredentialName());
        values.add(server.getDominoAgentAddress());
        values.add(server.getDominoCredentialName());
        values.add(Integer.toString(server.getDominoDebugFlag()));
        return Csv.line(values);
    }

    /**
     * A row's values, or the problems that keep it from being one (field names as in {@link ServerValues}), and the
     * numeric fields it had to normalise.
     */
    record Parsed(@Nullable ServerValues values, List<ServerProblem> problems,
            List<ImportPreview.Normalised> normalised) {
    }

    static Parsed parse(List<String> fields) {
        List<ServerProblem> problems = new ArrayList<>();
        if (fields.size() != COLUMNS.size() && fields.size() != COLUMNS_WITHOUT_DOMINO_AGENT
                && fields.size() != COLUMNS_WITHOUT_CREDENTIAL) {
            return new Parsed(null, List.of(ServerProblem.of("row", "fleet.import.columnCount", fields.size(),
                    COLUMNS.size(), COLUMNS_WITHOUT_DOMINO_AGENT, COLUMNS_WITHOUT_CREDENTIAL)), List.of());
        }
        boolean withDominoAgent = fields.size() == COLUMNS.size();
        List<ImportPreview.Normalised> normalised = new ArrayList<>();
        String ipAddress = numeric(fields.get(1), "ipAddress", normalised);
        String desiredPort = numeric(fields.get(11), "desiredPort", normalised);
        ConnectorKind connector = parseEnum(ConnectorKind.class, fields.get(4), "connectorKind", problems);
        BackendKind backend = parseEnum(BackendKind.class, fields.get(9), "backendKind", problems);
        String debugFlag = withDominoAgent ? numeric(fields.get(16), "dominoDebugFlag", normalised) : "";
        int dominoDebugFlag = LoadExcalconCommand.DEBUG_ON;
        if (!debugFlag.isBlank()) {
            try {
                dominoDebugFlag = Integer.parseInt(debugFlag);
            } catch (NumberFormatException e) {
                problems.add(ServerProblem.of("dominoDebugFlag", "fleet.import.notAWholeNumber", debugFlag));
            }
        }
        Integer port = null;
        if (!desiredPort.isBlank()) {
            PortCheck check = PortRules.parse(desiredPort);
            if (check.isValid()) {
                port = check.validPort().orElseThrow().value();
            } else {
                check.refusals().forEach(r -> problems.add(
                        new ServerProblem("desiredPort", r.messageKey(), r.arguments())));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems, normalised);
        }
        ServerValues values = new ServerValues(fields.get(0).strip(), blankToNull(ipAddress),
                fields.get(2).strip(), fields.get(3).strip(), connector, blankToNull(fields.get(5)),
                blankToNull(fields.get(6)), blankToNull(fields.get(7)),
                fields.get(8).isBlank() ? ExchangeServer.DEFAULT_SERVICE_NAME : fields.get(8).strip(), backend,
                blankToNull(fields.get(10)),
                fields.size() > COLUMNS_WITHOUT_CREDENTIAL ? blankToNull(fields.get(13)) : null, port,
                blankToNull(fields.get(12)), withDominoAgent ? blankToNull(fields.get(14)) : null,
                withDominoAgent ? blankToNull(fields.get(15)) : null, dominoDebugFlag);
        return new Parsed(values, ServerRules.check(values), normalised);
    }

    /**
     * Japanese input methods write digits, dots and spaces full-width (４５００１, １０．５．１．１); NFKC reads them as the
     * ASCII they stand for, and the preview shows each such reading.
     */
    private static String numeric(String written, String field, List<ImportPreview.Normalised> normalised) {
        String readAs = Normalizer.normalize(written, Normalizer.Form.NFKC).strip();
        if (!readAs.equals(written.strip())) {
            normalised.add(new ImportPreview.Normalised(field, written, readAs));
        }
        return readAs;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field,
                                                   List<ServerProblem> problems) {
        E[] constants = type.getEnumConstants();
        Optional<E> match = java.util.Arrays.stream(constants)
                .filter(c -> c.name().equals(text.strip().toUpperCase(Locale.ROOT))).findFirst();
        if (match.isEmpty()) {
            problems.add(ServerProblem.of(field, "fleet.import.unknownValue", text,
                    String.join(" / ", java.util.Arrays.stream(constants).map(Enum::name).toList())));
            return constants[0];
        }
        return match.get();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
