"""gunicorn settings for ``make run``: loopback only, a few sync workers, JSON access log."""

import multiprocessing
import os

bind = os.environ.get("STATKG_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("STATKG_WORKERS", multiprocessing.cpu_count() * 2))
accesslog = "-"
access_log_format = (
    '{"time":"%(t)s","remote":"%(h)s","method":"%(m)s","path":"%(U)s","query":"%(q)s",'
    '"status":%(s)s,"bytes":"%(B)s","duration_ms":%(M)s,"lang":"%({content-language}o)s",'
    '"agent":"%(a)s"}'
)
