package org.calconfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.policy.Policies;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.rollout.Users;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@WithMockUser(username = "oscar", roles = "OPERATOR")
class ServerCsvImportTest {

    static final String HEADER = String.join(",", ServerCsv.COLUMNS);

    @Autowired
    FleetService fleet;
    @Autowired
    CredentialService credentials;
    @Autowired
    PolicyService policies;

    @Test
    void an_export_imports_back_as_the_same_servers() throws Exception {
        StringWriter csv = new StringWriter();
        fleet.exportCsv(new ServerFilter("", "Osaka"), csv);

        ImportPreview preview = preview(csv.toString());

        assertThat(preview.badRows()).isEmpty();
        assertThat(preview.validRows()).hasSize(14).allMatch(ImportPreview.Row::existing);
        FleetService.ImportResult result = fleet.importServers(preview, DuplicateHandling.UPDATE, "round trip");
        assertThat(result).isEqualTo(new FleetService.ImportResult(0, 14));
        StringWriter again = new StringWriter();
        fleet.exportCsv(new ServerFilter("", "Osaka"), again);
        assertThat(again.toString()).isEqualTo(csv.toString());
    }

    @Test
    void an_export_with_japanese_headers_imports_back_and_differs_only_in_its_header_line() throws Exception {
        StringWriter english = new StringWriter();
        fleet.exportCsv(new ServerFilter("", "Osaka"), ServerCsv.Header.ENGLISH, english);
        StringWriter japanese = new StringWriter();
        fleet.exportCsv(new ServerFilter("", "Osaka"), ServerCsv.Header.JAPANESE, japanese);

        assertThat(japanese.toString()).startsWith("ホスト名,IP アドレス,サイト,");
        assertThat(japanese.toString().lines().skip(1).toList())
                .isEqualTo(english.toString().lines().skip(1).toList());
        ImportPreview preview = preview(japanese.toString());
        assertThat(preview.badRows()).isEmpty();
        assertThat(preview.validRows()).hasSize(14).allMatch(ImportPreview.Row::existing);
        assertThat(preview("\uFEFF" + japanese).badRows())
                .as("a byte-order mark, as Excel writes it, before the Japanese header").isEmpty();
    }

    @Test
    void each_bad_row_is_listed_with_its_line_and_reason_and_only_valid_rows_import() throws Exception {
        String file = HEADER + "\r\n"
                + "NEW-EXC01,10.5.1.1,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,10.5.2.1,ExchangeFreeBusy,,SIMULATED,,45010,\r\n"
                + "NEW EXC02,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,\r\n"
                + "NEW-EXC03,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,1024,\r\n"
                + "NEW-EXC04,,Nagoya,2007 SP3,LOTUS_NOTES,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,\r\n"
                + "NEW-EXC05,too,few\r\n"
                + "new-exc01,10.5.1.1,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,10.5.2.1,ExchangeFreeBusy,,SIMULATED,,45010,\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.validRows()).extracting(ImportPreview.Row::line).containsExactly(2);
        assertThat(preview.badRows()).extracting(ImportPreview.Row::line).containsExactly(3, 4, 5, 6, 7);
        assertThat(preview.badRows()).extracting(row -> row.problems().getFirst().messageKey()).containsExactly(
                "fleet.host.badLabel", "port.refusal.notAbove1024", "fleet.import.unknownValue",
                "fleet.import.columnCount", "fleet.import.repeated");
        assertThat(fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-1"))
                .isEqualTo(new FleetService.ImportResult(1, 0));
        assertThat(fleet.count(new ServerFilter("NEW-EXC", null))).isEqualTo(1);
    }

    @Test
    void a_desired_port_the_port_policy_forbids_is_a_refused_row_with_its_line_and_the_plans_reason() throws Exception {
        Policies.forbidDynamicPort(policies);
        String file = HEADER + "\r\n"
                + "NEW-EXC31,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,1025,\r\n"
                + "NEW-EXC32,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,0,\r\n"
                + "NEW-EXC33,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45033,\r\n"
                + "TKY-EXC01,10.1.1.1,Tokyo,2007 SP3,LOTUS_DOMINO,TKY-DOM01,10.1.2.1,ExchangeFreeBusy,,SIMULATED,,0,"
                + "keeps the dynamic port it has\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.badRows()).extracting(ImportPreview.Row::line, ImportPreview.Row::problems).containsExactly(
                tuple(2, java.util.List.of(new ServerProblem("desiredPort", "port.refusal.outsidePolicyRanges",
                        java.util.List.of("1025", "45000-45999")))),
                tuple(3, java.util.List.of(new ServerProblem("desiredPort", "port.refusal.dynamicNotAllowed",
                        java.util.List.of()))));
        assertThat(preview.validRows()).extracting(ImportPreview.Row::line).as("a stored 0 kept as it is")
                .containsExactly(4, 5);
        assertThat(fleet.importServers(preview, DuplicateHandling.UPDATE, "CHG-4"))
                .isEqualTo(new FleetService.ImportResult(1, 1));
        assertThat(fleet.count(new ServerFilter("NEW-EXC3", null))).isEqualTo(1);
    }

