"""Ingestion: source adapters, validation, crosswalks, pseudonymisation and batch loading."""
