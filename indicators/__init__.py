"""Indicators: the catalog and the computations from microdata into a release."""
