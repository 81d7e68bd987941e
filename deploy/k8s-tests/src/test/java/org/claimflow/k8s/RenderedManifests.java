package org.claimflow.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders Kustomize directories with {@code kubectl kustomize} and parses the result, once per directory. */
final class RenderedManifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private RenderedManifests() {
    }

    static Path root() {
        return Path.of(System.getProperty("claimflow.root", "../..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static List<JsonNode> overlay(String env) {
        return render(k8s().resolve("overlays").resolve(env));
    }

    static List<JsonNode> render(Path dir) {
        return CACHE.computeIfAbsent(dir, RenderedManifests::kustomize);
    }

    static Path kubectl() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("kubectl is not on PATH: these tests render deploy/k8s with `kubectl kustomize`. "
                + "Install it (Debian: apt-get install kubectl, or the upstream binary) and run again.");
    }

    private static List<JsonNode> kustomize(Path dir) {
        Path kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> "kubectl kustomize " + dir + " failed:\n" + stderr);
            List<JsonNode> objects = new ArrayList<>();
            try (InputStream in = Files.newInputStream(out)) {
                var it = YAML.readerFor(JsonNode.class).readValues(in);
                while (it.hasNext()) {
                    JsonNode node = (JsonNode) it.next();
                    if (node != null && !node.isMissingNode() && !node.isNull()) {
                        objects.add(node);
                    }
                }
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** True when every matchLabels entry of the selector is among the labels (matchExpressions: In only). */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return true;
        }
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.path(expr.path("key").asText()).asText(null);
            boolean in = false;
            for (JsonNode v : expr.path("values")) {
                in |= v.asText().equals(value);
            }
            if (!"In".equals(expr.path("operator").asText()) || !in) {
                return false;
            }
        }
        return true;
    }
}
