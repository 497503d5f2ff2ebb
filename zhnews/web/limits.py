"""What every route of the web app checks: the size of a page a user sends, and
the ingest token. Its own module so the routers (api.py, pages.py) and the app
that mounts them (app.py) all read it without importing each other."""

from __future__ import annotations

import hmac

# A page is 5–50k characters; 2 MB of text is a whole day's issue. Pasted or
# uploaded input beyond this is not a page (and would tie up a worker).
MAX_PAGE_BYTES = 2 * 1024 * 1024


def check_token(app, given: str | None) -> bool:
    """Whether `given` is the server's ingest token (constant-time compare); never
    true when the server runs read-only or without a token."""
    token = app.state.token
    if not token or not app.state.ingest_enabled or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))
