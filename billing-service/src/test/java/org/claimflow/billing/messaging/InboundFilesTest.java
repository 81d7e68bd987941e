package org.claimflow.billing.messaging;

import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.claimflow.billing.domain.PostedRemittance;
import org.claimflow.billing.domain.RemittanceStatus;
import org.claimflow.billing.gateway.ClearinghouseGateway;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.gateway.InboundFile;
import org.claimflow.billing.service.AcknowledgmentService;
import org.claimflow.billing.service.ClaimTracing;
import org.claimflow.billing.service.InboundService;
import org.claimflow.billing.service.RemittanceService;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Inbound files the sandbox never sends (unbalanced, unreadable), offered by a mailbox the test controls. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class InboundFilesTest {

    @Inject
    AcknowledgmentService acknowledgments;

    @Inject
    RemittanceService remittances;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClaimTracing tracing;

    /** A mailbox holding the given files until they are acknowledged. */
    static final class Mailbox implements ClearinghouseGateway {
        final Map<String, String> files = new LinkedHashMap<>();
        final List<String> acknowledged = new ArrayList<>();

        String drop(String x12) {
            String id = UUID.randomUUID().toString();
            files.put(id, x12);
            return id;
        }

        @Override
        public Optional<String> submit(String interchangeControlNumber, String x12) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<InboundFile> inbound() {
            return files.keySet().stream().map(id -> new InboundFile(id, InboundFile.REMITTANCE_835, null)).toList();
        }

        @Override
        public String read(InboundFile file) {
            return files.get(file.id());
        }

        @Override
        public void acknowledge(InboundFile file) {
            files.remove(file.id());
            acknowledged.add(file.id());
        }
    }

    private static JsonPath assembledClaim() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        return claim(awaitClaimOf(encounter.encounterId()));
    }

    private PostedRemittance stored(String x12) {
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x12.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // A clearinghouse file belongs to no single practice (row-level security: only cross-practice work sees it).
        return PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(
                () -> PostedRemittance.<PostedRemittance>find("contentSha256", sha).firstResult()));
    }

    @Test
    void keepsAnUnbalancedRemittanceAsRefusedAcknowledgesItAndPostsNothing() {
        JsonPath claim = assembledClaim();
        String pcn = claim.getString("patientControlNumber");
        String x12 = RemittanceFixture.payment().claim(pcn)
                .line(pcn + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done()
                .offBy("10.00").build();
        Mailbox mailbox = new Mailbox();
        String id = mailbox.drop(x12);

        new InboundService(mailbox, acknowledgments, remittances, em, clock, tracing).pollOnce();

        assertEquals(List.of(id), mailbox.acknowledged);
        PostedRemittance refused = stored(x12);
        assertEquals(RemittanceStatus.REFUSED, refused.status);
        assertEquals(0, refused.claimsPosted);
        JsonPath after = claim(claim.getString("id"));
        assertEquals("0.00", after.getString("amounts.paid"));
        assertReconciles(after);
    }

    @Test
    void keepsAnUnreadableRemittanceAsRefusedAndAcknowledgesIt() {
        Mailbox mailbox = new Mailbox();
        String garbage = "ISA*this is not a remittance " + UUID.randomUUID();
        mailbox.drop(garbage);

        new InboundService(mailbox, acknowledgments, remittances, em, clock, tracing).pollOnce();

        assertEquals(1, mailbox.acknowledged.size());
        assertEquals(RemittanceStatus.REFUSED, stored(garbage).status);
    }

    @Test
    void postsARemittanceOfferedTwiceOnce() {
        JsonPath claim = assembledClaim();
        String pcn = claim.getString("patientControlNumber");
        String x12 = RemittanceFixture.payment().claim(pcn)
                .line(pcn + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done().build();
        Mailbox mailbox = new Mailbox();
        mailbox.drop(x12);
        mailbox.drop(x12);

        new InboundService(mailbox, acknowledgments, remittances, em, clock, tracing).pollOnce();

        assertEquals(2, mailbox.acknowledged.size());
        JsonPath after = claim(claim.getString("id"));
        assertEquals("PAID", after.getString("status"));
        assertEquals("92.00", after.getString("amounts.paid"));
        assertReconciles(after);
    }
}
