package org.calconfleet.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.TimeFormats;
import org.calconfleet.ui.Chart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuSpringTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    AuditTrail audit;

    /** What the browser reports at bootstrap; only the time zone matters here. */
    private static void browserInZone(ZoneId zone) {
        UI ui = UI.getCurrent();
        ui.getInternals().setExtendedClientDetails(new ExtendedClientDetails(ui, "1280", "800", "1280", "800",
                "1280", "800", "32400000", "32400000", "0", "false", zone.getId(), null, "false", "1", null, null,
                null, null));
    }

    private static long[] chartValues() {
        String config = _get(Chart.class, spec -> spec.withId("audit-per-day-chart")).getElement()
                .getAttribute("config");
        Matcher values = Pattern.compile("\"values\":\\[([0-9,]*)]").matcher(config);
        assertThat(values.find()).as(config).isTrue();
        return Arrays.stream(values.group(1).split(",")).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void an_auditor_signs_a_checkpoint_and_the_verification_counts_it() {
        signIn("auditor", Role.AUDITOR);
        UI.getCurrent().navigate(AuditView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("write-checkpoint")));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("verify-chain")));

        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text", ""))
                .anySatisfy(text -> assertThat(text).startsWith("Checkpoint #").contains("audit-checkpoint-"))
                .anySatisfy(text -> assertThat(text).startsWith("The chain is intact")
                        .containsPattern("signed checkpoints matched: [1-9]"));
    }

    @Test
    void a_japanese_reader_reads_stored_values_in_japanese_with_times_in_their_zone_and_old_sentences_as_they_were() {
        Instant lockedUntil = Instant.parse("2026-12-06T03:00:00Z");
        audit.record(AuditEvent.of("view-ja", AuditAction.PORT_CHANGE_REQUESTED, AuditSubject.change(4712))
                .change(null, "port 45001 on 1 servers: 1 to change"));
        AuditEntry locked = audit.record(AuditEvent.of("view-ja", AuditAction.SIGN_IN_LOCKED,
                AuditSubject.user("view-ja")).change(null, StoredMessage.of("security.value.lockedUntil",
                        StoredMessage.at(lockedUntil))).because(StoredMessage.of("security.reason.failedSignIns",
                        StoredMessage.count(5), StoredMessage.count(15))));
        signIn("auditor", Role.AUDITOR);
        browserInZone(TOKYO);
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);

        _get(TextField.class, spec -> spec.withId("audit-actor")).setValue("view-ja");

        DateTimeFormatter tokyo = TimeFormats.dateTime(FormatStyle.MEDIUM, Locale.JAPANESE, TOKYO);
        List<String> shown = GridKt._getFormattedRow(view.grid, 0);
        assertThat(shown.get(1)).isEqualTo(tokyo.format(locked.getOccurredAt()));
        assertThat(shown.subList(5, 8)).containsExactly("", tokyo.format(lockedUntil) + " までロック",
                "15 分以内にサインインに 5 回失敗");
        assertThat(String.join(" ", shown.get(1), shown.get(3), shown.get(6), shown.get(7)))
                .doesNotContainPattern("[A-Za-z]{2,}");
        assertThat(GridKt._getFormattedRow(view.grid, 1).get(6)).isEqualTo("port 45001 on 1 servers: 1 to change");
    }

    @Test
    void the_chart_counts_what_the_filters_let_through_and_times_are_the_readers() {
        AuditEntry first = audit.record(AuditEvent.of("chart-zoe", AuditAction.SERVER_UPDATED, "server:CHART-1"));
        audit.record(AuditEvent.of("chart-zoe", AuditAction.SERVER_UPDATED, "server:CHART-2"));
        signIn("auditor", Role.AUDITOR);
        browserInZone(TOKYO);
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);

        _get(TextField.class, spec -> spec.withId("audit-actor")).setValue("chart-zoe");

        long[] perDay = chartValues();
        assertThat(perDay).hasSize(AuditView.CHART_DAYS);
        assertThat(perDay[perDay.length - 1]).as("today, in Tokyo").isEqualTo(2);
        assertThat(Arrays.stream(perDay).sum()).isEqualTo(2);
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        String shownTime = GridKt._getFormattedRow(view.grid, 1).get(1);
        assertThat(shownTime).isEqualTo(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Locale.ENGLISH).withZone(TOKYO).format(first.getOccurredAt()).replace('\u202f', '\u00a0'));

        _get(TextField.class, spec -> spec.withId("audit-actor")).setValue("chart-nobody");

        assertThat(Arrays.stream(chartValues()).sum()).isZero();
        assertThat(_get(Chart.class, spec -> spec.withId("audit-per-day-chart")).getElement().getAttribute("config"))
                .contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
                        .format(LocalDate.now(TOKYO)));
    }
}
