"""The quote stage's attribution rules, by name, in the order the stage consults them.

A quotation in an article is tied to its speaker by the first rule, in the order below, that
accounts for it; a few rules then revise what an earlier one decided (a frame that takes a
quotation over from a weaker clause, a speaker carried on from the quote before). Each rule names
one construction of news prose and carries an example of it and the reason it holds. The rule
that decided travels with the quote (`ArticleDoc.quote_rules`, shown by `diurna quotes
--explain`); a rule can be switched off by name, in a test (`switched_off("frame-after")`) or for a
measurement (the environment variable DIURNA_QUOTE_RULES_OFF=name,name), so that what it
contributes can be seen on real text and its written cases (tests/quotes/cases*.yaml, each naming
the rule it tests) can show that it, and nothing else, makes them pass.

`ORDER` lists the phases; inside a phase the rules are tried in the order they are registered.
"""

from __future__ import annotations

from diurna.rules import RuleSet

QUOTE_RULES = RuleSet("quote rule", env="DIURNA_QUOTE_RULES_OFF")
RULES, _register, enabled, switched_off = QUOTE_RULES.parts()


# ---------------------------------------------------------------- 0. reported-speech cues (reported.py)
# A cue is a reporting word with who it has as subject and what it governs as content; it makes an
# indirect quote, or ties a quotation that is its content.

ACCORDING_TO = _register(
    "according-to",
    "The strike killed 12 people, according to local officials.",
    "'According to X' attributes the clause it hangs on to X (or, beside another cue, makes X its relay).",
)
AS_X_SAID = _register(
    "as-x-said",
    "As the minister explained, the budget has no room for new spending.",
    "'As X said/noted' attributes the clause it is attached to.",
)
SAID_THAT = _register(
    "said-that",
    "Kenyan President William Ruto warned that the country could not afford another drought year.",
    "A speech verb's clausal complement (or a that-clause on its object noun) is what was said.",
)
CALLED_FOR = _register(
    "called-for",
    "Guterres called on both sides to observe an immediate ceasefire.",
    "'Call on/for', 'appeal to', 'point to', 'talk about': the phrase after the preposition (and its "
    "infinitive) is the content.",
)
URGED_TO = _register(
    "urged-to",
    "Lula urged rich nations to pay for the protection of the Amazon.",
    "A directive verb's object and infinitive are what was asked for.",
)
DESCRIBED_AS = _register(
    "described-as",
    'The minister described the deal as "a betrayal".',
    "A verb of characterising ('described Y as', 'called it') has the object and its complement as content.",
)
SAID_OBJECT = _register(
    "said-object",
    "Moscow denied the report; Baku accused Armenia of violating the truce.",
    "Verbs of denying, announcing, accusing and the like report their object (with its 'of'/'for' phrase).",
)
INTENDS_TO = _register(
    "intends-to",
    "The union plans to strike next week.",
    "A verb of intention with an infinitive reports the holder's intention: a claim, not a fact.",
)
PARENTHETICAL_CUE = _register(
    "parenthetical-cue",
    "The nominee, he said, watched the Olympics to see the athletes.",
    "A speech or belief verb with its subject set off by commas inside a sentence reports the sentence it interrupts.",
)
BELIEVES_THAT = _register(
    "believes-that",
    "Analysts believe that the central bank will raise rates.",
    "A verb of belief or finding with a clause reports the holder's belief (PolNeAR counts these as "
    "attributions); only with a clause, never from a quotation alone.",
)
STANCE = _register(
    "stance",
    "The party backs the reform.",
    "A verb of stance with a subject and an object reports the position held (beliefs on only).",
)

# ---------------------------------------------------------------- 1. the quotation's own clause

