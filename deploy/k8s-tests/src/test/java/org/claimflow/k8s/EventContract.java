package org.claimflow.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topic table of docs/events.md: topic, producer, consuming services. */
record EventContract(String topic, String producer, List<String> consumers) {

    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`(claims\\.[a-z0-9.-]+)`\\s*\\|[^|]*\\|[^|]*\\|\\s*([a-z-]+)\\s*\\|([^|]*)\\|\\s*$");
    private static final Pattern SERVICE = Pattern.compile("\\b([a-z]+-service)\\b");

    static List<EventContract> fromDocs() {
        try {
            Map<String, EventContract> topics = new LinkedHashMap<>();
            for (String line : Files.readAllLines(RenderedManifests.root().resolve("docs/events.md"))) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    // "(coding-service, later)" is a future consumer: only a plain service name consumes today.
                    String cell = row.group(3).trim();
                    List<String> consumers = cell.startsWith("(") ? List.of()
                            : SERVICE.matcher(cell).results().map(m -> m.group(1)).toList();
                    topics.putIfAbsent(row.group(1), new EventContract(row.group(1), row.group(2), consumers));
                }
            }
            if (topics.isEmpty()) {
                throw new IllegalStateException("no topic table found in docs/events.md");
            }
            return List.copyOf(topics.values());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read docs/events.md", e);
        }
    }
}
