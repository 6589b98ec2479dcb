-- Per-test statistics kept at ingest, so that the flaky, slowest and most-failing lists read one narrow row per
-- test and day instead of every case in the window.

-- The UTC day a run counts under, fixed by its first stored file (its started_at may still move earlier as files
-- arrive), so that a run's statistics can be found again to take them away when the run is deleted.
alter table test_run add column run_day date;
update test_run set run_day = cast(started_at as date);
alter table test_run alter column run_day set not null;
create index test_run_day on test_run (run_day);

-- One row per test and day: its non-skipped results in that day's runs.
create table test_day (
    test_key      bigint not null,
    run_day       date not null,
    class_name    varchar(1000) not null,
    name          varchar(1000) not null,
    -- results that were not skipped
    runs          bigint not null,
    -- failed or errors
    failures      bigint not null,
    -- passed after Surefire reran them
    reruns        bigint not null,
    seconds_sum   double precision not null,
    seconds_max   double precision not null,
    last_run      timestamp with time zone not null,
    last_failure  timestamp with time zone,
    constraint test_day_key primary key (test_key, run_day)
);
create index test_day_by_day on test_day (run_day, test_key);

insert into test_day (test_key, run_day, class_name, name, runs, failures, reruns, seconds_sum, seconds_max, last_run,
                      last_failure)
select c.test_key, r.run_day, min(c.class_name), min(c.name), count(*),
       sum(case when c.outcome in ('F', 'E') then 1 else 0 end),
       sum(case when c.outcome = 'P' and c.reruns > 0 then 1 else 0 end),
       sum(c.seconds), max(c.seconds), max(r.started_at),
       max(case when c.outcome in ('F', 'E') then r.started_at end)
from test_case c join test_run r on r.id = c.run_id
where c.outcome <> 'S'
group by c.test_key, r.run_day;
