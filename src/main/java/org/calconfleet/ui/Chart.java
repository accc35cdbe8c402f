package org.calconfleet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.dom.Element;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A chart drawn by Chart.js in the browser (frontend/components/calcon-chart.js), fed with labels and values the
 * server has already translated. No npm build: both scripts load at runtime. Each series has its own fill pattern,
 * point shape and line dash besides its colour, so colour is never the only cue; the figures also come as a table
 * in a disclosure under the chart, the chart's text alternative.
 */
@Tag("calcon-chart")
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
@JavaScript("context://components/calcon-chart.js")
public class Chart extends Component implements HasSize {

    public enum Kind {
        BAR("bar", false), STACKED_BAR("bar", true), LINE("line", false), STEPPED_LINE("line", false);

        private final String type;
        private final boolean stacked;

        Kind(String type, boolean stacked) {
            this.type = type;
            this.stacked = stacked;
        }
    }

    /**
     * One series: {@code style} picks its colour, pattern and point shape (the same style for the same meaning
     * across charts); {@code pointsOnly} draws marks without a joining line. A {@code null} value is no point.
     */
    public record Series(String name, List<? extends @Nullable Number> values, int style, boolean pointsOnly) {

        public static Series of(String name, List<? extends @Nullable Number> values, int style) {
            return new Series(name, values, style, false);
        }
    }

    /** {@code plainNumbers} shows values as they are (ports), not grouped by the locale (counts). */
    public Chart(Kind kind, String title, List<String> labels, List<Series> series, boolean plainNumbers) {
        Locale locale = getLocale();
        String description = getTranslation("chart.description", title);
        getElement().setAttribute("config", "{\"type\":" + json(kind.type) + ",\"stacked\":" + kind.stacked
                + ",\"stepped\":" + (kind == Kind.STEPPED_LINE) + ",\"plain\":" + plainNumbers
                + ",\"locale\":" + json(locale.toLanguageTag()) + ",\"title\":" + json(title)
                + ",\"description\":" + json(description) + ",\"labels\":" + array(labels.stream().map(Chart::json))
                + ",\"series\":" + array(series.stream().map(Chart::json)) + "}");
        getElement().setAttribute("title", title);
        getElement().appendChild(table(title, labels, series, plainNumbers, locale));
    }

    private Element table(String title, List<String> labels, List<Series> series, boolean plainNumbers,
            Locale locale) {
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        format.setGroupingUsed(!plainNumbers);
        Element head = new Element("tr").appendChild(new Element("th").setText(""));
        series.forEach(s -> head.appendChild(new Element("th").setAttribute("scope", "col").setText(s.name())));
        Element body = new Element("tbody");
        for (int row = 0; row < labels.size(); row++) {
            Element tr = new Element("tr")
                    .appendChild(new Element("th").setAttribute("scope", "row").setText(labels.get(row)));
            for (Series s : series) {
                Number value = row < s.values().size() ? s.values().get(row) : null;
                tr.appendChild(new Element("td").setText(value == null ? "–" : format.format(value)));
            }
            body.appendChild(tr);
        }
        Element table = new Element("table").appendChild(new Element("caption").setText(title),
                new Element("thead").appendChild(head), body);
        table.getClassList().add("chart-table");
        return new Element("details").appendChild(
                new Element("summary").setText(getTranslation("chart.table")), table);
    }

    private static String json(Series series) {
        List<String> values = new ArrayList<>();
        series.values().forEach(v -> values.add(v == null ? "null" : v.toString()));
        return "{\"name\":" + json(series.name()) + ",\"style\":" + series.style() + ",\"pointsOnly\":"
                + series.pointsOnly() + ",\"values\":[" + String.join(",", values) + "]}";
    }

    private static String array(java.util.stream.Stream<String> items) {
        return items.collect(Collectors.joining(",", "[", "]"));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
