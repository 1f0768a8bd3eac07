"""``/api/v1`` catalog: routes and their service."""
