package org.claimflow.sandbox.clearinghouse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.claimflow.sandbox.eligibility.EligibilityOutcome;
import org.claimflow.sandbox.eligibility.MemberMatchPolicy;
import org.claimflow.sandbox.seed.Member;
import org.claimflow.sandbox.seed.SeedRepository;
import org.claimflow.sandbox.x12.Acknowledgment999Writer;
import org.claimflow.sandbox.x12.Eligibility271Writer;
import org.claimflow.sandbox.x12.EligibilityAnswer;
import org.claimflow.sandbox.x12.EligibilityInquiry.Subscriber;
import org.claimflow.sandbox.x12.EligibilityInquiry;
import org.claimflow.sandbox.x12.Inquiry270Parser;
import org.claimflow.sandbox.x12.Interchange;
import org.claimflow.sandbox.x12.SyntaxVerdict;
import org.claimflow.sandbox.x12.SyntaxVerdictPolicy;
import org.claimflow.sandbox.x12.X12Reader;

/**
 * POST /x12/270: a real-time 271, or a 999 rejecting the inquiry when it is structurally unusable (then
 * no 271 at all, even for the usable transaction sets of the same interchange).
 */
@ApplicationScoped
public class EligibilityService {

    private final X12Reader reader = new X12Reader();
    private final Inquiry270Parser parser = new Inquiry270Parser();
    private final SyntaxVerdictPolicy syntax = new SyntaxVerdictPolicy("HS", "270",
            Set.of("005010X279A1", "005010X279"), parser::validate);
    private final MemberMatchPolicy matching = new MemberMatchPolicy();
    private final Acknowledgment999Writer acknowledgments = new Acknowledgment999Writer();
    private final Eligibility271Writer responses = new Eligibility271Writer();

    private final SeedRepository seed;
    private final ControlNumbers controlNumbers;
    private final Clock clock;

    EligibilityService(SeedRepository seed, ControlNumbers controlNumbers, Clock clock) {
        this.seed = seed;
        this.controlNumbers = controlNumbers;
        this.clock = clock;
    }

    public String inquire(byte[] body) {
        StringBuilder response = new StringBuilder();
        for (Interchange interchange : reader.read(body)) {
            response.append(answer(interchange));
        }
        return response.toString();
    }

    private String answer(Interchange interchange) {
        LocalDateTime now = LocalDateTime.now(clock);
        SyntaxVerdict verdict = syntax.judge(interchange);
        boolean allAccepted = verdict.groups().stream().allMatch(g -> !g.rejected() && "A".equals(g.status()));
        if (verdict.groups().isEmpty() || !allAccepted) {
            return acknowledgments.write(verdict, controlNumbers.nextInterchange(), now);
        }
        List<EligibilityInquiry> inquiries = verdict.acceptedTransactions().stream().map(parser::parse).toList();
        LocalDate today = now.toLocalDate();
        return responses.write(interchange, interchange.groups().get(0), inquiries, seed::payer,
                (payerId, subscriber) -> answer(payerId, subscriber, today), controlNumbers.nextInterchange(), now);
    }

    private EligibilityAnswer answer(String payerId, Subscriber subscriber, LocalDate today) {
        Member member = seed.member(payerId, subscriber.subscriber().id()).orElse(null);
        LocalDate dateOfService = subscriber.dateOfService() == null ? today : subscriber.dateOfService();
        EligibilityOutcome outcome = matching.outcome(Optional.ofNullable(member), subscriber.subscriber().name(),
                subscriber.subscriber().firstName(), subscriber.birthDate(), dateOfService);
        return new EligibilityAnswer(outcome, member);
    }
}
