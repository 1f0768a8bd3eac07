"""``/api/v1`` releases: routes and their service."""
