"""``/api/v1`` meta: routes and their service."""
