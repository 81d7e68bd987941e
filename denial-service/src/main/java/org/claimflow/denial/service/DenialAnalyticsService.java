package org.claimflow.denial.service;

import java.math.BigDecimal;
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
 * is counted under its primary CARC (the one that decided its classification).
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
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            where.append(" and d.remittance_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and d.remittance_date <= :to");
            params.put("to", to);
        }
        if (practiceId != null) {
            where.append(" and d.practice_id = :practice");
            params.put("practice", practiceId);
        }
        Object[] totals = (Object[]) query("select count(*), coalesce(sum(d.amount), 0), "
                + "coalesce(sum(d.amount) filter (where d.status = 'WRITTEN_OFF'), 0) from denial d" + where, params)
                .getSingleResult();
        Object[] appeals = (Object[]) query("select count(*) filter (where a.status = 'WON'), "
                + "count(*) filter (where a.status = 'LOST'), "
                + "coalesce(sum(a.recovered_amount) filter (where a.status = 'WON'), 0) "
                + "from appeal a join denial d on d.id = a.denial_id" + where, params).getSingleResult();
        List<DenialAnalyticsResponse.Group> byCarc = groups("coalesce(d.reason_codes[1], 'NONE')", where, params);
        Map<String, String> descriptions = new HashMap<>();
        AdjustmentCode.of(AdjustmentCode.CARC, byCarc.stream().map(DenialAnalyticsResponse.Group::key).toList())
                .forEach(c -> descriptions.put(c.code, c.description));
        byCarc = byCarc.stream().map(g -> new DenialAnalyticsResponse.Group(g.key(), descriptions.get(g.key()), g.count(), g.amount()))
                .toList();
        return new DenialAnalyticsResponse(from, to, practiceId, ((Number) totals[0]).longValue(), money(totals[1]),
                groups("d.payer_id", where, params), groups("d.category", where, params), byCarc,
                ((Number) appeals[0]).longValue(), ((Number) appeals[1]).longValue(), money(appeals[2]), money(totals[2]));
    }

    @SuppressWarnings("unchecked")
    private List<DenialAnalyticsResponse.Group> groups(String key, StringBuilder where, Map<String, Object> params) {
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

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }
}
