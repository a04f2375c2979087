"""User overlays: YAML files that add or correct actors, roles and agents (format: docs/actors.md).

The Phoenix dictionaries stop around 2015; an overlay is how a user keeps the KB current
without rebuilding it. Overlays are applied in order, later ones winning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from diurna.actors.codes import split_code
from diurna.actors.kb import KINDS, KBActor, KnowledgeBase, name_key
from diurna.actors.offices import OFFICES
from diurna.actors.phoenix import Role, regular_plural
from diurna.actors.roles import OfficeTerm


class OverlayError(ValueError):
    """An overlay that cannot be used; the message names the file and the item."""


@dataclass
class OverlayActor:
    id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    names: list[str] = field(default_factory=list)
    remove_names: list[str] = field(default_factory=list)
    roles: Optional[list[Role]] = None  # None: keep the KB's roles
    offices: list[tuple[Role, str]] = field(default_factory=list)  # roles marked `office: hos` etc.


@dataclass
class OverlayAgent:
    phrase: str
    code: Optional[str]  # None: remove the phrase (and its plural) from the agents
    plural: Optional[str] = None


@dataclass
class Overlay:
    path: str
    actors: list[OverlayActor] = field(default_factory=list)
    agents: list[OverlayAgent] = field(default_factory=list)


def read_overlay(path: Path) -> Overlay:
    import yaml

    try:
        # libyaml's safe loader when PyYAML has it (the same documents, a tenth of the time)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, ValueError, yaml.YAMLError) as exc:  # PyYAML raises ValueError for a bad date
        raise OverlayError("%s: cannot read actor overlay: %s" % (path, exc)) from exc
    if not isinstance(data, dict) or set(data) - {"actors", "agents"}:
        raise OverlayError("%s: an actor overlay is a mapping with `actors` and/or `agents` lists" % path)
    overlay = Overlay(str(path))
    for i, item in enumerate(data.get("actors") or []):
        overlay.actors.append(_actor(item, "%s: actors[%d]" % (path, i)))
    for i, item in enumerate(data.get("agents") or []):
        overlay.agents.append(_agent(item, "%s: agents[%d]" % (path, i)))
    return overlay


def _actor(item: Any, where: str) -> OverlayActor:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"].strip():
        raise OverlayError("%s: each actor needs an `id` (a KB id to correct, or a new one)" % where)
    unknown = set(item) - {"id", "name", "kind", "names", "remove_names", "roles", "note"}
    if unknown:
        raise OverlayError("%s: unknown field(s) %s" % (where, ", ".join(sorted(unknown))))
    if item.get("kind") is not None and item["kind"] not in KINDS:
        raise OverlayError("%s: kind must be one of %s" % (where, ", ".join(KINDS)))
    roles = None
    offices: list[tuple[Role, str]] = []
    if item.get("roles") is not None:
        roles = [_role(r, "%s.roles[%d]" % (where, j)) for j, r in enumerate(item["roles"])]
        for j, (raw, role) in enumerate(zip(item["roles"], roles)):
            office = raw.get("office") if isinstance(raw, dict) else None
            if office is not None:
                if office not in OFFICES:
                    raise OverlayError("%s.roles[%d]: office must be one of %s" % (where, j, ", ".join(OFFICES)))
                offices.append((role, office))
    return OverlayActor(
        item["id"].strip(),
        item.get("name"),
        item.get("kind"),
        _strings(item.get("names"), where, "names"),
        _strings(item.get("remove_names"), where, "remove_names"),
        roles,
        offices,
    )


def _role(item: Any, where: str) -> Role:
    if isinstance(item, str):
        item = {"code": item}
    if not isinstance(item, dict) or not isinstance(item.get("code"), str):
        raise OverlayError("%s: a role is a CAMEO code or {code, from, until, office}" % where)
    unknown = set(item) - {"code", "from", "until", "office"}
    if unknown:
        raise OverlayError("%s: unknown field(s) %s" % (where, ", ".join(sorted(unknown))))
    start, end = _date(item.get("from"), where), _date(item.get("until"), where)
    if start and end and end <= start:
        raise OverlayError("%s: `until` must be after `from`" % where)
    return Role(item["code"].strip().upper(), start, end)


def _date(value: Any, where: str) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise OverlayError("%s: %r is not a YYYY-MM-DD date" % (where, value)) from exc


def _agent(item: Any, where: str) -> OverlayAgent:
    if not isinstance(item, dict) or not isinstance(item.get("phrase"), str):
        raise OverlayError("%s: an agent needs a `phrase`" % where)
    if item.get("remove") is True:
        return OverlayAgent(item["phrase"], None, item.get("plural"))
    if not isinstance(item.get("code"), str):
        raise OverlayError("%s: an agent needs a `code` (e.g. ~GOV) or `remove: true`" % where)
    code = item["code"].strip().upper()
    if not (code.startswith("~") or code.endswith("~")):
        code = "~" + code
    return OverlayAgent(item["phrase"], code, item.get("plural"))


def _strings(value: Any, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OverlayError("%s: `%s` must be a list of names" % (where, what))
    return list(value)


def apply_overlay(kb: KnowledgeBase, overlay: Overlay) -> None:
    for item in overlay.actors:
        _apply_actor(kb, item, overlay.path)
    for agent in overlay.agents:
        if agent.code is None:
            kb.remove_agent(agent.phrase, agent.plural or regular_plural(name_key(agent.phrase)))
            continue
        kb.add_agent(agent.phrase, agent.code, agent.plural or regular_plural(name_key(agent.phrase)))


def _apply_actor(kb: KnowledgeBase, item: OverlayActor, path: str) -> None:
    old = kb.actors.get(item.id)
    if old is None and not item.roles:
        raise OverlayError("%s: new actor %r needs `roles`" % (path, item.id))
    if old is None and not (item.name or item.names):
        raise OverlayError("%s: new actor %r needs a `name`" % (path, item.id))
    removed = {name_key(n) for n in item.remove_names}
    names = [k for k in (old.names if old else ()) if k not in removed]
    for name in ([item.name] if item.name else []) + item.names:
        key = name_key(name)
        if key not in names:
            names.append(key)
    kb.add(
        KBActor(
            id=item.id,
            name=item.name or (old.name if old else item.names[0]),
            kind=item.kind or (old.kind if old else "organization"),
            names=tuple(names),
            roles=tuple(item.roles) if item.roles is not None else old.roles,
            cities=old.cities if old else (),
            source=(old.source + "+" if old else "") + "overlay:" + Path(path).name,
        )
    )
    for role, office in item.offices:
        country = split_code(role.code)[0]
        if country is None:
            raise OverlayError("%s: actor %r: a role with an office needs a country code" % (path, item.id))
        name = item.name or (old.name if old else item.names[0])
        kb.offices.add(
            OfficeTerm(country, office, item.id, name, role.start, role.end, "dd", "overlay:" + Path(path).name)
        )
