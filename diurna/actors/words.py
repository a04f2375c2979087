"""Word lists of the actor resolver: what a word says about the actor a mention stands for.

Each list is read by one or more named rules (diurna/actors/rules.py); the comment above a list
says why its words behave alike.
"""

from __future__ import annotations

NONSTATE_SECTORS = frozenset({"REB", "UAF", "IMG", "OPP", "RAD", "CRM", "MIL"})
PEOPLE_SECTORS = frozenset({"CVL", "OPP", "PPL"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Bodies that sit in another state's capital: "the embassy in Kabul" is not Afghanistan's.
FOREIGN_POSTS = frozenset(
    "embassy embassies consulate consulates mission missions delegation delegations "
    "envoy envoys ambassador ambassadors correspondent correspondents".split()
)
# What armed groups hold and armies strike: "militant targets", "rebel positions" are the group's;
# so are a body's premises that attacks and protests strike ("a police station", "army checkpoints",
# "government offices", "the party headquarters") and its units and vehicles on the move ("an army
# convoy", "a police patrol", "army helicopters").
MILITARY_OBJECTIVES = frozenset(
    """targets target positions position camps camp bases base hideouts hideout
    strongholds stronghold posts outposts bunkers tunnels depots
    station stations headquarters checkpoint checkpoints installation installations
    compound compounds offices building buildings facility facilities
    convoy convoys patrol patrols vehicle vehicles truck trucks helicopter helicopters""".split()
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss", "mx"})


TITLE_ABBREVIATIONS = frozenset({"rep", "representative", "sen", "gov", "lt", "col", "gen", "capt", "sgt", "adm"})

# Entity labels that give no actor: a person's name the small model tags so ('"...," Representative
# Elijah Cummings said' read as a WORK_OF_ART) is still a name the missed-name rule may read.
NO_ACTOR_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Relations in which a run of proper nouns stands for someone (not a compound modifier of a noun).
NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "pobj", "dobj", "attr", "conj", "dative", "npadvmod", "ROOT"})

# A member of a party named by its members' noun ("the Kentucky Republican", "the Illinois Democrat").
PARTY_MEMBER_HEADS = frozenset({"republican", "democrat"})
# A party's people in an election: 'the Democratic nominee', 'the Republican front-runner'.
PARTY_ROLE_HEADS = frozenset(
    "nominee candidate frontrunner front-runner challenger incumbent hopeful contender".split()
)
PARTY_ADJECTIVES = frozenset({"democratic", "republican"})


# Nouns by which news refers back to an organisation it has named ("the group", "the newspaper").
GENERIC_ORGANISATION_HEADS = frozenset(
    """
    group organization organisation company firm newspaper paper network broadcaster agency charity
""".split()
)

# Offices a person holds: a description naming another one than the person's title is someone else.
OFFICE_TITLES = frozenset(
    """
    president vice-president governor senator congressman congresswoman representative mayor minister
    premier chancellor king queen prince ambassador secretary speaker judge justice general admiral
    commissioner attorney sheriff chief chairman chairwoman director
""".split()
)

# Words that make a name an organisation's even after a given name ("Charles Schwab Corp.").
ORGANISATION_WORDS = frozenset(
    """
    inc co corp corporation company companies llc ltd plc group holdings foundation institute
    university college school center centre fund bank party committee council association
    society times post news journal network media press agency partners associates
    brothers bros trust hospital church campaign tv television radio channel
""".split()
)


# Words a handle puts before the name it spells ('@realDonaldTrump', '@SenTedCruz', '@GovMikeHuckabee').
HANDLE_PREFIXES = ("real", "the", "official", "sen", "senator", "rep", "gov", "governor", "mayor", "dr", "mr", "team")

# Munitions and military vessels (lemmas): a description headed by one stands for the forces that
# own it only when its words name them ("Russian drones", "Houthi missiles", "a Chinese vessel").
# Not listed: crewed aircraft and armour ("fighter jets shot down", "artillery shelled"), which act
# through their crews as the forces' own branches, and commercial vessels (a tanker, a cargo ship),
# coded as their owners' business.
WEAPONS = frozenset(
    """missile rocket drone shell bomb projectile munition torpedo warship vessel ship boat frigate
    destroyer submarine gunboat""".split()
)
# Where people are held: after a preposition a place, not the authority holding them.
DETENTION_PLACES = frozenset({"prison", "jail", "gaol"})
# Last words of the names of laws and agreements ("Finance Bill 2024", "the Paris Agreement").
LAW_WORDS = frozenset(
    """bill act law amendment resolution treaty accord accords agreement convention charter
    constitution decree ordinance code protocol declaration directive regulation statute""".split()
)
# Things a name can be the name of, written after it in lower case: "the Keystone XL pipeline", "the
# Lapsset corridor project", "the Grand Inga dam" (rule name-of-a-thing). Laws and
# agreements are LAW_WORDS.
THING_HEADS = frozenset(
    """project projects pipeline pipelines corridor dam railway highway bridge port refinery mine field
    fields vaccine ceremony festival""".split()
)  # not plan, programme, initiative, scheme: "the Witkoff plan" names its author, an actor (review13)
# Social platforms a statement is made on ("said on Telegram", "posted on X"): the channel, not a speaker.
PLATFORMS = frozenset(
    "twitter x facebook telegram instagram youtube tiktok whatsapp weibo wechat vk vkontakte threads "
    "bluesky signal viber".split()
) | {"truth social"}
# Nouns a platform name modifies when it is the channel ("his Telegram channel", "a Facebook post").
PLATFORM_CHANNEL_NOUNS = frozenset("account channel page post video feed message statement broadcast".split())
# Time zones news gives with its times ("at 0300 GMT"), which the tagger reads as organisations.
TIME_ZONES = frozenset("GMT UTC EST EDT CST CDT PST PDT CET CEST EET EEST BST IST JST AEST".split())


# The last word of an organisation's name the KB does not know, and the sector it gives (rule
# name-head-sector): "the Special Deterrence Force" MIL, "Bethel Secondary School" EDU.
NAME_HEAD_SECTORS = {
    **dict.fromkeys("force forces brigade brigades battalion battalions regiment corps army".split(), "MIL"),
    **dict.fromkeys("police gendarmerie".split(), "COP"),
    **dict.fromkeys("court tribunal prosecutors prosecution".split(), "JUD"),
    **dict.fromkeys("parliament senate congress".split(), "LEG"),
    "party": "PTY",
    **dict.fromkeys("university college school academy".split(), "EDU"),
    **dict.fromkeys("hospital clinic".split(), "HLH"),
    **dict.fromkeys("church mosque diocese".split(), "REL"),
    **dict.fromkeys("tv television radio times post".split(), "MED"),
}


def is_acronym(text: str) -> bool:
    """'RSF', 'ECOWAS', 'M23' is not one (a digit): two to eight capitals."""
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()
