package org.calconfleet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A bar chart drawn by Chart.js in the browser (frontend/components/calcon-chart.js), fed with labels and values the
 * server has already translated. No npm build: both scripts load at runtime.
 */
@Tag("calcon-chart")
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
@JavaScript("context://components/calcon-chart.js")
public class Chart extends Component implements HasSize {

    public Chart(String title, String series, List<String> labels, List<? extends Number> values) {
        getElement().setAttribute("config", "{\"title\":" + json(title) + ",\"series\":" + json(series)
                + ",\"labels\":[" + labels.stream().map(Chart::json).collect(Collectors.joining(",")) + "]"
                + ",\"values\":[" + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}");
        getElement().setAttribute("title", title);
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
