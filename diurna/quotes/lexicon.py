"""Word lists for quote detection: reporting verbs, relay verbs, pronouns.

The lists are lemmas (spaCy's lemmatiser output, lower case). They were drawn up from the
reporting verbs of news style guides and checked against the cue words annotated in PolNeAR's
*train* split (the most frequent cues there: say, tell, according to, add, write, ask, note,
report, announce, suggest, show, tweet, describe, argue, ...).
"""

from __future__ import annotations

# Verbs that report what someone said or wrote. With a clausal complement ("X said that ..."),
# a quotation ("..., X said") or an object quote ('X told reporters: "..."') they make a quote.
SPEECH_VERBS = frozenset(
    """
    say tell add stress charge declare warn insist claim deny urge note explain argue write tweet
    post report announce state ask reply respond answer acknowledge admit confirm concede predict
    promise vow pledge reiterate emphasise emphasize assert allege maintain contend complain
    demand suggest propose recall remark observe comment mention reveal disclose recount continue
    conclude caution threaten boast joke quip testify affirm proclaim repeat underline underscore
    point assure indicate counter retort shout yell chant scream cry exclaim whisper sing
    accuse blame criticize criticise condemn denounce praise hail welcome lament
    call appeal order instruct advise inform notify remind reassure tout estimate
    question wonder brag concur agree disagree speculate theorize hint signal
    describe dismiss characterize characterise label dub brand
    talk speak refer cite express slam blast mock attack interject interrupt elaborate protest
""".split()
)

# Verbs that report speech only with their particle: "Rubio fired back", "her husband cut in".
PHRASAL_SPEECH_VERBS = {
    "fire": "back",
    "shoot": "back",
    "hit": "back",
    "strike": "back",
    "push": "back",
    "cut": "in",
    "chime": "in",
    "weigh": "in",
    "butt": "in",
    "pipe": "up",
    "sound": "off",
    "lash": "out",
    "spell": "out",
    "read": "out",
}

# Verbs of stance: "X backs Y", "X opposes the deal". PolNeAR counts them as attributions of a
# position; they make an (indirect) quote only with an object, and only when beliefs are on.
STANCE_VERBS = frozenset("support oppose back favor favour endorse".split())

# Verbs that report a belief, intention or finding. PolNeAR counts these as attributions
# ("X believes that ...", "polls show that ..."); they make a quote only with a clausal
# complement, never from a quotation alone.
COGNITION_VERBS = frozenset(
    """
    believe think hope fear expect know feel worry doubt suspect figure reckon consider assume
    guess imagine recognize recognise realize realise understand want wish find show suggest
    indicate conclude decide insist acknowledge plan intend seek vow pledge see prefer seem appear
""".split()
)

# Verbs through which a medium or agency relays someone else's words.
RELAY_VERBS = frozenset("quote cite report carry relay publish broadcast air".split())

# Nouns that stand for the words someone said ("his remarks were quoted by ...", "in a statement").
SPEECH_NOUNS = frozenset(
    """
    remark remarks comment comments statement statements word words speech interview
    address message post tweet letter op-ed column testimony
""".split()
)

# Verbs taking "on"/"for" whose object and infinitive are the request: "called on X to ...".
REQUEST_PREPOSITIONS = {
    "call": ("on", "upon", "for"),
    "appeal": ("to", "for"),
    "point": ("to", "out"),
    "talk": ("about",),
    "speak": ("about", "of", "out"),
    "refer": ("to",),
}

# Verbs whose object is what is being talked about: "X described Y as ...", "X called it ...".
OBJECT_CONTENT_VERBS = frozenset(
    "describe call dub label brand characterize characterise dismiss "
    "praise criticize criticise condemn denounce hail welcome".split()
)

# Verbs that ask someone to do something: the object and infinitive are the content ("urged X to ...").
DIRECTIVE_VERBS = frozenset(
    "urge ask tell call order instruct advise appeal press encourage implore warn invite demand request".split()
)

