"""`diurna serve`: the HTTP API and dashboard over a store."""

from __future__ import annotations

import argparse
import os
import secrets
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the store over HTTP: JSON API (OpenAPI docs at /docs) and web dashboard",
        description="Serve a diurna store: the JSON API (documented at /docs and /openapi.json) and the dashboard "
        "at /. Read-only unless --allow-ingest is given; binds to 127.0.0.1 unless told otherwise.",
    )
    p.add_argument("--db", default="diurna.duckdb", help="DuckDB file (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the server answers to besides the address it binds (repeat for several; "
        "e.g. the name of a reverse proxy). Requests naming any other Host are refused (DNS "
        "rebinding protection); bound to 0.0.0.0 without this option, any Host is answered",
    )
    p.add_argument(
        "--allow-ingest",
        action="store_true",
        help="accept article uploads at POST /api/ingest, with a bearer token (DIURNA_TOKEN, or one "
        "generated and printed at start)",
    )
    p.set_defaults(func=serve)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from diurna.api import Settings, create_app
    from diurna.api.security import LOOPBACK_NAMES, allowed_hosts_for

    if not os.path.exists(args.db) and not args.allow_ingest:
        sys.stderr.write("diurna serve: error: %s does not exist (create it with `diurna ingest`)\n" % args.db)
        return 2
    token = None
    if args.allow_ingest:
        token = os.environ.get("DIURNA_TOKEN") or secrets.token_urlsafe(24)
        if "DIURNA_TOKEN" not in os.environ:
            sys.stderr.write("diurna serve: uploads need the header 'Authorization: Bearer %s'\n" % token)
    if args.host not in LOOPBACK_NAMES:
        sys.stderr.write("diurna serve: warning: listening on %s, reachable from other machines\n" % args.host)
    allowed = allowed_hosts_for(args.host, tuple(args.allowed_host))
    if allowed is None:
        sys.stderr.write(
            "diurna serve: warning: any Host header is answered (no --allowed-host given for %s): "
            "pages on other sites could reach this server through DNS rebinding\n" % args.host
        )
    app = create_app(Settings(db=args.db, allow_ingest=args.allow_ingest, token=token, allowed_hosts=allowed))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
