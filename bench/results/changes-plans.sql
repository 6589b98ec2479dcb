-- The plans of the changes, compare, notification and ingest-side streak queries, on bench/results/changes-data.sql
-- (ChangeQueries, FailureNotices and Streaks hold the same statements; here with the run ids written in).
\timing on
-- predecessor of the latest run
explain (analyze, buffers, costs off)
select p.id, p.name, p.started_at from test_run r join test_run p on p.series_id = r.series_id
where r.id = 100 and p.series_at is not null
  and (p.series_at < r.series_at or (p.series_at = r.series_at and p.id < r.id))
order by p.series_at desc, p.id desc limit 1;
-- the run's streak rows
explain (analyze, buffers, costs off)
select s.test_key, s.class_name, s.name, s.fixed, s.age, s.since_run_id, r.name, r.started_at
from test_streak s left join test_run r on r.id = s.since_run_id
where s.run_id = 100 order by s.class_name, s.name, s.test_key;
-- compare (also the changes' added and removed): each run's cases as they lie, summed up per test in Java
explain (analyze, buffers, costs off) select test_key, outcome, seconds from test_case where run_id = 98;
explain (analyze, buffers, costs off) select test_key, outcome, seconds from test_case where run_id = 100;
-- then the names of the tests listed (here: the run's 800 failing ones)
explain (analyze, buffers, costs off)
select test_key, min(class_name), min(name) from test_case
where run_id = 100 and test_key in (select test_key from test_case where run_id = 100 and outcome = 'F')
group by test_key;
-- ingest: the streaks 400 tests of a file bring into run 100
explain (analyze, buffers, costs off)
select test_key, fixed, since_run_id, age from (
    select test_key, fixed, since_run_id, age,
           row_number() over (partition by test_key order by series_at desc, run_id desc) as latest
    from test_streak
    where series_id = (select series_id from test_run where id = 100)
      and test_key in (select t * 7919 + 13 from generate_series(36001, 36400) t)
      and (series_at < (select series_at from test_run where id = 100)
           or (series_at = (select series_at from test_run where id = 100) and run_id < 100))
) t where latest = 1 and not fixed;
-- ingest and deletion: the runs after a run in its series
explain (analyze, buffers, costs off)
select id, series_id, series_at from test_run
where series_id = 1 and series_at is not null and (series_at > '2026-10-01' or (series_at = '2026-10-01' and id > 40))
order by series_at, id;
-- ingest and deletion: a later run's results of the tests carried forward
explain (analyze, buffers, costs off)
select test_key, min(class_name), min(name), max(case when outcome in ('F', 'E') then 1 else 0 end)
from test_case where run_id = 60 and test_key in (select t * 4000 * 7919 + 13 from generate_series(1, 10) t)
  and outcome <> 'S' group by test_key;
