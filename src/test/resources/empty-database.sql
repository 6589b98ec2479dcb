-- Every test starts from empty tables (the schema itself is Flyway's).
truncate table ingest_queue, test_case, test_suite, result_file, test_run, notification, task_run, quarterly_earnings, company, api_token, account restart identity cascade;
