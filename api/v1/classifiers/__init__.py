"""``/api/v1`` classifiers: routes and their service."""