    @Test
    void an_address_on_a_simulated_row_is_named_in_the_preview_as_not_stored_and_is_not_stored() throws Exception {
        String file = HEADER + "\r\n"
                + "NEW-EXC41,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,sim://new-exc41,"
                + "45041,\r\n"
                + "NEW-EXC42,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45042,\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.validRows()).extracting(ImportPreview.Row::line, ImportPreview.Row::notStored)
                .containsExactly(tuple(2, java.util.List.of(new ServerProblem("backendAddress",
                        "fleet.backendAddress.unused", java.util.List.of("sim://new-exc41")))),
                        tuple(3, java.util.List.of()));
        fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-5");
        StringWriter csv = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC41", null), csv);
        assertThat(csv.toString().lines().toList()).containsExactly(HEADER, "NEW-EXC41,,Nagoya,2007 SP3,LOTUS_DOMINO,"
                + "NGY-DOM01,,ExchangeFreeBusy,MSExchangeCalCon,SIMULATED,,45041,,,,,1");
    }

    @Test
    void refusing_duplicates_refuses_the_whole_file_and_stores_nothing() throws Exception {
        String file = HEADER + "\r\n"
                + "NEW-EXC07,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,\r\n"
                + "TKY-EXC01,,Tokyo,2007 SP3,LOTUS_DOMINO,TKY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45001,\r\n";
        ImportPreview preview = preview(file);
        assertThat(preview.existingCount()).isEqualTo(1);

        assertThatThrownBy(() -> fleet.importServers(preview, DuplicateHandling.REFUSE, "x"))
                .isInstanceOf(ServerRejectedException.class);
        assertThat(fleet.count(new ServerFilter("NEW-EXC07", null))).isZero();
    }

    @Test
    void an_unclosed_quote_is_reported_and_nothing_is_read() throws Exception {
        ImportPreview preview = preview(HEADER + "\r\nA,\"B\r\n");

        assertThat(preview.readable()).isFalse();
        assertThat(preview.syntaxErrorLine()).isEqualTo(2);
    }

    @Test
    void a_file_written_before_servers_named_credentials_still_imports() throws Exception {
        String oldHeader = String.join(",", ServerCsv.COLUMNS.subList(0, ServerCsv.COLUMNS_WITHOUT_CREDENTIAL));
        String file = oldHeader + "\r\n"
                + "OLD-EXC01,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.badRows()).isEmpty();
        assertThat(preview.validRows()).singleElement().satisfies(row -> assertThat(row.values().credentialName()).isNull());
    }

