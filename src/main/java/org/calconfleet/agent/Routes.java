package org.calconfleet.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.calconfleet.host.agent.WireException;
import org.calconfleet.host.agent.WireObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The agent's resources: method, path (segments, {@code {name}} for a variable), query parameters, body or none. */
final class Routes {

    @FunctionalInterface
    interface Handler {
        JsonNode handle(Request request);
    }

    record Route(String method, List<String> segments, Set<String> query, boolean body, Handler handler) {
    }

    /** One request after its path, query and body passed the generic checks. */
    record Request(Map<String, String> pathVariables, Map<String, String> query, @Nullable JsonNode json) {

        WireObject body(String... allowed) {
            return WireObject.of(json, "", allowed);
        }

        JsonNode requiredJson() {
            if (json == null) {
                throw WireException.malformed("a JSON body is required");
            }
            return json;
        }

        String variable(String name) {
            String value = pathVariables.get(name);
            if (value == null) {
                throw new IllegalStateException("no path variable " + name);
            }
            return value;
        }

        String query(String name) {
            String value = query.get(name);
            if (value == null) {
                throw WireException.invalid("?" + name, "query parameter is required");
            }
            return value;
        }
    }

    sealed interface Match {
        record Found(Route route, Map<String, String> variables) implements Match {
        }

        record WrongMethod(List<String> allowed) implements Match {
        }

        record None() implements Match {
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String path, Set<String> query, boolean body, Handler handler) {
        routes.add(new Route(method, List.of(path.substring(1).split("/")), Set.copyOf(query), body, handler));
        return this;
    }

    Routes get(String path, Handler handler) {
        return add("GET", path, Set.of(), false, handler);
    }

    Routes get(String path, Set<String> query, Handler handler) {
        return add("GET", path, query, false, handler);
    }

    Routes withBody(String method, String path, Handler handler) {
        return add(method, path, Set.of(), true, handler);
    }

    Match match(String method, String rawPath) {
        if (!rawPath.startsWith("/")) {
            return new Match.None();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> variables = variables(route, segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match.Found(route, variables);
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new Match.None() : new Match.WrongMethod(List.copyOf(allowed));
    }

    private static @Nullable Map<String, String> variables(Route route, String[] segments) {
        if (route.segments().size() != segments.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String pattern = route.segments().get(i);
            if (pattern.startsWith("{") && pattern.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                variables.put(pattern.substring(1, pattern.length() - 1), segments[i]);
            } else if (!pattern.equals(segments[i])) {
                return null;
            }
        }
        return variables;
    }
}