SPLIT_QUOTATION = _register(
    "split-quotation",
    '"In breaking news," Axelrod tweeted last January, "@HillaryClinton wins ..."',
    "The second half of a quotation that its frame splits in two is the first half's: the frame "
    "between the halves is the first one's own and ends in a comma.",
)
CUE_CONTENT = _register(
    "cue-content",
    'Kenyan President William Ruto said: "We will not default."',
    "A quotation that is (most of) what a reporting verb governs is that verb's subject's direct quote.",
)
INSIDE_CUE_CONTENT = _register(
    "inside-cue-content",
    'He said the plan was "dead on arrival" in the Senate.',
    "A quotation inside the clause a reporting verb governs is a partial quote of the same speaker; "
    "the clause stays an indirect quote too.",
)
RUNS_ON_FROM_CLAUSE = _register(
    "runs-on-from-clause",
    'He added that he was "ready to fight for every farm. Nobody else is."',
    "A quotation that begins inside a reported clause and runs on past where the parser ended the "
    "clause is one quote with it: clause and quotation together.",
)
REPORTER_OF_BELIEF = _register(
    "reporter-of-belief",
    'He said he wants a platform that calls for "an end to the wars".',
    "Quoted words inside a belief, an intention or a thing's 'call for' are the words of whoever "
    "reports them (the nearest speech cue whose content holds them), not of the holder.",
)
FRAME_OVER_CLAUSE = _register(
    "frame-over-clause",
    'Nothing the president said "will assuage fears," the senator said.',
    "A quotation handed over by a comma to a speech frame after it ('..., X said', '\"...?\" asked "
    "Dunn') is the frame speaker's, not the clause's, when the clause's claim is weak (a partial "
    "quote, a cue that is no speech verb, a relative clause) or the frame is inverted.",
)

# ---------------------------------------------------------------- 2. a frame around the quotation

SAID_NOUN = _register(
    "said-noun",
    'Obama\'s "if you like your plan" promise; her remark that "it can\'t be done"',
    "A quotation hanging on a noun for words said (remark, promise, headline) belongs to the noun's "
    "owner: its possessor or its 'from'/'by' phrase.",
)
IN_THE_WORDS_OF = _register(
    "in-the-words-of",
    'The plan was, in the words of one senior aide, "dead on arrival".',
    "'In the words of X', 'in her words', 'to quote X': the writer names whose words are borrowed.",
)
FRAME_AFTER = _register(
    "frame-after",
    '"We will not be intimidated," Prime Minister Anthony Albanese told reporters.',
    "A speech verb right after the quotation, in the same sentence, frames it: its subject (or the "
    "name after an inverted verb, '\"...,\" said the minister') speaks.",
)
BARE_FRAME_AFTER = _register(
    "bare-frame-after",
    '"You can\'t be serious," Hannity pressed.',
    "After a quotation that hands over (comma, question mark, dash), a short clause of a name and "
    "a verb says who spoke, whatever the verb.",
)
ACCORDING_AFTER = _register(
    "according-after",
    '"The ceasefire is holding," according to a UN spokesman.',
    "'According to X' right after a quotation names its speaker.",
)
COLON_PARAGRAPH = _register(
    "colon-paragraph",
    'Okafor continued:\n\n"We have done everything we could."',
    "A quotation opening a paragraph after one that ends in a colon belongs to the speech verb of "
    "that sentence (its subject, or the name after an inverted 'Continued Stone:').",
)
NAME_LINE = _register(
    "name-line",
    'Jane Hollister, 45, a teacher from Ankeny: "I have not decided."',
    "Transcripts and round-ups of voters' views put a name (and who they are), with no verb, and a "
    "colon before what the person said.",
)
COLON_PARAGRAPH_SUBJECT = _register(
    "colon-paragraph-subject",
    'He then listed the qualities a nominee needs:\n\n"Judgment, courage, patience."',
    "A paragraph ending in a colon hands the next paragraph's quotation to the subject of its main "
    "verb, whatever the verb, when that subject can speak.",
)
COMMA_CLAUSE_BEFORE = _register(
    "comma-clause-before",
    'Hillary shot back, "I suppose you would know."',
    "A clause ending in its verb and a comma right before a quotation that opens a sentence hands "
    "it to the clause's subject.",
)
MAIN_CLAUSE_COMMA = _register(
    "main-clause-comma",
    'Earlier, Clinton shared her worries with donors at a fundraiser, "I do not know what will happen."',
    "A main clause with no speech verb that ends in a comma before a quoted sentence hands it to its subject.",
)
SAID_NOUN_BEFORE = _register(
    "said-noun-before",
    'Barrett\'s dictum to his interns was, "Never guess."',
    "A noun for words said ('dictum', 'answer') with its owner, right before a comma or colon and the "
    "quotation: the owner said it.",
)
COLON_OWN_CLAUSE = _register(
    "colon-own-clause",
    'When Trump suggested Cuba might sue, Rubio fired back: "Let them try."',
    "The clause a colon ends, with a subject of its own, hands the floor to that subject; a speech "
    "verb earlier in the sentence is someone else's.",
)
FRAME_BEFORE = _register(
    "frame-before",
    'Finance Minister Nirmala Sitharaman told parliament: "The deficit target will be met."',
    "A speech verb before the quotation that hands it over (colon, comma, 'that') or stands as a "
    "parenthetical ('At the time, Mr. Silva said, he found the plan \"reckless\"') frames it: its "
    "subject speaks.",
)
ACCORDING_BEFORE = _register(
    "according-before",
    'According to the ministry, "the talks have failed."',
    "'According to X' before a comma or colon that hands over to a quotation names its speaker.",
)
COLON_AFTER_QUOTATION = _register(
    "colon-after-quotation",
    'Pierce compared the challenger, whom he called "erratic," with the mayor: "He built things."',
    "A colon ending a clause that began before an earlier quotation hands the floor to the subject "
    "of the sentence's main clause.",
)
NAME_COLON = _register(
    "name-colon",
    'Amnesty International: "The arrests must stop."',
    "A short name and a colon before a quotation, no verb, as headlines and digests print it.",
)
COLON_SUBJECT = _register(
    "colon-subject",
    'The senator hit back: "This is a witch hunt."',
    "A colon hands the floor to the subject of the clause it ends (its main verb first), whatever "
    "the verb; a passive main clause presents its subject too.",
)
SIGNED_BELOW = _register(
    "signed-below",
    '"I will look into it."\n- Hillary Clinton.',
    "Fact checks and round-ups sign a quotation paragraph on the next line with a dash and a name.",
)
SIGNED_INLINE = _register(
    "signed-inline",
    '"I drive over that bridge every day" \u2013 Karen Wills, a nurse',
    "A pasted comment is signed at the end of its line: a dash apart from the closing mark and a "
    "line that is only a name.",
)

