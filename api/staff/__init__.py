"""Staff endpoints: ingest status, quality reports, publishing a release (token + role)."""