PERSONAL_PRONOUNS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "they": "plural",
    "them": "plural",
    "it": "thing",
    "we": "speaker",
    "i": "speaker",
    "you": "addressee",
    "who": "relative",
}

# Nouns for words someone said, on which a quotation can hang with its owner named:
# 'her remark that "..."', 'Obama's "..." promise', 'a headline from the Post: "..."'.
SAID_NOUNS = frozenset(
    """
    remark comment statement promise pledge vow claim question warning assertion words line message
    headline slogan motto tweet post argument response answer reply declaration charge accusation
    insistence suggestion assessment conclusion prediction catchphrase phrase description quip joke
    mantra refrain plea admission boast threat complaint observation explanation retort rebuke
    dictum verdict advice take reaction
""".split()
)

# Speech verbs whose object is the one spoken to ('told reporters', 'warned them'), not what was said.
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "warn"})

# Object pronouns of persons: '"...?" he urged them' names whom it was said to, not something said.
PERSONS_ADDRESSED = frozenset({"me", "you", "him", "her", "us", "them"})

# Texts that speak: '"...," the editorial read', 'a statement from X's office said'.
TEXT_NOUNS = SPEECH_NOUNS | frozenset(
    """
    editorial sign banner poster placard billboard caption headline note memo release ad advertisement
    plaque inscription text email card shirt slogan notice flyer leaflet
""".split()
)

# Nouns for an answer: its owner is whoever the sentence before asked ('Reporters asked Boris
# Johnson whether he would resign. The answer came quickly: "No."').
REPLY_NOUNS = frozenset("answer reply response retort".split())

# Texts that hang in the street: a sign is its carrier's, never the previous sentence's subject's.
STREET_TEXTS = frozenset("sign banner poster placard billboard shirt flyer leaflet plaque inscription".split())

# Words of declining: 'refused to say "..."' reports words someone did not say.
DECLINING = frozenset({"refuse", "fail", "decline", "refusal", "failure", "reluctance", "reluctant", "unwilling"})

# Cue verbs through which an outer speaker relays the words of a cue inside its content
# ('Reuters reported that X said ...').
RELAY_CUE_LEMMAS = frozenset({"report", "say", "write", "tell", "quote", "cite", "carry"})

# Dashes that sign a quotation: hyphen, en, em dash, quotation dash.
SIGNATURE_DASHES = ("-", "\u2013", "\u2014", "\u2015")

# Verbs of intention: with an infinitive they report what the holder means to do ("plans to strike").
INTENTION_VERBS = frozenset(
    "want hope plan intend seek expect wish prefer vow pledge promise threaten "
    "refuse decline agree offer seem appear".split()
)

# Verbs of raising one's voice: in "police met protesters chanting ..." the protesters chant, not the police.
VOICE_VERBS = frozenset("chant shout yell scream cry sing holler cheer boo jeer".split())

# Verbs that report their object ("denied the report", "accused Armenia of ...").
OBJECT_SPEECH_VERBS = frozenset(
    "deny announce confirm propose predict promise reveal acknowledge admit "
    "criticize criticise condemn denounce praise endorse reject dismiss "
    "question defend blame accuse cite express slam blast mock attack tout".split()
)

# Verbs whose passive subject is the one addressed, not the speaker ('X was asked, "...?"').
ADDRESSED_VERBS = frozenset("ask press question quiz tell urge challenge".split())

# Verbs whose object does what the infinitive after it says ('That prompted Rubio to call ...'):
# the object speaks, not the subject, which names only the cause; request verbs ('urged Y to') stay
# out, as their subject is the one who speaks.
CAUSING_VERBS = frozenset("prompt lead cause drive force compel push inspire spur provoke trigger".split())

# Words for a quantity of people: "thousands of farmers" speak as the farmers.
QUANTITY_WORDS = frozenset(
    "thousands hundreds dozens millions scores tens many some most group crowd crowds members majority number".split()
)
