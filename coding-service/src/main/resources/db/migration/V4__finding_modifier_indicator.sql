-- NCCI PTP findings now carry the edit's modifier indicator as a field (OverridePolicy decides on it, never on the
-- message text). Findings stored before this release only said it in words: give them the field once, here.
update encounter e
set findings = (
    select jsonb_agg(case
                         when f->>'ruleId' = 'NCCI_PTP' and not f ? 'modifierIndicator'
                             then f || jsonb_build_object('modifierIndicator',
                                 case when f->>'message' like '%modifier indicator 0, no modifier can bypass this edit%'
                                      then '0' else '1' end)
                         else f
                     end order by t.ord)
    from jsonb_array_elements(e.findings) with ordinality as t(f, ord))
where exists (select 1 from jsonb_array_elements(e.findings) f where f->>'ruleId' = 'NCCI_PTP');
