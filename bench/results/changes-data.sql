-- A history for the changes and compare queries' plans (bench/changes-plans.sh): 100 runs in two series
-- (nightly and per-commit, alternating, 21 hours apart), each 100 files x 400 cases from 4 hosts = 40,000 cases,
-- the same 40,000 tests in every run: 10 failing for good, about 1 % failing at random, 1 in 30 skipped.
insert into test_run (run_key, name, owner, site, run_tag, created_at, started_at, run_day, files, tests)
select md5(g::text), 'run-' || g, 'ci', 'lab', case when g % 2 = 0 then 'Nightly' else 'Commit' end, now(), ts,
       cast(ts as date), 100, 40000
from (select g, timestamp with time zone '2026-09-01 02:00Z' + g * interval '21 hours' as ts
      from generate_series(1, 100) g) runs;
insert into test_case (run_id, suite_id, test_key, class_name, name, outcome, seconds, reruns, message)
select r, r * 100 + t / 400, t * 7919 + 13, 'com.acme.module' || (t / 1000) || '.Test' || (t % 1000 / 10),
       'case' || t,
       case when t % 4000 = 0 then 'F' when abs(hashtext(r || ':' || t)) % 100 = 0 then 'F'
            when t % 30 = 0 then 'S' else 'P' end,
       (abs(hashtext(t || ':' || r)) % 1000) / 1000.0, 0,
       case when t % 4000 = 0 or abs(hashtext(r || ':' || t)) % 100 = 0 then 'expected 2 but was 3' end
from generate_series(1, 100) r, generate_series(1, 40000) t;
