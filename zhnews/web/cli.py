"""`zhnews serve [DB]`: the web UI and JSON API over a knowledge base."""

from __future__ import annotations

import ipaddress
import os
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# The token can come from the environment so that it does not show in `ps`.
TOKEN_ENV = "ZHNEWS_TOKEN"


def register(sub) -> None:
    p = sub.add_parser("serve", help="web UI + JSON API over a knowledge base (read-only unless --token)")
    p.add_argument("db", nargs="?", default=None,
                   help="knowledge base: SQLite file or postgresql:// DSN (default: --db, $ZHNEWS_DB or zhnews.db)")
    p.add_argument("--db", dest="db_opt", default=None, metavar="DB",
                   help="the same as the positional db, as the other commands take it")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--token", default=None,
                   help=f"allow ingest over HTTP (POST /api/ingest, the upload form's 'store') with this secret; "
                        f"or set ${TOKEN_ENV}")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    from ..store import default_db
    from .app import create_app

    db = args.db or args.db_opt or default_db()
    token = args.token or os.environ.get(TOKEN_ENV) or None
    if not (0 < args.port < 65536):
        print(f"zhnews: --port {args.port} is not a port (1–65535)", file=sys.stderr)
        return 2
    try:
        app = create_app(db, token=token, read_only=token is None)
    except ValueError as e:
        print(f"zhnews: {e}", file=sys.stderr)
        return 2
    try:
        import uvicorn
    except ImportError:
        print("zhnews: the web server needs uvicorn (pip install uvicorn)", file=sys.stderr)
        return 2
    if not _is_loopback(args.host):
        print(f"zhnews: listening on {args.host}: anyone who can reach this machine can read the base"
              + (" and, with the token, write to it (use HTTPS in front)" if token else ""), file=sys.stderr)
    shown = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    print(f"zhnews: serving {db} {'(ingest enabled with token)' if token else '(read-only)'} "
          f"at http://{shown}:{args.port}/  — API docs at /api/docs; Ctrl+C to stop", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
