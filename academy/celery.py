"""The Academy's Celery app: settings under CELERY_*, tasks found in each app's tasks.py."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")

app = Celery("academy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def check_database_connections(task=None, **kwargs) -> None:
    """Before each task a worker runs: drop a connection that failed, outlived
    CONN_MAX_AGE or was closed by the server (CELERY_DB_REUSE_MAX keeps connections
    open between tasks), so the task opens a fresh one instead of failing.

    Not for a task run eagerly inside a request: it may be inside a transaction."""
    if task is None or getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections, connections

    close_old_connections()
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            connection.close()