# ---------------------------------------------------------------- 3. no frame: kept or not

CONTINUED = _register(
    "continued",
    '"We are ready," she said. "We have been ready for years."',
    "A quotation in the same paragraph as the last quote, or opening the next paragraph, goes on "
    "with the same speaker (and cue): news quotes without a frame while the speaker has the floor.",
)
AFTER_REPORTING_SENTENCE = _register(
    "after-reporting-sentence",
    'Sam Lau said in a statement. "There are no plans to close the plant."',
    "A quotation opening a sentence right after one that reports someone's words keeps that "
    "sentence's speaker when nobody else is named.",
)
INTRODUCED_BEFORE = _register(
    "introduced-before",
    'Marcus Feld has been blunt about the levee system.\n\n"If it fails, the whole valley floods ..."',
    "A quotation paragraph right after a paragraph that ends on a sentence about a named person is "
    "that person's, the way news introduces a speaker before giving the floor (a statement of at "
    "least eight words).",
)
AFTER_A_BEAT = _register(
    "after-a-beat",
    'I asked Mayor Reyes what he would tell residents. He paused. "I would tell them I\'m sorry."',
    "A short sentence of a person doing something (no clause of its own) right before a quotation "
    "in the same paragraph hands it the floor.",
)
UNATTRIBUTED = _register(
    "unattributed",
    '"There is no plan B for the region, and everyone here knows it."',
    "A quotation no frame ties to anyone is kept, speaker unknown, when it reads as a statement "
    "(a verb and at least eight words), not as a scare quote.",
)
CHARACTERISED_AS = _register(
    "characterised-as",
    'Haley defended his aide as a "very decent man".',
    "A quoted phrase an active verb applies to its object through 'as' is a characterisation "
    "someone made: kept as a partial quote (its speaker from in-clause).",
)
IN_CLAUSE = _register(
    "in-clause",
    'Moore thanked him for "stepping up".',
    "A kept quotation that a clause of the article's prose uses as object or complement is the "
    "words of that clause's subject (climbing through complements and relative clauses).",
)
LATEST_SPEAKER = _register(
    "latest-speaker",
    'Ruto spoke for an hour. ... "We will not default on any loan."',
    "A kept quotation with no speaker is the latest speaker's (quote or speech cue) in the same or "
    "the previous paragraph; on PolNeAR train a null speaker was right 4 times in 17.",
)

# ---------------------------------------------------------------- 4. quotes with no quotation marks

HEADLINE_SPEAKER = _register(
    "headline-speaker",
    "Ruto: We will not default",
    "A headline of the form 'Name: what they said' is a direct quote of the name.",
)
INDIRECT = _register(
    "indirect",
    "German Chancellor Olaf Scholz said on Tuesday that Berlin would send more air defence systems.",
    "A reported-speech cue whose content is not already a direct quotation is an indirect quote of "
    "its subject (the cue finder is quotes/reported.py).",
)

# ---------------------------------------------------------------- 5. the speaker and relays revised

