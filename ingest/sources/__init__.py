"""One module per source; each registers its adapter(s) with :func:`ingest.base.register`."""
