-- A duplicate is the same content again for the same run and host: identical bytes in another run (a
-- deterministic reporter, a rerun job for a new build) are that run's results. Existing rows were unique by
-- content alone, so they stay unique under the narrower rule.
alter table result_file drop constraint result_file_sha256;
alter table result_file add constraint result_file_content unique (run_id, host, sha256);