    @Test
    void the_credential_column_carries_the_name_which_must_exist_and_a_token_in_the_address_is_refused()
            throws Exception {
        Users.as("ada", Role.ADMIN, () -> credentials.create("agent-ngy-exc02", CredentialKind.AGENT_TOKEN, null,
                "agent-token-0123456789abcdefghijklmnopqrstuvwxyz"));
        String agent = "https://ngy.corp.example:8443 sha256=" + "ab".repeat(32);
        String file = HEADER + "\r\n"
                + "NEW-EXC11,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,AGENT," + agent
                + ",45010,,agent-ngy-exc02\r\n"
                + "NEW-EXC12,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,AGENT," + agent
                + ",45010,,agent-nowhere\r\n"
                + "NEW-EXC13,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,AGENT," + agent
                + " token=agent-token-0123456789abcdefghijklmnopqrstuvwxyz,45010,\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.validRows()).singleElement()
                .satisfies(row -> assertThat(row.values().credentialName()).isEqualTo("agent-ngy-exc02"));
        assertThat(preview.badRows()).extracting(row -> row.problems().getFirst().messageKey())
                .containsExactly("fleet.credential.unknown", "fleet.backendAddress.token");
        fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-2");
        StringWriter csv = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC11", null), csv);
        assertThat(csv.toString().lines().toList()).containsExactly(HEADER, "NEW-EXC11,,Nagoya,2007 SP3,LOTUS_DOMINO,"
                + "NGY-DOM01,,ExchangeFreeBusy,MSExchangeCalCon,AGENT," + agent + ",45010,,agent-ngy-exc02,,,1");
    }

    @Test
    void the_domino_agent_columns_are_checked_and_export_back_in_either_header_language_without_a_secret()
            throws Exception {
        Users.as("ada", Role.ADMIN, () -> {
            credentials.create("agent-ngy-dom01", CredentialKind.AGENT_TOKEN, null,
                    "domino-agent-token-0123456789abcdefghijklmn");
            return credentials.create("ngy-admins", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc-calcon",
                    "domino-import-test-password");
        });
        String dominoAgent = "https://ngy-dom01.corp.example:8443 sha256=" + "cd".repeat(32);
        String partner = "NGY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,,,";
        String file = HEADER + "\r\n"
                + "NEW-EXC31,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + dominoAgent + ",agent-ngy-dom01,0\r\n"
                + "NEW-EXC32,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + dominoAgent + ",,1\r\n"
                + "NEW-EXC33,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + dominoAgent + ",ngy-admins,1\r\n"
                + "NEW-EXC34,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + ",,2\r\n"
                + "NEW-EXC35,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + ",,on\r\n"
                + "NEW-EXC36,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + dominoAgent
                + " token=domino-agent-token-0123456789abcdefghijklmn,agent-ngy-dom01,1\r\n"
                + "NEW-EXC37,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + ",agent-ngy-dom01,1\r\n"
                + "NEW-EXC38,,Nagoya,2007 SP3,LOTUS_DOMINO," + partner + ",,\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.validRows()).extracting(row -> row.values().hostName(),
                row -> row.values().dominoAgentAddress(), row -> row.values().dominoCredentialName(),
                row -> row.values().dominoDebugFlag()).containsExactly(
                tuple("NEW-EXC31", dominoAgent, "agent-ngy-dom01", 0),
                tuple("NEW-EXC38", null, null, 1));
        assertThat(preview.badRows()).extracting(row -> row.problems().getFirst().field(),
                row -> row.problems().getFirst().messageKey()).containsExactly(
                tuple("dominoCredentialName", "fleet.dominoCredential.required"),
                tuple("dominoCredentialName", "fleet.credential.notAgentToken"),
                tuple("dominoDebugFlag", "port.console.debugFlagNot0Or1"),
                tuple("dominoDebugFlag", "fleet.import.notAWholeNumber"),
                tuple("dominoAgentAddress", "agent.address.token"),
                tuple("dominoCredentialName", "fleet.dominoCredential.withoutAgent"));
        fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-4");

