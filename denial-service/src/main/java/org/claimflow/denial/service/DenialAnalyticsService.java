package org.claimflow.denial.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.claimflow.denial.domain.AdjustmentCode;
import org.claimflow.denial.rest.DenialAnalyticsResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Denial analytics over a period of remittance dates. Amounts are sums of the charges at stake; a denial
 * is counted under its primary CARC (the one that decided its classification). The first-pass rate is over
 * original claims (frequency 1) first adjudicated in the period: those whose first adjudication had no denial,
 * out of all of them.
 */
@ApplicationScoped
public class DenialAnalyticsService {

    private final EntityManager em;

    public DenialAnalyticsService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public DenialAnalyticsResponse analyse(LocalDate from, LocalDate to, String practiceId) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        Map<String, Object> params = new HashMap<>();
        String where = where("d", from, to, practiceId, params);
        Object[] totals = (Object[]) query("select count(*), coalesce(sum(d.amount), 0), "
                + "coalesce(sum(d.amount) filter (where d.status = 'WRITTEN_OFF'), 0) from denial d" + where, params)
                .getSingleResult();
        Object[] appeals = (Object[]) query("select count(*) filter (where a.status = 'WON'), "
                + "count(*) filter (where a.status = 'LOST'), "
                + "coalesce(sum(a.recovered_amount) filter (where a.status = 'WON'), 0) "
                + "from appeal a join denial d on d.id = a.denial_id" + where, params).getSingleResult();
        Object[] corrections = (Object[]) query("select count(distinct r.denial_id), coalesce(sum(r.amount), 0) "
                + "from correction_recovery r join denial d on d.id = r.denial_id" + where, params).getSingleResult();
        List<DenialAnalyticsResponse.Group> byCarc = groups("coalesce(d.reason_codes[1], 'NONE')", where, params);
        Map<String, String> descriptions = DenialService.descriptions(AdjustmentCode.CARC,
                byCarc.stream().map(DenialAnalyticsResponse.Group::key).toList());
        byCarc = byCarc.stream().map(g -> new DenialAnalyticsResponse.Group(g.key(), descriptions.get(g.key()), g.count(), g.amount()))
                .toList();
        List<DenialAnalyticsResponse.FirstPass> byPayer = firstPassByPayer(from, to, practiceId);
        long originals = byPayer.stream().mapToLong(DenialAnalyticsResponse.FirstPass::originalClaims).sum();
        long firstPass = byPayer.stream().mapToLong(DenialAnalyticsResponse.FirstPass::firstPassClaims).sum();
        return new DenialAnalyticsResponse(from, to, practiceId, ((Number) totals[0]).longValue(), money(totals[1]),
                groups("d.payer_id", where, params), groups("d.category", where, params), byCarc,
                ((Number) appeals[0]).longValue(), ((Number) appeals[1]).longValue(), money(appeals[2]), money(totals[2]),
                ((Number) corrections[0]).longValue(), money(corrections[1]),
                originals, firstPass, rate(firstPass, originals), byPayer);
    }

    /** Over claim_adjudication: originals first adjudicated in the period, per payer, most claims first. */
    @SuppressWarnings("unchecked")
    private List<DenialAnalyticsResponse.FirstPass> firstPassByPayer(LocalDate from, LocalDate to, String practiceId) {
        Map<String, Object> params = new HashMap<>();
        String where = where("c", from, to, practiceId, params) + " and c.frequency_code = '1'";
        List<Object[]> rows = query("select c.payer_id, count(*), count(*) filter (where not c.denied) "
                + "from claim_adjudication c" + where + " group by c.payer_id order by 2 desc, 1", params).getResultList();
        List<DenialAnalyticsResponse.FirstPass> payers = new ArrayList<>();
        for (Object[] row : rows) {
            long originals = ((Number) row[1]).longValue();
            long firstPass = ((Number) row[2]).longValue();
            payers.add(new DenialAnalyticsResponse.FirstPass((String) row[0], originals, firstPass, rate(firstPass, originals)));
        }
        return payers;
    }

    /** The period and practice filter on a table with remittance_date and practice_id, under the given alias. */
    private static String where(String alias, LocalDate from, LocalDate to, String practiceId, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (from != null) {
            where.append(" and ").append(alias).append(".remittance_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and ").append(alias).append(".remittance_date <= :to");
            params.put("to", to);
        }
        if (practiceId != null) {
            where.append(" and ").append(alias).append(".practice_id = :practice");
            params.put("practice", practiceId);
        }
        return where.toString();
    }

    @SuppressWarnings("unchecked")
    private List<DenialAnalyticsResponse.Group> groups(String key, String where, Map<String, Object> params) {
        List<Object[]> rows = query("select " + key + " as k, count(*), coalesce(sum(d.amount), 0) from denial d" + where
                + " group by k order by 3 desc, 1", params).getResultList();
        List<DenialAnalyticsResponse.Group> groups = new ArrayList<>();
        for (Object[] row : rows) {
            groups.add(new DenialAnalyticsResponse.Group((String) row[0], null, ((Number) row[1]).longValue(), money(row[2])));
        }
        return groups;
    }

    private Query query(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query;
    }

    /** A share as a fraction with four places (0.8750), or null when there is nothing to divide by. */
    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }
}