TEXT_OWNER = _register(
    "text-owner",
    '"...," read a statement from Senator Henning\'s office.',
    "A text or remark whose author is named (its possessor, its 'from'/'by' phrase) speaks for its author.",
)
TEXT_AUTHOR_BEFORE = _register(
    "text-author-before",
    'Mitch McConnell met with Republican senators. The message was blunt: "Get it done."',
    "A definite text or remark no one is named for in its sentence is from the subject of the "
    "sentence before (an answer: from the one it asked); the words naming it stay the text.",
)
NESTED_RELAY = _register(
    "nested-relay",
    "Reuters reported that the minister said the talks had failed.",
    "A quote whose cue lies inside another reporting cue's content is relayed by that cue's "
    "speaker (nearest relay first).",
)
RELAY_STATEMENT = _register(
    "relay-statement",
    "X's remarks were quoted by the state news agency.",
    "A sentence saying who quoted a speaker's remarks makes that relay part of the via chain of the "
    "speaker's quotes in that paragraph and the ones on either side.",
)

# ---------------------------------------------------------------- 6. speakers the actor stage left open
# The actor stage resolves names, pronouns and descriptions (doc.mention_at_token); these rules of
# quotes/speakers.py second-guess or complete its answer for a quote's speaker. Switched off, a
# speaker is what the actor stage says it is (issue #20: one coreference authority; the figures
# with and without them are in docs/evaluation.md).

SPEAKER_PRONOUN_CHECK = _register(
    "speaker-pronoun-check",
    '"I don\'t know if Donald realizes this," he said.',
    "A speaking he/she the actor stage tied to a description, a non-person, someone named only "
    "inside the quotation, or a person of the other gender is re-linked to the nearest fitting "
    "named person; a speaking 'they' tied to a country, to a group or organisation.",
)
SPEAKER_PRONOUN = _register(
    "speaker-pronoun",
    "Hassan Rouhani spoke in Tehran. He said the deal would hold.",
    "A speaking pronoun the actor stage left unresolved is the nearest earlier fitting person "
    "(he/she, by gender) or group (they, it) within four sentences, a sentence subject first.",
)
# The phases of `attach.attach_quotations` and of the stage, in order; a rule of a later phase
# revises or completes what an earlier one decided.
ORDER = (
    (
        "reported-speech cues",
        (
            ACCORDING_TO,
            AS_X_SAID,
            SAID_THAT,
            CALLED_FOR,
            URGED_TO,
            DESCRIBED_AS,
            SAID_OBJECT,
            INTENDS_TO,
            PARENTHETICAL_CUE,
            BELIEVES_THAT,
            STANCE,
        ),
    ),
    ("the quotation's own clause", (SPLIT_QUOTATION, CUE_CONTENT, INSIDE_CUE_CONTENT, RUNS_ON_FROM_CLAUSE)),
    ("revising the clause's claim", (REPORTER_OF_BELIEF, FRAME_OVER_CLAUSE)),
    (
        "a frame around the quotation",
        (
            SAID_NOUN,
            IN_THE_WORDS_OF,
            FRAME_AFTER,
            BARE_FRAME_AFTER,
            ACCORDING_AFTER,
            COLON_PARAGRAPH,
            NAME_LINE,
            COLON_PARAGRAPH_SUBJECT,
            COMMA_CLAUSE_BEFORE,
            MAIN_CLAUSE_COMMA,
            SAID_NOUN_BEFORE,
            COLON_OWN_CLAUSE,
            FRAME_BEFORE,
            ACCORDING_BEFORE,
            COLON_AFTER_QUOTATION,
            NAME_COLON,
            COLON_SUBJECT,
            SIGNED_BELOW,
            SIGNED_INLINE,
        ),
    ),
    (
        "no frame",
        (CONTINUED, AFTER_REPORTING_SENTENCE, INTRODUCED_BEFORE, AFTER_A_BEAT, UNATTRIBUTED, CHARACTERISED_AS),
    ),
    ("the speaker of an unframed quotation", (IN_CLAUSE, LATEST_SPEAKER)),
    ("quotes with no quotation marks", (HEADLINE_SPEAKER, INDIRECT)),
    ("speakers and relays revised", (TEXT_OWNER, TEXT_AUTHOR_BEFORE, NESTED_RELAY, RELAY_STATEMENT)),
    (
        "speakers the actor stage left open",
        (SPEAKER_PRONOUN_CHECK, SPEAKER_PRONOUN),
    ),
)
