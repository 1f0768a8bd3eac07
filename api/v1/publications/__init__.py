"""``/api/v1`` publications: routes and their service."""
