package org.claimflow.localstack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far each service's consumer group is behind on each topic it reads, from the broker's own offsets. */
final class ConsumerLag {

    /** Every consumed topic and the consumer groups that read it (docs/events.md). */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "claims.encounter-coded.v1", List.of("billing-service", "denial-service"),
            "claims.claim-assembled.v1", List.of("coding-service", "eligibility-service"),
            "claims.eligibility-checked.v1", List.of("billing-service"),
            "claims.claim-adjudicated.v1", List.of("denial-service"),
            "claims.denial-routed.v1", List.of("coding-service"),
            "claims.claim-correction-requested.v1", List.of("billing-service"));

    private ConsumerLag() {
    }

    /** Records not yet consumed, per "group &lt;- topic", for every consumer group. */
    static Map<String, Long> byGroupAndTopic(String bootstrapServers) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> groups = new HashSet<>();
            CONSUMERS.values().forEach(groups::addAll);
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (Map.Entry<String, List<String>> e : CONSUMERS.entrySet()) {
                    if (e.getValue().contains(group)) {
                        admin.describeTopics(List.of(e.getKey())).allTopicNames().get(30, TimeUnit.SECONDS).get(e.getKey()).partitions()
                                .forEach(p -> latest.put(new TopicPartition(e.getKey(), p.partition()), OffsetSpec.latest()));
                    }
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag.merge(group + " <- " + end.getKey().topic(), end.getValue().offset() - (at == null ? 0 : at.offset()), Long::sum);
                }
            }
        }
        return lag;
    }

    /** Records ever written to the claim topics (their end offsets summed): what a run cost in Kafka messages. */
    static long messagesWritten(String bootstrapServers) throws Exception {
        long total = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : ClaimflowSystem.TOPICS) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            for (ListOffsetsResult.ListOffsetsResultInfo end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values()) {
                total += end.offset();
            }
        }
        return total;
    }
}
