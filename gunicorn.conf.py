"""gunicorn settings for ``make run``: loopback only, a few sync workers, JSON access log."""

import multiprocessing
import os

bind = os.environ.get("STATKG_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("STATKG_WORKERS", multiprocessing.cpu_count() * 2))
accesslog = "-"
logger_class = "api.accesslog.JsonAccessLogger"  # one JSON object per request
