"""`diurna actors`: query the actor knowledge base.

diurna actors lookup NAME [--date D]      what the KB knows about a name, with the role on a day
diurna actors --coverage DATE [--json]    how many UN members have a known head of state and
                                          head of government (and foreign, defence minister)
diurna actors holders COUNTRY [--date D]  who held each office of a country on a day
diurna actors sources                     the datasets the KB was built from, with licences
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "actors",
        help="query the actor knowledge base",
        description="Query the actor knowledge base (Phoenix dictionaries, Wikidata office holders, "
        "UCDP armed groups, Party Facts parties, and overlays).",
    )
    p.add_argument(
        "--coverage",
        type=_iso_date,
        metavar="DATE",
        default=None,
        help="report which UN members have a known head of state / government (and foreign and "
        "defence minister) on DATE, and which are missing",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_actors)
    actions = p.add_subparsers(dest="actors_command", metavar="ACTION")
    lookup = actions.add_parser("lookup", help="the KB actors a name stands for, with the role on a date")
    lookup.add_argument("name", help='a name as written in news, e.g. "Hassan Rouhani" or "Iranian"')
    lookup.add_argument(
        "--date", type=_iso_date, default=None, help="the day whose role to show (YYYY-MM-DD; default today)"
    )
    lookup.add_argument("--json", action="store_true", help="one JSON object per actor")
    lookup.set_defaults(func=cmd_lookup)
    holders = actions.add_parser("holders", help="who held each office of a country on a date")
    holders.add_argument("country", help="ISO 3166-1 alpha-3 code or English name, e.g. SEN or Senegal")
    holders.add_argument("--date", type=_iso_date, default=None, help="YYYY-MM-DD (default today)")
    holders.add_argument("--json", action="store_true")
    holders.set_defaults(func=cmd_holders)
    sources = actions.add_parser("sources", help="the datasets the KB was built from, with licences")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(func=cmd_sources)


def _iso_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a YYYY-MM-DD date" % text)


def cmd_actors(args) -> int:
    if args.coverage is None:
        print("diurna actors: give an ACTION (lookup, holders, sources) or --coverage DATE", file=sys.stderr)
        return 2
    return cmd_coverage(args.coverage, args.json)


def cmd_coverage(day: str, as_json: bool) -> int:
    from diurna.actors.kb import default_kb
    from diurna.actors.roles import UN_MEMBERS, both_heads, coverage, office_name

    kb = default_kb()
    rows = coverage(kb.offices, day)
    both = both_heads(kb.offices, day)
    total = len(UN_MEMBERS)
    if as_json:
        out = {
            "date": day,
            "un_members": total,
            "head_of_state_and_government": {"known": len(both), "share": round(len(both) / total, 3)},
            "offices": {
                office: {
                    "known": len(row.known),
                    "certain": len(row.certain),
                    "share": round(len(row.known) / total, 3),
                    "missing": row.missing,
                }
                for office, row in rows.items()
            },
        }
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print("KB coverage of the %d UN member states on %s" % (total, day))
    print("  head of state AND head of government known: %d/%d (%.3f)" % (len(both), total, len(both) / total))
    for office, row in rows.items():
        print(
            "  %-20s known %3d/%d (%.3f); %3d by day-precise dates confirmed on or after that day"
            % (office_name(office), len(row.known), total, len(row.known) / total, len(row.certain))
        )
        if row.missing:
            print("    missing (%d): %s" % (len(row.missing), " ".join(row.missing)))
    print(
        "  'known' counts a holder whose term covers the day, including terms dated to the year only or "
        "whose end is inferred from the next holder; see docs/actors.md (Sources)."
    )
    return 0


def cmd_holders(args) -> int:
    from diurna.actors.country_names import iso3_of
    from diurna.actors.kb import default_kb
    from diurna.actors.offices import OFFICES
    from diurna.actors.roles import office_name

    country = args.country.upper() if len(args.country) == 3 and args.country.isalpha() else iso3_of(args.country)
    if not country:
        print("unknown country %r (give an ISO alpha-3 code or an English name)" % args.country, file=sys.stderr)
        return 1
    day = args.date or dt.date.today().isoformat()
    kb = default_kb()
    found = []
    for office in OFFICES:
        for term in kb.offices.holders(country, office, day):
            found.append((office, term))
    if args.json:
        for office, t in found:
            print(
                json.dumps(
                    {
                        "country": country,
                        "date": day,
                        "office": office,
                        "kb_id": t.kb_id,
                        "name": t.name,
                        "from": t.start,
                        "until": t.end,
                        "precision": t.precision,
                        "certain": t.certain_on(day),
                        "source": t.source,
                    },
                    ensure_ascii=False,
                )
            )
        return 0 if found else 1
    if not found:
        print("no office holder of %s known on %s" % (country, day), file=sys.stderr)
        return 1
    for office, t in found:
        print(
            "%-18s %-32s %s .. %s  (%s%s) kb_id=%s"
            % (
                office_name(office),
                t.name,
                t.start or "?",
                t.end or "",
                t.precision,
                "" if t.certain_on(day) else ", not certain on that day",
                t.kb_id,
            )
        )
    return 0


def cmd_sources(args) -> int:
    from diurna.actors.kb import default_kb

    kb = default_kb()
    if args.json:
        print(json.dumps(kb.sources, ensure_ascii=False))
        return 0
    for source in kb.sources:
        files = source.get("files", [])
        repos = sorted({f.get("repo") for f in files if f.get("repo")})
        print(
            "%-16s %-45s %d file(s)%s"
            % (
                source["dataset"],
                source["licence"],
                len(files),
                (" from " + ", ".join(repos[:3]) + (" ..." if len(repos) > 3 else "")) if repos else "",
            )
        )
    if kb.overlays:
        print("overlays applied: %s" % ", ".join(kb.overlays))
    return 0


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
        for office in info["offices_on_date"]:
            print("  on %s: %s of %s" % (day, office["office"], office["country"]))
        for role in info["roles"]:
            print("  role %-12s from %-10s until %s" % (role["code"], role["from"] or "-", role["until"] or "-"))
        for office in info["offices"]:
            print(
                "  office %-8s %s from %-10s until %-10s (%s)"
                % (
                    office["office"],
                    office["country"],
                    office["from"] or "-",
                    office["until"] or "-",
                    office["precision"],
                )
            )
        print("  names: %s" % ", ".join(info["names"][:12]) + (" ..." if len(info["names"]) > 12 else ""))
    if agent is not None:
        if args.json:
            print(json.dumps({"agent": agent.phrase, "code": agent.code, "plural": agent.plural}))
        else:
            print("agent %r: %s%s" % (agent.phrase, agent.code, " (plural)" if agent.plural else ""))
    return 0
