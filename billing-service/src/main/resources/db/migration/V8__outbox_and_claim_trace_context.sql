-- The W3C trace context (traceparent, tracestate) of the span that wrote an outbox row: the relay publishes the
-- event in that trace, so one encounter is one trace across the services although events leave after the commit.
-- Nullable: rows written before tracing existed, or while nothing was traced, start a trace of their own.
alter table outbox_event
    add column traceparent varchar(64),
    add column tracestate  varchar(512);

-- The trace a claim was assembled in (its encounter's). The submission job and the inbound poller move claims on
-- from no consumed record; the ClaimSubmitted and ClaimAdjudicated they write continue this trace instead.
-- (V7 is left to a concurrent change.)
alter table claim
    add column traceparent varchar(64),
    add column tracestate  varchar(512);
