-- The service takes its 270 control numbers from this sequence a block at a time (ControlNumberSequence): each
-- nextval is the first of `increment by` numbers, so a real-time check no longer spends a database transaction on
-- its control number. Numbers stay unique across restarts and replicas; a restart leaves the rest of its block unused.
-- maxvalue keeps the last block within the nine digits of ISA13 (999,999,999) before the sequence cycles to 1.
alter sequence x12_control_number increment by 20 maxvalue 999999980;
