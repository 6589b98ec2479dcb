-- What one statistics row per test and run costs PostgreSQL, in SQL alone: 1,000 statements of 300 tests each, as
-- ingestion writes them (one per file, keys in order), into copies of test_day with fewer indexes. Run by
-- bench/test-day-costs.sh on a database that Flyway made, so that test_day is the real one.
create function add_file(t text, file int) returns void language plpgsql as $$
declare keys bigint[]; classes varchar[]; names varchar[]; seconds float8[];
begin
  keys := array(select (file::bigint * 1000003 + g) * 7919 from generate_series(1, 300) g);
  classes := array(select 'org.example.module' || mod(file, 50) || '.SomethingServiceTest' from generate_series(1, 300));
  names := array(select 'shouldDoTheThing' || g || 'WhenAsked' from generate_series(1, 300) g);
  seconds := array(select random() from generate_series(1, 300));
  execute format($sql$
    insert into %I as d (test_key, run_day, class_name, name, runs, failures, reruns, seconds_sum, seconds_max,
                         last_run, last_failure)
    select k, date '2026-12-01', c, n, 1, 0, 0, s, s, now(), null
    from unnest($1, $2, $3, $4) as t(k, c, n, s) order by k
    on conflict (test_key, run_day) do update set
      runs = d.runs + excluded.runs, failures = d.failures + excluded.failures, reruns = d.reruns + excluded.reruns,
      seconds_sum = d.seconds_sum + excluded.seconds_sum, seconds_max = greatest(d.seconds_max, excluded.seconds_max),
      last_run = greatest(d.last_run, excluded.last_run), last_failure = greatest(d.last_failure, excluded.last_failure)
    $sql$, t) using keys, classes, names, seconds;
end $$;

-- 1,000 files into table t; milliseconds
create function add_files(t text) returns numeric language plpgsql as $$
declare started timestamptz := clock_timestamp();
begin
  for file in 1..1000 loop
    perform add_file(t, file);
  end loop;
  return round(extract(epoch from clock_timestamp() - started) * 1000);
end $$;

create table day_as_is (like test_day including all);
create table day_without_mean (like test_day including all);
create table day_hot (like test_day including all) with (fillfactor = 70);
create table day_key_only (like test_day including defaults including constraints);
alter table day_key_only add primary key (test_key, run_day);
do $$
declare i text;
begin
  for i in select indexname from pg_indexes
           where tablename in ('day_without_mean', 'day_hot') and indexdef ilike '%greatest(runs%' loop
    execute format('drop index %I', i);
  end loop;
end $$;

create table costs (variant text, pass int, ms numeric);
