"""``/api/v1`` data: routes and their service."""
