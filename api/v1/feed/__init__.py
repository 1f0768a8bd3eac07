"""``/api/v1`` feed: routes and their service."""
