"""Burst throughput and enqueue-to-start delays of Celery's trivial task; prints one tab-separated row per round."""
import sys
import time

from bench_tasks import noop


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-p * len(ordered) // 100) - 1))]


def burst(jobs):
    start = time.time()
    results = [noop.delay(time.time()) for _ in range(jobs)]
    delays = [r.get(timeout=600) for r in results]
    return time.time() - start, delays


def idle(count):
    delays = []
    for i in range(count):
        delays.append(noop.delay(time.time()).get(timeout=60))
        time.sleep(0.15 + ((i * 37) % 200) / 1000)
    return delays


workers, jobs, rounds, sparse = (int(a) for a in sys.argv[1:5])
burst(max(1000, jobs // 5))  # warm-up
for rnd in range(1, rounds + 1):
    seconds, delays = burst(jobs)
    idle_delays = idle(sparse)
    ms = lambda v: int(round(v * 1000))
    print("\t".join(str(x) for x in (workers, rnd, jobs, "%.2f" % seconds, "%.0f" % (jobs / seconds),
                                     ms(percentile(delays, 50)), ms(percentile(delays, 99)),
                                     ms(percentile(idle_delays, 50)), ms(percentile(idle_delays, 99)))), flush=True)
