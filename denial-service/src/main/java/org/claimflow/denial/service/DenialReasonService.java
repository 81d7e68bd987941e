package org.claimflow.denial.service;

import java.time.Clock;

import org.claimflow.denial.domain.AdjustmentCode;
import org.claimflow.denial.domain.DenialReasonMapping;
import org.claimflow.denial.domain.ReasonRule;
import org.claimflow.denial.rest.DenialReasonRequest;
import org.claimflow.denial.rest.DenialReasonResponse;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads and changes the classification table; a change applies to denials routed from then on. */
@ApplicationScoped
public class DenialReasonService {

    private static final Logger LOG = Logger.getLogger(DenialReasonService.class);

    private final Clock clock;

    public DenialReasonService(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public DenialReasonResponse get(String carc) {
        return response(known(carc));
    }

    @Transactional
    public DenialReasonResponse put(String carc, DenialReasonRequest request) {
        AdjustmentCode code = known(carc);
        String group = request.groupCode() == null ? ReasonRule.ANY_GROUP : request.groupCode();
        DenialReasonMapping row = DenialReasonMapping.findRule(group, code.code, request.rarc());
        if (row == null) {
            row = new DenialReasonMapping();
            row.groupCode = group;
            row.carc = code.code;
            row.rarc = request.rarc();
        }
        row.category = request.category();
        row.rootCause = request.rootCause();
        row.queue = request.queue();
        row.appealable = request.appealable();
        row.correctable = request.correctable();
        row.updatedAt = clock.instant();
        row.persist();
        LOG.infof("classification of %s-%s%s set to %s / %s", group, code.code,
                request.rarc() == null ? "" : " with " + request.rarc(), row.category, row.queue);
        return response(code);
    }

    private static AdjustmentCode known(String carc) {
        AdjustmentCode code = AdjustmentCode.findById(key(carc));
        if (code == null) {
            throw new NotFoundException("No CARC with this code.");
        }
        return code;
    }

    private static AdjustmentCode.Key key(String carc) {
        AdjustmentCode.Key key = new AdjustmentCode.Key();
        key.kind = AdjustmentCode.CARC;
        key.code = carc;
        return key;
    }

    private static DenialReasonResponse response(AdjustmentCode code) {
        return new DenialReasonResponse(code.code, code.description, DenialReasonMapping.forCarc(code.code).stream()
                .map(r -> new DenialReasonResponse.Rule(r.groupCode, r.rarc, r.category, r.rootCause, r.queue,
                        r.appealable, r.correctable, r.updatedAt))
                .toList());
    }
}
