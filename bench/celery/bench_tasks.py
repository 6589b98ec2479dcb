"""The peer: a Celery app with the original's Redis broker, and a trivial task that reports its start delay."""
import os
import time

from celery import Celery

app = Celery("bench_tasks", broker=os.environ["CELERY_BROKER"], backend=os.environ["CELERY_BROKER"])
app.conf.update(worker_hijack_root_logger=False, result_expires=3600)


@app.task
def noop(enqueued_at):
    # Seconds from enqueue to start, measured with the same clock on the same machine.
    return time.time() - enqueued_at
