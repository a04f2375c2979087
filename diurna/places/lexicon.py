"""Word lists shared by toponym finding and event placing."""
from __future__ import annotations

# Prepositions that place what their clause describes.
LOCATIVE = {"in", "at", "near", "to", "into", "inside", "outside", "across", "throughout", "within",
            "around", "on", "onto", "over", "along", "towards", "toward", "off", "beside"}
# Where something is, rather than where it goes or what it targets.
STATIC = LOCATIVE - {"to", "into", "onto", "towards", "toward", "on", "over"}
DIRECTIONAL = {"to", "into", "towards", "toward"}
# A country after these is where something happened ("in Iran"); after "to" or "on" it is
# usually an addressee or a target ("spoke to Iran", "sanctions on Iran") unless one moves there.
COUNTRY_LOCATIVE = {"in", "inside", "across", "throughout", "within"}
MOVEMENT = {"come", "go", "travel", "fly", "return", "arrive", "move", "head", "flee", "deploy", "send",
            "march", "walk", "drive", "sail", "relocate", "escape", "take", "advance", "push", "retreat"}
# Verbs whose direct object is where the event happens, even when that object is a country.
VISITING = {"visit", "tour", "enter", "reach", "invade", "occupy", "storm", "leave", "cross", "patrol",
            "besiege", "raid", "shell", "bomb", "annex", "overrun", "capture", "seize"}
