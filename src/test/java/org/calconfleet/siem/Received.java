package org.calconfleet.siem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One RFC 5424 message as a SIEM's parser reads it: the header, the one structured data element, the text. */
record Received(int priority, String timestamp, String hostname, String appName, String msgId, String sdId,
                Map<String, String> params, String text) {

    private static final Pattern HEADER = Pattern.compile(
            "<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) - (\\S+) \\[(\\S+?)((?: [^= \\]\"]+=\"(?:[^\"\\\\\\]]|\\\\.)*\")*)] ",
            Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile(" ([^= \\]\"]+)=\"((?:[^\"\\\\\\]]|\\\\.)*)\"",
            Pattern.DOTALL);

    static Received of(String message) {
        Matcher header = HEADER.matcher(message);
        if (!header.lookingAt()) {
            throw new IllegalArgumentException("not an RFC 5424 message with one structured data element: " + message);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(header.group(7));
        while (param.find()) {
            params.put(param.group(1), param.group(2).replaceAll("\\\\(.)", "$1"));
        }
        String rest = message.substring(header.end());
        if (!rest.startsWith("\uFEFF")) {
            throw new IllegalArgumentException("MSG does not start with the UTF-8 byte-order mark: " + message);
        }
        return new Received(Integer.parseInt(header.group(1)), header.group(2), header.group(3), header.group(4),
                header.group(5), header.group(6), params, rest.substring(1));
    }

    long seq() {
        return Long.parseLong(params.get("seq"));
    }
}
