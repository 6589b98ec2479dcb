-- Every test starts from empty tables (the schema itself is Flyway's).
-- Tables that refer to an account (Bungie links, loadouts, the Xûr notice) go with it, by the cascade.
truncate table ingest_queue, test_case, test_day, test_streak, failure_case, failure_group_run, failure_group, test_identity, test_suite, result_file, test_run, test_series, notification, task_run, quarterly_earnings, company, api_token, account,
    manifest_version, manifest_item, manifest_bucket, manifest_tier_type, manifest_damage_type, manifest_class,
    manifest_stat, manifest_vendor, manifest_destination, manifest_place, manifest_stat_group, manifest_socket_category,
    xur_slack_post
    restart identity cascade;
update manifest_status set checked_at = null, check_result = null, lease_owner = null, lease_until = null, unknown_item_check_at = null;
