-- Every test starts from empty tables (the schema itself is Flyway's).
truncate table notification, task_run, quarterly_earnings, company, api_token, account restart identity cascade;
