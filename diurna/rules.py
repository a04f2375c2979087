"""Named rules that can be switched off: the registry the rule-heavy stages share.

A stage that decides by rules (event constructions, countries from the story) registers each rule
with a name, an example from news copy and the reason it holds. A rule can then be found by name,
turned off for a measurement (an environment variable naming rules, comma-separated) or in a test
(`switched_off`), and listed with its example.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Callable, Iterator, TypeVar

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class Rule:
    name: str
    example: str
    why: str


class RuleSet:
    """The rules of one stage, in the order they were registered, and which are switched off."""

    def __init__(self, what: str, env: str):
        self.what = what  # "event construction": named in errors
        self.rules: dict[str, Rule] = {}
        self._off: set[str] = {n.strip() for n in os.environ.get(env, "").split(",") if n.strip()}

    def parts(self):
        """(rules, register, enabled, switched_off): the names a stage's rule module exports, so that
        each module declares its set in one line rather than repeating four."""
        return self.rules, self.register, self.enabled, self.switched_off

    def register(self, name: str, example: str, why: str) -> str:
        self.rules[name] = Rule(name, example, why)
        return name

    def ordered(self, into: list) -> Callable[[str, str, str], Callable[[F], F]]:
        """For rules that are functions tried in order: a decorator factory, `@rule(name, example, why)`,
        that registers the rule and appends (name, function) to `into`, so the list reads in the order
        the module defines its rules."""

        def rule(name: str, example: str, why: str) -> Callable[[F], F]:
            def add(fn: F) -> F:
                into.append((self.register(name, example, why), fn))
                return fn

            return add

        return rule

    def enabled(self, name: str) -> bool:
        return name not in self._off

    @contextlib.contextmanager
    def switched_off(self, *names: str) -> Iterator[None]:
        """Turn rules off for the duration (tests measure what each rule contributes)."""
        unknown = [n for n in names if n not in self.rules]
        if unknown:
            raise KeyError("no such %s: %s" % (self.what, ", ".join(unknown)))
        added = set(names) - self._off
        self._off.update(added)
        try:
            yield
        finally:
            self._off.difference_update(added)
