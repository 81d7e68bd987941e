package org.claimflow.k8s;

import static org.claimflow.k8s.RenderedManifests.id;
import static org.claimflow.k8s.RenderedManifests.name;
import static org.claimflow.k8s.RenderedManifests.ofKind;
import static org.claimflow.k8s.RenderedManifests.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Core kinds and the fabric8 model class each must deserialize into. */
    private static final Map<String, Class<? extends HasMetadata>> CORE_KINDS = Map.of(
            "Namespace", Namespace.class,
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "ServiceAccount", ServiceAccount.class,
            "Service", Service.class,
            "Deployment", Deployment.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** Operator kinds (no model on the classpath): their apiVersion; their fields are checked one by one below. */
    private static final Map<String, String> OPERATOR_KINDS = Map.ofEntries(
            Map.entry("PodMonitor", "monitoring.coreos.com/v1"),
            Map.entry("PrometheusRule", "monitoring.coreos.com/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1beta2"),
            Map.entry("KafkaUser", "kafka.strimzi.io/v1beta2"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ScaledObject", "keda.sh/v1alpha1"),
            Map.entry("TriggerAuthentication", "keda.sh/v1alpha1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"));

    private static final List<EventContract> CONTRACT = EventContract.fromDocs();

    // ---- every overlay ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCoreObjectDeserializesIntoTheKubernetesModelWithoutUnknownFields(String env) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : RenderedManifests.overlay(env)) {
            String kind = object.path("kind").asText();
            Class<? extends HasMetadata> type = CORE_KINDS.get(kind);
            if (type == null) {
                if (!OPERATOR_KINDS.containsKey(kind)) {
                    problems.add(id(object) + ": kind neither in the Kubernetes model nor a known operator kind");
                } else if (!OPERATOR_KINDS.get(kind).equals(object.path("apiVersion").asText())) {
                    problems.add(id(object) + ": apiVersion " + object.path("apiVersion").asText());
                }
                continue;
            }
            try {
                HasMetadata model = JSON.treeToValue(object, type);
                if (!HasMetadata.getApiVersion(type).equals(model.getApiVersion())) {
                    problems.add(id(object) + ": apiVersion " + model.getApiVersion() + ", the model expects "
                            + HasMetadata.getApiVersion(type));
                }
                collectUnknownFields(model, id(object), problems);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(id(object) + ": " + e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), () -> env + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesLimitsAndALockedDownSecurityContext(String env) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : ofKind(RenderedManifests.overlay(env), "Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            check(problems, podSecurity.path("runAsNonRoot").asBoolean(), deployment, "pod runAsNonRoot");
            check(problems, "RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText()),
                    deployment, "seccomp RuntimeDefault");
            Set<String> emptyDirs = new HashSet<>();
            pod.path("volumes").forEach(v -> {
                if (v.has("emptyDir")) {
                    emptyDirs.add(v.path("name").asText());
                }
            });
            for (JsonNode container : pod.path("containers")) {
                String where = id(deployment) + " container " + container.path("name").asText();
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    check(problems, container.path(probe).has("httpGet"), where, probe);
                }
                check(problems, "/q/health/live".equals(container.path("livenessProbe").path("httpGet").path("path").asText()),
                        where, "liveness on /q/health/live");
                check(problems, "/q/health/ready".equals(container.path("readinessProbe").path("httpGet").path("path").asText()),
                        where, "readiness on /q/health/ready");
                for (String resource : List.of("cpu", "memory")) {
                    check(problems, container.path("resources").path("limits").has(resource), where, "limits." + resource);
                    check(problems, container.path("resources").path("requests").has(resource), where, "requests." + resource);
                }
                JsonNode security = container.path("securityContext");
                check(problems, security.path("readOnlyRootFilesystem").asBoolean(), where, "readOnlyRootFilesystem");
                check(problems, security.has("allowPrivilegeEscalation") && !security.path("allowPrivilegeEscalation").asBoolean(),
                        where, "allowPrivilegeEscalation false");
                check(problems, security.path("capabilities").path("drop").toString().contains("\"ALL\""), where, "drop ALL");
                boolean tmpIsEmptyDir = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    tmpIsEmptyDir |= "/tmp".equals(mount.path("mountPath").asText()) && emptyDirs.contains(mount.path("name").asText());
                }
                check(problems, tmpIsEmptyDir, where, "an emptyDir on /tmp");
            }
        }
        assertTrue(problems.isEmpty(), () -> env + " is missing:\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasAPodDisruptionBudgetANetworkPolicyAServiceAndAServiceMonitor(String env) {
        List<JsonNode> objects = RenderedManifests.overlay(env);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            check(problems, ofKind(objects, "PodDisruptionBudget").stream()
                    .anyMatch(p -> selects(p.path("spec").path("selector"), podLabels)), deployment, "a PodDisruptionBudget");
            check(problems, ofKind(objects, "NetworkPolicy").stream()
                    .anyMatch(p -> selects(p.path("spec").path("podSelector"), podLabels)
                            && p.path("spec").path("policyTypes").toString().contains("Ingress")
                            && p.path("spec").path("policyTypes").toString().contains("Egress")),
                    deployment, "a NetworkPolicy for ingress and egress");
            List<JsonNode> services = ofKind(objects, "Service").stream()
                    .filter(s -> selects(wrap(s.path("spec").path("selector")), podLabels)).toList();
            check(problems, !services.isEmpty(), deployment, "a Service");
            check(problems, ofKind(objects, "ServiceMonitor").stream().anyMatch(m -> services.stream()
                    .anyMatch(s -> selects(m.path("spec").path("selector"), s.path("metadata").path("labels")))
                    && m.path("spec").path("endpoints").toString().contains("/q/metrics")), deployment, "a ServiceMonitor on /q/metrics");
        }
        assertTrue(problems.isEmpty(), () -> env + " is missing:\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceWithADatabaseRunsAsTheRowLevelSecurityRoleAndMigratesAsTheOwner(String env) {
        List<JsonNode> objects = RenderedManifests.overlay(env);
        List<String> problems = new ArrayList<>();
        int withDatabase = 0;
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            Map<String, String> secretOf = new HashMap<>();
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode e : container.path("env")) {
                    secretOf.put(e.path("name").asText(), e.path("valueFrom").path("secretKeyRef").path("name").asText(""));
                }
            }
            if (!secretOf.containsKey("QUARKUS_DATASOURCE_USERNAME")) {
                continue;
            }
            withDatabase++;
            String runtime = secretOf.get("QUARKUS_DATASOURCE_USERNAME");
            String owner = secretOf.getOrDefault("QUARKUS_FLYWAY_USERNAME", "");
            check(problems, runtime.endsWith("-db-runtime") && runtime.equals(secretOf.get("QUARKUS_DATASOURCE_PASSWORD")),
                    deployment, "datasource user and password from the <service>-db-runtime Secret (claimflow_app)");
            check(problems, owner.endsWith("-db-app") && owner.equals(secretOf.get("QUARKUS_FLYWAY_PASSWORD")),
                    deployment, "Flyway user and password from the owner's <service>-db-app Secret");
            String database = runtime.replace("-db-runtime", "-db");
            check(problems, ofKind(objects, "Cluster").stream().anyMatch(c -> database.equals(name(c))
                    && c.path("spec").path("managed").path("roles").toString().contains("\"" + runtime + "\"")),
                    deployment, "its database cluster creates claimflow_app with the password of " + runtime);
        }
        check(problems, withDatabase == 4, "Deployment", "four services with a database");
        assertTrue(problems.isEmpty(), () -> env + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheEventContractHasAKafkaTopicAndADeadLetterTopic(String env) {
        Map<String, JsonNode> topics = topicsByName(RenderedManifests.overlay(env));
        for (EventContract event : CONTRACT) {
            assertTrue(topics.containsKey(event.topic()), env + ": no KafkaTopic " + event.topic());
            assertTrue(topics.containsKey(event.topic() + ".dlq"), env + ": no KafkaTopic " + event.topic() + ".dlq");
        }
        assertTrue(CONTRACT.stream().anyMatch(e -> !e.consumers().isEmpty()), "docs/events.md names no consumer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaUsersWriteOnlyTheirOwnTopicsAndReadWhatTheyConsume(String env) {
        Map<String, JsonNode> users = new HashMap<>();
        ofKind(RenderedManifests.overlay(env), "KafkaUser").forEach(u -> users.put(name(u), u));
        Set<String> services = new HashSet<>();
        CONTRACT.forEach(e -> {
            services.add(e.producer());
            services.addAll(e.consumers());
        });
        for (String service : services) {
            JsonNode user = users.get(service);
            assertTrue(user != null, env + ": no KafkaUser " + service);
            assertEquals("simple", user.path("spec").path("authorization").path("type").asText(), service);
            Set<String> mayWrite = new HashSet<>();
            Set<String> mustRead = new HashSet<>();
            for (EventContract e : CONTRACT) {
                if (e.producer().equals(service)) {
                    mayWrite.add(e.topic());
                }
                if (e.consumers().contains(service)) {
                    mayWrite.add(e.topic() + ".dlq");
                    mustRead.add(e.topic());
                }
            }
            Set<String> reads = new HashSet<>();
            Set<String> writes = new HashSet<>();
            boolean readsOwnGroup = false;
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String resource = acl.path("resource").path("name").asText();
                String operations = acl.path("operations").toString();
                assertEquals("literal", acl.path("resource").path("patternType").asText("literal"), service + " " + resource);
                if ("topic".equals(type)) {
                    for (String write : List.of("Write", "All", "Alter", "Delete", "Create")) {
                        if (operations.contains("\"" + write + "\"")) {
                            assertTrue(mayWrite.contains(resource), service + " may not " + write + " " + resource);
                        }
                    }
                    if (operations.contains("\"Write\"")) {
                        writes.add(resource);
                    }
                    if (operations.contains("\"Read\"")) {
                        assertTrue(mustRead.contains(resource), service + " reads " + resource + " it does not consume");
                        reads.add(resource);
                    }
                } else if ("group".equals(type)) {
                    assertEquals(service, resource, service + " uses another consumer group");
                    readsOwnGroup = operations.contains("\"Read\"");
                }
            }
            assertEquals(mustRead, reads, service + " reads");
            assertEquals(mayWrite, writes, service + " writes (its topics and the DLQs of what it consumes)");
            assertTrue(mustRead.isEmpty() || readsOwnGroup, service + " cannot read its consumer group");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void operatorObjectsCarryTheFieldsTheirOperatorsNeed(String env) {
        List<JsonNode> objects = RenderedManifests.overlay(env);
        List<String> problems = new ArrayList<>();
        Set<String> kafkaClusters = new HashSet<>();
        for (JsonNode kafka : ofKind(objects, "Kafka")) {
            kafkaClusters.add(name(kafka));
            JsonNode annotations = kafka.path("metadata").path("annotations");
            check(problems, "enabled".equals(annotations.path("strimzi.io/node-pools").asText()), kafka, "node pools enabled");
            check(problems, "enabled".equals(annotations.path("strimzi.io/kraft").asText()), kafka, "KRaft enabled");
            JsonNode listeners = kafka.path("spec").path("kafka").path("listeners");
            check(problems, listeners.size() > 0, kafka, "listeners");
            for (JsonNode l : listeners) {
                check(problems, l.hasNonNull("name") && l.path("port").isInt() && l.hasNonNull("type") && l.has("tls"),
                        kafka, "listener name, port, type, tls");
                check(problems, "scram-sha-512".equals(l.path("authentication").path("type").asText()), kafka, "SCRAM listener");
            }
            check(problems, "simple".equals(kafka.path("spec").path("kafka").path("authorization").path("type").asText()),
                    kafka, "simple authorization");
            check(problems, kafka.path("spec").path("entityOperator").has("topicOperator")
                    && kafka.path("spec").path("entityOperator").has("userOperator"), kafka, "topic and user operators");
        }
        check(problems, kafkaClusters.size() == 1, "Kafka", "exactly one Kafka");
        for (JsonNode pool : ofKind(objects, "KafkaNodePool")) {
            check(problems, kafkaClusters.contains(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    pool, "strimzi.io/cluster of an existing Kafka");
            check(problems, pool.path("spec").path("replicas").asInt() >= 1, pool, "replicas");
            check(problems, pool.path("spec").path("roles").toString().contains("broker")
                    && pool.path("spec").path("roles").toString().contains("controller"), pool, "broker and controller roles");
            check(problems, pool.path("spec").path("storage").hasNonNull("type"), pool, "storage");
        }
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            check(problems, kafkaClusters.contains(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    topic, "strimzi.io/cluster of an existing Kafka");
            int replicas = topic.path("spec").path("replicas").asInt();
            check(problems, topic.path("spec").path("partitions").asInt() >= 1 && replicas >= 1, topic, "partitions and replicas");
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(0);
            check(problems, minIsr >= 1 && minIsr <= replicas, topic, "1 <= min.insync.replicas <= replicas");
        }
        for (JsonNode user : ofKind(objects, "KafkaUser")) {
            check(problems, kafkaClusters.contains(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    user, "strimzi.io/cluster of an existing Kafka");
            check(problems, user.path("spec").path("authentication").hasNonNull("type"), user, "authentication");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                check(problems, acl.path("resource").hasNonNull("type") && acl.path("resource").hasNonNull("name")
                        && acl.path("operations").size() > 0, user, "ACL resource type, name and operations");
            }
        }
        Set<String> databases = new HashSet<>();
        for (JsonNode cluster : ofKind(objects, "Cluster")) {
            databases.add(name(cluster));
            JsonNode spec = cluster.path("spec");
            check(problems, spec.path("instances").asInt() >= 1, cluster, "instances");
            check(problems, spec.path("bootstrap").path("initdb").hasNonNull("database")
                    && spec.path("bootstrap").path("initdb").hasNonNull("owner"), cluster, "initdb database and owner");
            check(problems, spec.path("storage").hasNonNull("size"), cluster, "storage size");
            JsonNode appRole = null;
            for (JsonNode role : spec.path("managed").path("roles")) {
                if ("claimflow_app".equals(role.path("name").asText())) {
                    appRole = role;
                }
            }
            check(problems, appRole != null && appRole.path("login").asBoolean()
                    && !appRole.path("superuser").asBoolean(true) && !appRole.path("bypassrls").asBoolean(true)
                    && appRole.path("passwordSecret").hasNonNull("name"), cluster,
                    "managed role claimflow_app: login, no superuser, no bypassrls, password from a Secret");
            if ("prod".equals(env)) {
                JsonNode store = spec.path("backup").path("barmanObjectStore");
                check(problems, store.path("destinationPath").asText().startsWith("s3://"), cluster, "backup destinationPath");
                check(problems, store.path("s3Credentials").path("accessKeyId").hasNonNull("name")
                        && store.path("s3Credentials").path("secretAccessKey").hasNonNull("name"), cluster, "backup credentials by Secret reference");
            }
        }
        for (JsonNode backup : ofKind(objects, "ScheduledBackup")) {
            check(problems, databases.contains(backup.path("spec").path("cluster").path("name").asText()), backup, "an existing Cluster");
            check(problems, backup.path("spec").path("schedule").asText().split(" ").length == 6, backup, "a six-field schedule");
        }
        if ("prod".equals(env)) {
            check(problems, ofKind(objects, "ScheduledBackup").size() == databases.size(), "prod", "a ScheduledBackup per Cluster");
        }
        Map<String, JsonNode> topics = topicsByName(objects);
        Set<String> deployments = new HashSet<>();
        ofKind(objects, "Deployment").forEach(d -> deployments.add(name(d)));
        Set<String> triggerAuths = new HashSet<>();
        for (JsonNode auth : ofKind(objects, "TriggerAuthentication")) {
            triggerAuths.add(name(auth));
            for (JsonNode ref : auth.path("spec").path("secretTargetRef")) {
                check(problems, ref.hasNonNull("parameter") && ref.hasNonNull("name") && ref.hasNonNull("key"), auth,
                        "secretTargetRef parameter, name, key");
            }
        }
        for (JsonNode scaled : ofKind(objects, "ScaledObject")) {
            check(problems, deployments.contains(scaled.path("spec").path("scaleTargetRef").path("name").asText()), scaled,
                    "a Deployment to scale");
            int max = scaled.path("spec").path("maxReplicaCount").asInt();
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                JsonNode meta = trigger.path("metadata");
                check(problems, "kafka".equals(trigger.path("type").asText()) && meta.hasNonNull("bootstrapServers")
                        && meta.hasNonNull("consumerGroup") && meta.hasNonNull("lagThreshold"), scaled, "kafka trigger fields");
                JsonNode topic = topics.get(meta.path("topic").asText());
                check(problems, topic != null && max <= topic.path("spec").path("partitions").asInt(), scaled,
                        "maxReplicaCount <= partitions of " + meta.path("topic").asText());
                check(problems, triggerAuths.contains(trigger.path("authenticationRef").path("name").asText()), scaled,
                        "an existing TriggerAuthentication");
            }
        }
        for (JsonNode rule : ofKind(objects, "PrometheusRule")) {
            check(problems, rule.path("spec").path("groups").size() > 0, rule, "groups");
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode alert : group.path("rules")) {
                    check(problems, alert.hasNonNull("alert") && !alert.path("expr").asText().isBlank()
                            && alert.path("labels").hasNonNull("severity"), rule, "alert, expr and severity in " + alert.path("alert"));
                }
            }
        }
        for (JsonNode monitor : ofKind(objects, "PodMonitor")) {
            check(problems, monitor.path("spec").path("selector").path("matchLabels").size() > 0
                    && monitor.path("spec").path("podMetricsEndpoints").path(0).hasNonNull("port"), monitor, "selector and endpoint port");
        }
        assertTrue(problems.isEmpty(), () -> env + " is missing:\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noRenderedSecretCarriesValues(String env) {
        for (JsonNode secret : ofKind(RenderedManifests.overlay(env), "Secret")) {
            assertFalse(secret.has("data") || secret.has("stringData"), env + ": " + id(secret) + " carries values");
        }
    }

    // ---- the repository --------------------------------------------------------------------------------------

    @Test
    void noManifestInTheRepositoryCarriesSecretValues() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RenderedManifests.k8s())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertFalse(files.isEmpty(), "no manifests under deploy/k8s");
        for (Path file : files) {
            var docs = RenderedManifests.YAML.readerFor(JsonNode.class).readValues(file.toFile());
            while (docs.hasNext()) {
                JsonNode doc = (JsonNode) docs.next();
                if (doc != null && "Secret".equals(doc.path("kind").asText())) {
                    assertFalse(doc.has("data") || doc.has("stringData"), file + " holds a Secret with values");
                }
            }
            String text = Files.readString(file);
            assertFalse(text.contains("secretGenerator"), file + " generates a Secret");
        }
    }

    @Test
    void withoutKedaTheCpuAutoscalersStayWithinThePartitions() throws IOException {
        // prod with the HPA component in place of KEDA's (kustomize wants relative paths).
        Path overlay = Path.of("target", "hpa-overlay").toAbsolutePath().normalize();
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                components:
                  - %s
                """.formatted(overlay.relativize(RenderedManifests.k8s().resolve("overlays/prod")),
                        overlay.relativize(RenderedManifests.k8s().resolve("components/autoscaling-hpa"))));
        List<JsonNode> objects = RenderedManifests.render(overlay);
        Map<String, JsonNode> topics = topicsByName(objects);
        List<JsonNode> hpas = ofKind(objects, "HorizontalPodAutoscaler");
        assertEquals(4, hpas.size(), "one HPA per service");
        int partitions = topics.values().stream().filter(t -> !name(t).endsWith(".dlq"))
                .mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
        for (JsonNode hpa : hpas) {
            HorizontalPodAutoscaler model = JSON.convertValue(hpa, HorizontalPodAutoscaler.class);
            assertTrue(model.getSpec().getMaxReplicas() <= partitions, id(hpa) + " exceeds " + partitions + " partitions");
            assertTrue(model.getSpec().getMinReplicas() >= 2, id(hpa) + " minReplicas");
        }
    }

    // ---- per environment -------------------------------------------------------------------------------------

    @Test
    void prodRunsNoSandboxPayerAndReplicatesKafkaThreeWaysOverTls() {
        List<JsonNode> objects = RenderedManifests.overlay("prod");
        for (JsonNode object : objects) {
            assertFalse(name(object).contains("sandbox"), "prod renders " + id(object));
            assertFalse(object.toString().contains("sandbox-payer"), "prod refers to the sandbox payer in " + id(object));
        }
        int brokers = ofKind(objects, "KafkaNodePool").stream()
                .filter(p -> p.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        assertTrue(brokers >= 3, "prod has " + brokers + " brokers");
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            assertEquals(3, topic.path("spec").path("replicas").asInt(), id(topic) + " replication factor");
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(), id(topic) + " min.insync.replicas");
        }
        JsonNode kafka = ofKind(objects, "Kafka").get(0);
        kafka.path("spec").path("kafka").path("listeners")
                .forEach(l -> assertTrue(l.path("tls").asBoolean(), "prod listener " + l.path("name").asText() + " without TLS"));
        assertEquals(3, kafka.path("spec").path("kafka").path("config").path("default.replication.factor").asInt());
        assertEquals(3, kafka.path("spec").path("kafka").path("config").path("offsets.topic.replication.factor").asInt());
        assertEquals(2, kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt());
        for (JsonNode configMap : ofKind(objects, "ConfigMap")) {
            JsonNode data = configMap.path("data");
            if (data.has("QUARKUS_DATASOURCE_JDBC_URL")) {
                assertTrue(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText().contains("sslmode=verify-full"), id(configMap) + " JDBC URL");
                assertEquals("SASL_SSL", data.path("KAFKA_SECURITY_PROTOCOL").asText(), id(configMap) + " Kafka protocol");
            }
        }
        for (JsonNode deployment : ofKind(objects, "Deployment")) {
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, id(deployment) + " replicas");
        }
        for (JsonNode scaled : ofKind(objects, "ScaledObject")) {
            assertTrue(scaled.path("spec").path("minReplicaCount").asInt() >= 2, id(scaled) + " minReplicaCount");
        }
        ofKind(objects, "Cluster").forEach(c -> assertTrue(c.path("spec").path("instances").asInt() >= 2, id(c) + " instances"));
        assertEquals(4, ofKind(objects, "ScaledObject").size(), "prod scales every service on lag");
        assertEquals(0, ofKind(objects, "HorizontalPodAutoscaler").size(), "KEDA and an HPA would fight over a Deployment");
    }

    @Test
    void devRunsOneOfEverythingWithTheSandboxPayerAsThePayerGateway() {
        List<JsonNode> objects = RenderedManifests.overlay("dev");
        assertTrue(ofKind(objects, "Deployment").stream().anyMatch(d -> "sandbox-payer".equals(name(d))), "dev has no sandbox payer");
        ofKind(objects, "Deployment").forEach(d -> assertEquals(1, d.path("spec").path("replicas").asInt(), id(d)));
        ofKind(objects, "KafkaTopic").forEach(t -> assertEquals(1, t.path("spec").path("replicas").asInt(), id(t)));
        ofKind(objects, "KafkaNodePool").forEach(p -> assertEquals(1, p.path("spec").path("replicas").asInt(), id(p)));
        for (JsonNode configMap : ofKind(objects, "ConfigMap")) {
            JsonNode url = configMap.path("data").path("CLAIMFLOW_PAYER_GATEWAY_URL");
            if (!url.isMissingNode()) {
                assertEquals("http://sandbox-payer:8089", url.asText(), id(configMap));
            }
        }
        JsonNode sandboxPolicy = ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> p.path("spec").path("egress").toString().contains("sandbox-payer")).findFirst().orElseThrow();
        for (String caller : List.of("billing-service", "eligibility-service")) {
            assertTrue(selects(sandboxPolicy.path("spec").path("podSelector"), JSON.createObjectNode().put("app.kubernetes.io/name", caller)),
                    caller + " may not reach the sandbox payer");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Map<String, JsonNode> topicsByName(List<JsonNode> objects) {
        Map<String, JsonNode> topics = new HashMap<>();
        for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
            topics.put(topic.path("spec").path("topicName").asText(name(topic)), topic);
        }
        return topics;
    }

    private static JsonNode wrap(JsonNode matchLabels) {
        return JSON.createObjectNode().set("matchLabels", matchLabels);
    }

    private static void check(List<String> problems, boolean ok, JsonNode object, String what) {
        check(problems, ok, id(object), what);
    }

    private static void check(List<String> problems, boolean ok, String where, String what) {
        if (!ok) {
            problems.add(where + ": " + what);
        }
    }

    /** fabric8 keeps fields it does not know in additionalProperties: any there is a typo or a wrong nesting. */
    private static void collectUnknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue;
                try {
                    fieldValue = field.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if ("additionalProperties".equals(field.getName())) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown fields " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(fieldValue, path + "." + field.getName(), problems);
                }
            }
        }
    }
}
