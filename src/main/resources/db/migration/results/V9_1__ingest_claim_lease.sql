-- A claim on a queue entry is a lease: its ingester renews it while it reads the file, and an entry whose lease
-- ran out belongs to an ingester that is gone, to be taken over at once. Claims made before leases count as run out.
alter table ingest_queue add column lease_until timestamp with time zone;
alter table ingest_queue add column claimed_by varchar(255);
update ingest_queue set lease_until = claimed_at where state = 'PROCESSING';
