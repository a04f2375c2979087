"""`diurna actors lookup NAME [--date D]`: what the actor knowledge base knows about a name."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "actors",
        help="query the actor knowledge base",
        description="Query the actor knowledge base (Phoenix dictionaries + overlays).",
    )
    actions = p.add_subparsers(dest="actors_command", metavar="ACTION", required=True)
    lookup = actions.add_parser("lookup", help="the KB actors a name stands for, with the role on a date")
    lookup.add_argument("name", help='a name as written in news, e.g. "Hassan Rouhani" or "Iranian"')
    lookup.add_argument(
        "--date", type=_iso_date, default=None, help="the day whose role to show (YYYY-MM-DD; default today)"
    )
    lookup.add_argument("--json", action="store_true", help="one JSON object per actor")
    lookup.set_defaults(func=cmd_lookup)


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a YYYY-MM-DD date" % text)


def cmd_lookup(args) -> int:
    from diurna.actors.kb import default_kb

    kb = default_kb()
    day = args.date or dt.date.today().isoformat()
    found = kb.lookup(args.name)
    agent = kb.agent(args.name)
    if not found and agent is None:
        print("no actor or agent called %r in the knowledge base" % args.name, file=sys.stderr)
        return 1
    for actor in found:
        info = kb.describe(actor.id, day)
        if args.json:
            print(json.dumps(info, ensure_ascii=False))
            continue
        print(
            "%s  [%s]  %s  kb_id=%s  source=%s"
            % (info["name"], info["code"] or "no role", info["kind"], info["kb_id"], info["source"])
        )
        print("  on %s: country=%s sector=%s code=%s" % (day, info["country"], info["sector"], info["code"]))
        for role in info["roles"]:
            print("  role %-12s from %-10s until %s" % (role["code"], role["from"] or "-", role["until"] or "-"))
        print("  names: %s" % ", ".join(info["names"][:12]) + (" ..." if len(info["names"]) > 12 else ""))
    if agent is not None:
        if args.json:
            print(json.dumps({"agent": agent.phrase, "code": agent.code, "plural": agent.plural}))
        else:
            print("agent %r: %s%s" % (agent.phrase, agent.code, " (plural)" if agent.plural else ""))
    return 0
