"""Users' data requests over HTTP: intake, the requester's status, staff review, downloads."""
