-- Posting an 835 writes rows per claim and per line into these tables. With identity keys Hibernate has to insert
-- each row on its own to learn its id; with a sequence that hands out 50 ids per call it numbers 50 rows from one
-- nextval (pooled optimizer, allocationSize 50 in the entities) and sends the inserts in JDBC batches.
-- The bigserial defaults stay: a plain SQL insert still gets an id of its own (and uses up a block of 50).
-- Ids keep growing in the order a service persisted its rows, but two replicas draw from different blocks, so across
-- replicas a larger id is not a later row: order by time where that matters (claim history does).
alter sequence claim_event_id_seq increment by 50;
alter sequence line_adjustment_id_seq increment by 50;
alter sequence unmatched_remittance_id_seq increment by 50;
alter sequence provider_adjustment_id_seq increment by 50;