        StringWriter english = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC3", null), ServerCsv.Header.ENGLISH, english);
        assertThat(english.toString().lines().toList()).containsExactly(HEADER,
                "NEW-EXC31,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,MSExchangeCalCon,SIMULATED,,45010,,,"
                        + dominoAgent + ",agent-ngy-dom01,0",
                "NEW-EXC38,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,MSExchangeCalCon,SIMULATED,,45010,,,"
                        + ",,1");
        StringWriter japanese = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC3", null), ServerCsv.Header.JAPANESE, japanese);
        assertThat(japanese.toString().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .endsWith(",資格情報,Domino エージェント アドレス,Domino 資格情報,Domino デバッグ フラグ"));
        ImportPreview again = preview(japanese.toString());
        assertThat(again.badRows()).isEmpty();
        assertThat(fleet.importServers(again, DuplicateHandling.UPDATE, "round trip"))
                .isEqualTo(new FleetService.ImportResult(0, 2));
        StringWriter afterRoundTrip = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC3", null), ServerCsv.Header.ENGLISH, afterRoundTrip);
        assertThat(afterRoundTrip.toString()).isEqualTo(english.toString())
                .doesNotContain("domino-agent-token-0123456789abcdefghijklmn", "domino-import-test-password");
    }

    @Test
    void an_rpc_server_imports_with_its_windows_account_and_its_smb_address_and_exports_back() throws Exception {
        Users.as("ada", Role.ADMIN, () -> credentials.create("ngy-exchange-admins", CredentialKind.WINDOWS_ACCOUNT,
                "CORP\\svc-calcon", "rpc-import-test-password"));
        String file = HEADER + "\r\n"
                + "NEW-EXC21,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,RPC,,45010,,ngy-exchange-admins\r\n"
                + "NEW-EXC22,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,RPC,10.5.1.22:1445,45010,,\r\n"
                + "NEW-EXC23,,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,,ExchangeFreeBusy,,RPC,not an address,45010,,"
                + "ngy-exchange-admins\r\n";

        ImportPreview preview = preview(file);

        assertThat(preview.validRows()).singleElement().satisfies(row -> {
            assertThat(row.values().backendKind()).isEqualTo(BackendKind.RPC);
            assertThat(row.values().credentialName()).isEqualTo("ngy-exchange-admins");
        });
        assertThat(preview.badRows()).extracting(row -> row.problems().getFirst().messageKey())
                .containsExactly("fleet.credential.requiredForRpc", "rpc.address.invalid");
        fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-3");
        StringWriter csv = new StringWriter();
        fleet.exportCsv(new ServerFilter("NEW-EXC21", null), csv);
        assertThat(csv.toString().lines().toList()).containsExactly(HEADER, "NEW-EXC21,,Nagoya,2007 SP3,LOTUS_DOMINO,"
                + "NGY-DOM01,,ExchangeFreeBusy,MSExchangeCalCon,RPC,,45010,,ngy-exchange-admins,,,1");
        assertThat(csv.toString()).doesNotContain("rpc-import-test-password");
    }

    @Test
    void a_file_saved_by_japanese_excel_is_read_as_cp932_with_its_full_width_numbers_normalised() throws Exception {
        ImportPreview preview = fleet.previewImport(excelShiftJisFile(), null);

        assertThat(preview.encoding()).isEqualTo(CsvEncoding.CP932);
        assertThat(preview.validRows()).extracting(row -> row.values().hostName(), row -> row.values().site(),
                        row -> row.values().ipAddress(), row -> row.values().desiredPort(), row -> row.values().notes())
                .containsExactly(
                        tuple("JP-EXC01", "大阪", "10.5.1.1", 45010, "本社サーバー室　３階"),
                        tuple("JP-EXC02", "名古屋", null, 45011, "メモ: 「予定表」連携, 夜間のみ再起動"));
        assertThat(preview.validRows().getFirst().normalised()).containsExactly(
                new ImportPreview.Normalised("ipAddress", "１０．５．１．１", "10.5.1.1"),
                new ImportPreview.Normalised("desiredPort", "４５０１０", "45010"));
        assertThat(preview.badRows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.problems().getFirst().messageKey()).isEqualTo("port.refusal.notAbove1024");
        });
    }

    @Test
    void japanese_sites_and_notes_survive_every_encoding_in_and_every_export_encoding_out() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("UTF-8", japaneseServers("U8").getBytes(StandardCharsets.UTF_8));
        files.put("UTF-8 with BOM", withBom(japaneseServers("U8B"), StandardCharsets.UTF_8));
        files.put("UTF-16LE with BOM", withBom(japaneseServers("U16L"), StandardCharsets.UTF_16LE));
        files.put("UTF-16BE with BOM", withBom(japaneseServers("U16B"), StandardCharsets.UTF_16BE));
        files.put("CP932", japaneseServers("SJ").getBytes(Charset.forName("windows-31j")));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ImportPreview preview = fleet.previewImport(file.getValue(), null);
            assertThat(preview.badRows()).as(file.getKey()).isEmpty();
            assertThat(preview.validRows()).as(file.getKey())
                    .extracting(row -> row.values().site(), row -> row.values().notes())
                    .containsExactly(tuple("東京", "予定表の連携 (夜間)"), tuple("札幌", "ﾃｽﾄ機、“引用”付き"));
            fleet.importServers(preview, DuplicateHandling.REFUSE, "CHG-" + file.getKey());
        }
        ServerFilter imported = new ServerFilter("JP-", null);
        assertThat(fleet.count(imported)).isEqualTo(2L * files.size());

        for (CsvEncoding encoding : CsvEncoding.EXPORTS) {
            ByteArrayOutputStream export = new ByteArrayOutputStream();
            try (Writer out = encoding.writer(export)) {
                fleet.exportCsv(imported, ServerCsv.Header.JAPANESE, out);
            }
            ImportPreview again = fleet.previewImport(export.toByteArray(), null);
            assertThat(again.encoding()).as(encoding.name()).isEqualTo(encoding);
            assertThat(again.badRows()).as(encoding.name()).isEmpty();
            assertThat(again.validRows()).as(encoding.name()).hasSize(2 * files.size())
                    .allMatch(ImportPreview.Row::existing)
                    .extracting(row -> row.values().site()).containsOnly("東京", "札幌");
        }
    }

    @Test
    void a_malformed_byte_refuses_the_whole_file_naming_its_line() {
        byte[] lines = (HEADER + "\r\n"
                + "JP-EXC21,,大阪,2007 SP3,LOTUS_DOMINO,OSK-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,\r\n")
                .getBytes(Charset.forName("windows-31j"));
        byte[] broken = "JP-EXC22,,X,2007 SP3,LOTUS_DOMINO,OSK-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,"
                .getBytes(StandardCharsets.US_ASCII);
        broken[12] = (byte) 0x81;
        broken[13] = (byte) 0x20;
        byte[] file = ByteBuffer.allocate(lines.length + broken.length).put(lines).put(broken).array();

        ImportPreview preview = fleet.previewImport(file, null);

        assertThat(preview.readable()).isFalse();
        assertThat(preview.undecodableLine()).isEqualTo(3);
        assertThat(preview.encoding()).as("the encoding that read furthest").isEqualTo(CsvEncoding.CP932);
        assertThat(preview.rows()).isEmpty();
    }

    @Test
    void an_encoding_chosen_against_the_bytes_is_refused_with_the_first_line_it_cannot_read() throws Exception {
        ImportPreview preview = fleet.previewImport(excelShiftJisFile(), CsvEncoding.UTF_8);

        assertThat(preview.encoding()).isEqualTo(CsvEncoding.UTF_8);
        assertThat(preview.undecodableLine()).isEqualTo(1);
        assertThat(preview.rows()).isEmpty();
    }

    private ImportPreview preview(String file) {
        return fleet.previewImport(file.getBytes(StandardCharsets.UTF_8), null);
    }

    static byte[] excelShiftJisFile() throws IOException {
        try (InputStream in = ServerCsvImportTest.class.getResourceAsStream("/csv/excel-shift_jis.csv")) {
            return in.readAllBytes();
        }
    }

    private static String japaneseServers(String tag) {
        return String.join(",", ServerCsv.Header.JAPANESE.columns()) + "\r\n"
                + "JP-" + tag + "-01,,東京,2007 SP3,LOTUS_DOMINO,TKY-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,"
                + "予定表の連携 (夜間),\r\n"
                + "JP-" + tag + "-02,,札幌,2007 SP3,LOTUS_DOMINO,SPK-DOM01,,ExchangeFreeBusy,,SIMULATED,,45010,"
                + "\"ﾃｽﾄ機、“引用”付き\",\r\n";
    }

    private static byte[] withBom(String text, Charset charset) {
        return ("\uFEFF" + text).getBytes(charset);
    }
}
