-- Indexes for the event store's remaining query patterns (Axon's RDBMS tuning guide). V1 already
-- covers loading and appending (unique aggregate/sequence, unique event id), snapshots by
-- aggregate and the saga association lookups.

-- Creating a tracking token at an instant (replays and republication from a point in time) looks
-- events up by timestamp. Axon writes UTC timestamps with fixed millisecond precision, so the text
-- order of the column is its time order.
CREATE INDEX domain_event_entry_time_stamp_idx ON domain_event_entry (time_stamp);

-- Tracking processors claim and release their segments by processor and owner on every batch.
CREATE INDEX token_entry_processor_owner_idx ON token_entry (processor_name, owner, segment);
