"""Event constructions that one trigger word and its own arguments do not cover, as named rules.

The trigger lexicons (triggers.yaml, the PETRARCH2 verb dictionary) code a verb or noun with the
arguments the parse hangs on it. Real news states many events in forms where that is not enough:

- the victim is the subject and no agent is named ("Five activists were arrested on Monday");
- the agent was named a sentence earlier in the same scene ("Police fired tear gas ... Dozens
  were detained");
- a request's content is itself an event verb that must not be coded as done ("China repeated
  calls for the Philippines to remove the warship": a REQUEST, not a removal by the Philippines).

Each rule here names one such construction and carries an example from wire copy. A rule can be
switched off by name (`switched_off("agentless-passive")` in tests, or the environment variable
DIURNA_EVENT_RULES_OFF=name,name), so its contribution can be measured on real text and its tests
can show that it, and nothing else, makes their case pass. `RULES` lists them in the order the
extractor consults them. The parties some of them find beside the verb are read in clause_parties.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from diurna.events import polarity as pol
from diurna.events.dictionary import lemma_candidates, prep_objects
from diurna.nlp.index import paragraph_number
from diurna.nlp.syntax import grammatical_subjects, is_infinitive, is_passive, is_reduced_passive
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.events.arguments import Argument


CONSTRUCTIONS = RuleSet("event construction", env="DIURNA_EVENT_RULES_OFF")
RULES, _register, enabled, switched_off = CONSTRUCTIONS.parts()


AGENTLESS_PASSIVE = _register(
    "agentless-passive",
    "Five opposition activists were arrested on Monday.",
    "A coercive or violent act told from its victim's side is still an act: coded with the victim "
    "as target, the agent from the scene (episode-agent) or none rather than dropped.",
)
ADJUNCT_AGENT = _register(
    "adjunct-agent",
    "Twelve soldiers were killed in an attack by jihadists near the border.",
    "A passive act of force often names its agent in an adjunct rather than a by-phrase: 'killed in "
    "an attack by X', 'killed in an Israeli raid', 'were wounded when militants stormed the base', "
    "'hurt in a blaze caused by X's shelling', 'killed in clashes with militants'. "
    "The attack's own agent, the other side of the fight, or the subject of the violent 'when' clause, "
    "is the agent.",
)
EPISODE_AGENT = _register(
    "episode-agent",
    "Riot police fired tear gas at the crowd. Dozens of protesters were detained.",
    "Within one paragraph a wire story names the agent of a scene once; later agentless acts of "
    "the same kind (coercion, violence) are that agent's.",
)
STATE_AUTHORITY = _register(
    "state-authority",
    "Georgian police dispersed the rally ... By Friday, 224 people had been detained.",
    "Arrests, detentions, bans and curfews are acts of a state: with no agent in the clause or the "
    "scene, the agent is the victims' own state's police, judiciary, government or army as the story "
    "names it (its most-mentioned such actor), when the victims' country is known.",
)
SCENE_VICTIM = _register(
    "scene-victim",
    "Police lobbed teargas canisters and arrested some Kenyans who came out to protest.",
    "Force used by one side of a scene with no recipient in its clause is used on the scene's other "
    "side: the one protesting or the one already a victim of force in that paragraph.",
)
ANSWER_TO_REQUEST = _register(
    "answer-to-request",
    "Duque asked Cuba to extradite the negotiators, which Havana refused.",
    "A refusal or acceptance with no recipient in its clause answers the latest request made to its "
    "source in the paragraph: the requester is its target. A denial answers the latest accusation, "
    "charge, arrest or sanction against its source in the article ('Poland accused Belarus ... Minsk "
    "denied it').",
)
DENIAL_OF_SIDE = _register(
    "denial-of-side",
    "Warsaw accused Belarusian authorities of arming the migrants. Belarus denies it.",
    "A denial with no recipient in its clause answers the latest accusation, charge or sanction "
    "against the denier's side when none names the denier itself: a state denies what its organs are "
    "charged with ('Russia denied' after Russian diplomats were expelled), an organ what its state "
    "or its own organ is charged with (the actor stage keeps them apart).",
)
CLAIM_AUTHOR = _register(
    "claim-author",
    "Poland said the fire was Belarus's doing. Belarus rejected the allegation on Tuesday.",
    "Denying, rejecting or dismissing a claim ('the accusation', 'the allegation', 'the claim from "
    "Berlin') with no recipient in its clause answers whoever made the claim: the one the claim's own "
    "phrase names (possessor, 'from', 'by'; a city there, 'from Kyiv', the state it lies in when the "
    "story names that state), else the speaker of a statement the quote stage found in "
    "the sentence just before, not the denier's own side, one that names the denier first.",
)
EVALUATED_RELATIVE_ACT = _register(
    "evaluated-relative-act",
    "North Korea fired a new missile, which South Korea strongly condemned.",
    "A condemnation, welcome or rejection whose object is a relative pronoun evaluates the thing "
    "the relative clause hangs on: it is addressed to the agent of the act that thing belongs to "
    "(the act's source, else the subject of the verb the thing is the object of).",
)
EVALUATED_TOLD_ACT = _register(
    "evaluated-told-act",
    "Police charged three opposition MPs with hate speech. Their lawyer called the charges unacceptable.",
    "Condemning, rejecting or welcoming an act the story has coded, named by its own word ('the "
    "charges' after 'charged', 'the demand' coded in the same sentence), is addressed to that act's "
    "agent: the source of the latest event whose trigger is that word.",
)
PROTEST_TARGET_STATE = _register(
    "protest-target-state",
    "Thousands of students protested in Mbabane on Monday.",
    "A protest or a protesters' demand that names no recipient is addressed to the state the "
    "protesters live in: its government, when the story names it (the protesters' nationality "
    "alone does not make their state the recipient).",
)
CONDEMNED_ACT_AGENT = _register(
    "condemned-act-agent",
    "Militants stormed the school on Friday. The president condemned the attack.",
    "Condemning an act the story has told ('the attack', 'the coup', 'the arrests') accuses the one "
    "who did it: the agent of the latest such act before it.",
)
EVALUATED_MOVE_AGENT = _register(
    "evaluated-move-agent",
    "The government released 30 political prisoners on Friday. The opposition welcomed the move.",
    "Welcoming, praising, condemning or rejecting a step the story has told ('the move', 'the "
    "decision', 'the announcement', 'the ruling') is addressed to the one who took it: the source of "
    "the latest act before it that is not itself a statement about another act.",
)
ANSWERED_ACT_AGENT = _register(
    "answered-act-agent",
    "The United States deployed warships off the coast. Venezuela vowed retaliation.",
    "A hostile act told as a response ('vowed retaliation', 'in retaliation', 'in response', 'responded "
    "by', 'reserved the right to respond': a threat, deployment, attack, sanction or coercion) that "
    "names no recipient answers the one whose act the story has just told: the source of the first "
    "other act of its sentence (in the order the extractor coded them), else of the latest act before "
    "it, that is not the responder's own side.",
)
EVALUATED_ACT_AGENT = _register(
    "evaluated-act-agent",
    "The European Union welcomed the release of the hostages by Hamas.",
    "Praising, welcoming, condemning or rejecting an act whose agent the phrase names ('the release of "
    "X by Y', 'the recognition of X by Y') is addressed to the agent, not to the act's object.",
)
COMMITTED_RELATION = _register(
    "committed-relation",
    "Morocco agreed to normalise ties with Israel.",
    "Agreeing, promising or refusing to take up, restore or end a relation with someone ('normalise "
    "ties with', 'restore relations with', 'resume talks with') is addressed to that someone, though "
    "the complement's verb is no event of its own.",
)
STATED_READINESS = _register(
    "stated-readiness",
    "Japan is willing to send more aid to Nepal.",
    "Saying one is ready, willing or prepared to do something for or against someone ('is willing to "
    "withdraw its troops from X', 'stands ready to provide assistance to X', 'is ready to strike X') "
    "is an offer (AGREE, CAMEO 030: an expressed intent) or, for a hostile act, a threat, by the "
    "copula's subject to the act's recipient; the act itself is not done. As for 'agreed to' and "
    "'pledged to', without a recipient nothing is coded, nor under negation or a condition.",
)
REFUSED_CONCESSION = _register(
    "refused-concession",
    "Israel will not release the prisoners.",
    "A concession its own agent says it will not make ('will not release the prisoners', 'won't end "
    "the strike until ...', 'would not withdraw its troops') is a refusal: REJECT by that agent (CAMEO "
    "124x, declining the 08x concession named), not a negated intention left uncoded. A concession that "
    "simply did not happen ('did not withdraw') stays a negated fact.",
)
ASKED_SUBJECT = _register(
    "asked-subject",
    "Islamabad's delegation demanded Kabul crack down on fighters.",
    "A demand whose content is a clause with its own subject ('demanded Kabul crack down', 'demanded "
    "that authorities release') is made to that subject; the demanded act is not coded as done.",
)
REQUESTED_RELATION = _register(
    "requested-relation",
    "Morocco's King Mohammed VI has called for improved ties with Algeria.",
    "A call for a relation or an act on someone ('ties with', 'aid to', 'sanctions on', 'talks with') "
    "is a request addressed to that someone.",
)
PURPOSE_RECIPIENT = _register(
    "purpose-recipient",
    "Police used tear gas to disperse the protesters.",
    "Force used 'to disperse', 'to break up', 'to push back' someone is used on them: the purpose "
    "clause's object is the recipient.",
)
DETECTOR = _register(
    "detector",
    "The military sealed off roads around the capital with armed troops.",
    "A verb no lexicon entry codes is read by the learned detector (detector.py); when it is confident, "
    "the verb is coded as a plain transitive event of the detected type.",
)
INTENSIFIED_ACT = _register(
    "intensified-act",
    "Turkish troops intensified their offensive against Kurdish militants.",
    "A verb that continues, steps up or directs an act named by its object noun ('intensified its "
    "bombardment', 'stepped up attacks on', 'focused their assault on', 'pressed its offensive') reports "
    "that act as a light verb does: its subject is the act's agent and the noun's target prepositions, on "
    "the noun or on the verb, name the recipient (triggers.yaml continuing_verbs). Only the nominal "
    "reading uses the list: these verbs keep their own senses.",
)
SERIES_OF_ACTS = _register(
    "series-of-acts",
    "Militants launched a wave of attacks on police stations in the north.",
    "A series of acts ('a wave of attacks', 'a spate of arrests', 'a series of raids', 'a new round of "
    "talks', 'a barrage of strikes') is told with the verb of its series noun: the act in its 'of' "
    "phrase takes that verb as its light verb, as if it were the verb's own object.",
)
CARRIED_ACT = _register(
    "carried-act",
    "The Qatari emir launched a mediation effort between Ethiopia and Eritrea.",
    "An act noun that modifies a carrier noun ('a mediation effort', 'a bombing campaign against X', 'an "
    "aid package for Y', 'a protest campaign') is told with the carrier's verb: it takes that verb as "
    "its light verb, as if it were the verb's own object, and its parties may hang on the carrier.",
)
POLICED_PROTEST = _register(
    "policed-protest",
    "Thousands marched through the capital. Riot police were deployed along the route during the rally.",
    "Forces deployed, or force used, at or during a protest ('deployed during the demonstration', "
    "'fired tear gas at the rally', 'were sent to police the march') with no recipient in the clause are "
    "aimed at the protest's crowd: the party the protest noun names, else the story's protesters "
    "(scene.story_protesters). A show of force has a recipient in PLOVER (MOBILIZE is against someone).",
)
JOINED_DEPLOYMENT = _register(
    "joined-deployment",
    "Fifty Rwandan soldiers arrived in Bangui on Monday. Burundi is also sending troops.",
    "A deployment that names no destination or recipient, told in the paragraph of a deployment to a "
    "place ('arrived in Bangui', 'deployed to Cabo Delgado'), joins it: the state that place lies in "
    "(arguments.host_state) is its recipient, not the sender's own state.",
)
ACT_SUBJECT = _register(
    "act-subject",
    "A car bombing by the rebels killed twelve villagers near the border on Sunday.",
    "When an attack or a weapon is the subject of a violent verb ('a bombing by X killed', 'a "
    "roadside bomb wounded'), the verb tells that attack's harm: its agent is the attack's own (a "
    "by-phrase, an actor modifying it), with the verb's object as the victim, rather than no event "
    "because an attack is not an actor. With no agent in the phrase no event is made: taking the "
    "scene's agent instead (as for agentless passives) cost precision on tune B and realnews-dev.",
)
HALTED_FLOW = _register(
    "halted-flow",
    "Turkey suspended flights and food supplies to Armenia.",
    "Suspending, halting or stopping a flow of goods, money or transport to someone ('suspended "
    "flights to X', 'halted fuel shipments to X', 'stopped aid deliveries to X') is a sanction on "
    "the recipient, as cutting it off is, though the object names no event of its own. Not when a "
    "company halts it ('Turkish Airlines suspended flights to X') or the clause gives a non-political "
    "cause ('because of the outbreak', 'due to the storm'): a commercial or safety halt sanctions no one.",
)
SUSPENDED_MEMBER = _register(
    "suspended-member",
    "The African Union suspended Guinea from the bloc after the coup.",
    "A bloc suspending a state ('suspended Madagascar') suspends its membership: a sanction on that "
    "state, though the object is no act to halt.",
)
PARTICLE_OBJECT = _register(
    "particle-object",
    "Nigeria and Ghana are sending in troops to stabilise the border region.",
    "The small parser reads the particle of a phrasal verb ('sent in troops', 'brought in "
    "reinforcements') as a preposition whose object is the verb's own: a sense asking for an object "
    "('send' troops) reads it as the object when the verb has no other and it says no place or time.",
)
PARTITIVE_OBJECT = _register(
    "partitive-object",
    "Rebels took over several of the army's bases in the north.",
    "A part taken out of a whole ('many of the towns', 'some of the protesters', 'parts of the city', "
    "'most of its bases') is acted on as the whole its 'of' phrase names: that phrase says whether the "
    "object is a place (a taking of a town) and which actor it is (the holder of the bases), as the "
    "quantity heads ('hundreds of prisoners') already do.",
)
LEARNED_NOMINAL = _register(
    "learned-nominal",
    "A second RSF strike on the Zamzam camp killed 12 people on Friday.",
    "A noun with an event reading (lexicon, a coded verb it derives from, or the model's table) that no "
    "rule coded is read by the learned nominal model (nominal_model.py): when the model judges that this "
    "occurrence reports an event, it is coded with the roles its own phrases give.",
)
COORDINATED_PARTIES = _register(
    "coordinated-parties",
    "South Korean leader Yoon Suk Yeol and Japanese counterpart Fumio Kishida met at a summit in Tokyo.",
    "When the parser mangles a long coordinated subject ('X leader A and Y counterpart B met'), a "
    "reciprocal act (meeting, agreeing, clashing) left with one party takes the other named party of "
    "its subject phrase, when 'and' joins them.",
)
DESTINATION_STATE = _register(
    "destination-state",
    "Rwanda began deploying 1,000 soldiers to Cabo Delgado province on Friday.",
    "Troops or aid sent 'to' a place the article's places stage has located go to the state it lies "
    "in, when that state is an actor of the article and not the sender's own (as for visits: "
    "CAMEO and PLOVER code the host state).",
)
MUTUAL_FORCE = _register(
    "mutual-force",
    "Police used batons and pepper spray while demonstrators hurled stones.",
    "Two sides using force in one sentence with no recipient in either clause use it on each other "
    "(a clash told clause by clause): each one's recipient is the other's agent.",
)
LISTED_SUBJECTS = _register(
    "listed-subjects",
    "Israel, Hamas agree to ceasefire deal",
    "Headlines list the parties with a comma instead of 'and' ('X, Y agree', 'X, Y swap prisoners'); "
    "the parser hangs the first one loosely on the verb or on the second (apposition, modifier). Two "
    "different named actors listed so are both the subject.",
)
GERUND_ADJUNCT_SUBJECT = _register(
    "gerund-adjunct-subject",
    "Colombia suspended peace talks with the ELN after blaming the rebel group for an attack.",
    "A gerund that 'after', 'before', 'while', 'despite' (and the like) hang on a verb has no subject "
    "in the parse; it is done by that verb's subject (active or passive: 'they were hauled away after "
    "refusing to assist the coup'). Not 'of', 'for', 'as', whose gerund the object does (syntax.py).",
)
OPEN_NOMINAL = _register(
    "open-nominal",
    "The army fired on protesters in the capital on Monday. The army's crackdown continued on Tuesday.",
    "A nominal event whose phrase names its agent ('the rebels' offensive', 'condemnation from the "
    "AU') but no recipient is coded only when the story supplies the recipient (scene-victim, "
    "condemned-act-agent, ...); otherwise it is dropped, as a verb's would not be.",
)
STATEMENT_FROM = _register(
    "statement-from",
    "Criticism of the rebels' offensive poured in from Ghana, Senegal and Nigeria.",
    "A condemnation, criticism, praise or call told as arriving ('condemnation came from X, Y and Z', "
    "'criticism poured in from', 'words of praise flowed in from') is made by each one the "
    "arrival verb's 'from' phrase lists, with the members an 'including' list names; what it is 'of' "
    "or 'for' ('for the militia's raids': the raids' agent) is its recipient.",
)
ANNOUNCED_FORCE = _register(
    "announced-force",
    "North Korea said it would attack the loudspeakers along the border.",
    "Force its own agent says it will, would or may use ('said it would attack', 'We will strike "
    "them', 'are close to launching attacks') has not happened: it is a threat (THREATEN) against its "
    "recipient, when the one who says so is the agent (the quote's speaker, or the subject of the "
    "speech verb the act is the complement of).",
)
STATEMENT_PARTICIPLE = _register(
    "statement-participle",
    "The foreign ministry issued a statement condemning the border closure.",
    "A participle of speech on a statement, message or letter ('issued a statement condemning X', "
    "'posted a video on social media blaming X', 'a letter from the bishops urging') is said by the "
    "statement's maker: its possessor or 'from' phrase, else the subject of the verb that issued it.",
)
VOWED_DEFIANCE = _register(
    "vowed-defiance",
    "The striking teachers vowed not to give in.",
    "A vow, pledge or promise to hold out ('not to back down', 'not to resign', 'to stay put', 'to "
    "remain in office', 'to continue the protests') is defiance of what is asked of its maker: a "
    "REJECT, not an agreement or a concession.",
)
ALLEGED_ACT = _register(
    "alleged-act",
    "The governor alleged the central government was hiding the casualty figures.",
    "An allegation about someone ('alleged X was hiding', 'complained that X had failed', 'charged that "
    "X rigged'; 'claimed X attacked' when the claimed act is hostile) accuses that someone: ACCUSE by "
    "the speaker against the subject of the alleged clause. A claim of the speaker's own side's act "
    "('the army claimed its troops destroyed three camps') is a claim of success, no accusation.",
)
CLEFT_DOER = _register(
    "cleft-doer",
    "The rebels said it was government soldiers who looted the town.",
    "A statement that puts the doer of an act of force or coercion in focus with a cleft ('said it was "
    "the army that shelled the market', 'it was the police who fired first, the organisers said') "
    "tells who is to blame: ACCUSE by the speaker against the doer in focus, when that doer is no part "
    "of the speaker's own side, the act is told as done and not negated, and the speech verb neither "
    "denies nor doubts. A plain report of another's act ('the army said gunmen attacked a camp') is "
    "not read so: real-text gold and PLV_train code the act, not an accusation (docs/evaluation.md, "
    "issue 26, fifteenth session).",
)
WARNED_OWN_SIDE = _register(
    "warned-own-side",
    "The president warned the rebels that the army would crush any new attack.",
    "A warning that the warner's own side will act against someone ('warned the envoy that his "
    "government would expel him', 'warned the rebels that the army would crush them') threatens as "
    "the warner's own 'it would retaliate' does: THREATEN by the warner to the one warned (else the "
    "act's recipient); the act warned of is not coded as done.",
)
WARNED_PENALTY = _register(
    "warned-penalty",
    "Kenya warned that Somalia would face consequences if it did not withdraw its troops.",
    "A warning that someone will face, suffer or pay a penalty ('would face consequences', 'will pay "
    "a heavy price', 'would face sanctions') threatens that someone (PLOVER THREATEN: coercive "
    "warnings): THREATEN by the warner to the one warned, else to the one who would face it.",
)
REPORTED_DEMAND = _register(
    "reported-demand",
    "The opposition said President Kabila must resign immediately.",
    "Saying that someone must, should or has to do something ('said the council should resign', "
    "'say the president must go') demands it of them: REQUEST by the speaker to the subject of the "
    "clause, when that subject is an actor other than the speaker.",
)
COORDINATED_DEMAND = _register(
    "coordinated-demand",
    "The mourners chanted that the president was killing his people and must resign.",
    "A demanding clause coordinated with what a statement tells ('said the president had failed and "
    "should resign', 'he is hurting the party and must stop') shares the first clause's subject: "
    "reported-demand reads it as a REQUEST by the speaker to that subject. Not a passive ('has been "
    "detained and should be freed' asks it of whoever holds him, not of him).",
)
STATED_CONCERN = _register(
    "stated-concern",
    "The United Nations said it was gravely concerned about the arrest of the opposition leader by police.",
    "Being concerned, alarmed, worried, troubled, dismayed or outraged about someone's act, told as a "
    "predicate adjective or a passive ('is deeply concerned about China's drills', 'was alarmed by "
    "the arrests', 'concerned that Russia had moved troops'), is an expression of concern: ACCUSE by "
    "the one concerned (docs/annotation.md: expressions of concern are ACCUSE), as the noun is in "
    "'expressed concern over'. The recipient is the act's agent (its by-phrase, else the actor the "
    "phrase names, its possessor or modifier), else the doer of the 'that' clause; none is guessed.",
)
STATED_RESPONSIBILITY = _register(
    "stated-responsibility",
    "The government said the rebels were responsible for the attack on the convoy.",
    "Saying that someone is responsible for, behind or to blame for a harm ('said the rebels were "
    "responsible for the attack', 'said Hamas was behind the rocket fire', '\"Moscow is to blame,\" "
    "the minister said') blames them: ACCUSE by the speaker (the quote stage's) against the one held "
    "responsible, when the harm is an act of force or coercion, a crime or violation the lexicons "
    "name, or a harm noun (violence, unrest, deaths), and the one blamed is no part of the speaker's "
    "own side (a group saying it was behind an attack claims it). Not a duty ('responsible for the "
    "security of the plants').",
)
HELD_RESPONSIBLE = _register(
    "held-responsible",
    "Kyiv held Moscow responsible for the strike on the dam.",
    "Holding someone responsible or accountable ('held Moscow responsible for the strike', 'will hold "
    "the junta accountable') blames them: ACCUSE by the subject against the one held responsible.",
)
MANDATIVE_CLAUSE = _register(
    "mandative-clause",
    "The EU insisted that Belarus release all political prisoners.",
    "A that-clause in the bare form (the mandative subjunctive) after a verb of demanding ('insisted "
    "that Belarus release the prisoners', 'urged that the council reconsider its decision', 'asked "
    "that the army withdraw') tells an act demanded, not done: its modality is 'demanded', so it is "
    "not coded (demanded-of-another) and reported-demand reads it as a REQUEST by the speaker to the "
    "clause's subject.",
)
DEADLINE_GIVEN = _register(
    "deadline-given",
    "ECOWAS gave the junta 72 hours to hand over power.",
    "Giving someone a time to act ('gave the junta 72 hours to hand over power', 'gave the government "
    "until Friday to resign', 'the grace period it had given the junta to step down') is an ultimatum "
    "(CAMEO 139): THREATEN by the giver to the one given the time (docs/annotation.md: a deadline is "
    "REQUEST or THREATEN); the act asked for is not done and is not coded, nor is the giving an aid.",
)
AT_REQUEST = _register(
    "at-request",
    "Rwanda sent soldiers to Mozambique at the request of President Filipe Nyusi.",
    "An act done 'at the request of X', 'at X's request' or 'at X's behest' tells that X asked it of "
    "the one who did it: REQUEST by X to the act's agent.",
)
PRAISED_AS = _register(
    "praised-as",
    "The European Union called Kenya's decision courageous.",
    "Calling or describing someone's act as courageous, historic, justified or decisive is praise of "
    "them: the describing verbs that accuse with a negative predicate support with a positive one.",
)
RETAKEN_FROM_TAKER = _register(
    "retaken-from-taker",
    "Rebels seized the town of Kidal on Monday. On Friday the army took back the town.",
    "Retaking a place ('took back the town', 'retook', 'recaptured') with no holder named ('from X') is "
    "done to the one the story says took it: the agent of the latest taking of a place before it by "
    "another actor, not the state the place lies in.",
)
STORY_PROTESTERS = _register(
    "story-protesters",
    "Thousands of protesters gathered in Dhaka. The protests continued on Tuesday.",
    "A protest, demonstration or riot told by its noun alone ('the protests continued', 'protests have "
    "taken place for 19 days', 'following Sunday's protests') is the story's protesters' act: the actor "
    "named as protesters, demonstrators or marchers nearest before it in its paragraph or the two before "
    "(else the first after it in its paragraph: scene.story_protesters); the recipient is then the "
    "scene's (protest-target-state).",
)
REQUESTED_ACTION = _register(
    "requested-action",
    "China repeated calls for the Philippines to remove a grounded warship.",
    "A call, demand or appeal for someone to act is a REQUEST by the caller to that someone; the "
    "requested act did not happen and is not coded.",
)
OCCURRING_EVENT = _register(
    "occurring-event",
    "Fresh clashes broke out on Tuesday between Armenian and Azerbaijani troops.",
    "An event noun that is the subject of a verb of happening ('clashes broke out', 'fighting "
    "erupted', 'talks took place') often has its parties on that verb rather than on itself: the "
    "verb's 'between', 'by', 'with' and 'against' phrases are read as the noun's.",
)
GERUND_EVENT_NOUN = _register(
    "gerund-event-noun",
    "Fighting between government troops and the rebels broke out near the border on Monday.",
    "A sentence-initial '-ing' event word the small parser tags as a verb ('Fighting between A and B "
    "broke out', 'Shelling of the city by X continued') is the event noun the lexicon codes when it is "
    "a clause's subject with no subject or object of its own; a true gerund clause ('Killing civilians "
    "is a crime') keeps its object and is left to the verb readings.",
)
DENIED_ACT = _register(
    "denied-act",
    "Rwanda has denied supporting the M23 rebels.",
    "What a denial denies is not reported as done: the act in the complement of 'deny' ('denied "
    "supporting', 'denied that its troops attacked') or in the clause of a denied or rejected claim "
    "('denied accusations that it supports', 'dismissed reports that') is not coded; the denial is.",
)
CONDITIONAL_ACT = _register(
    "conditional-act",
    "The rebels said they would withdraw if government troops attacked their positions.",
    "An act told in an 'if' or 'unless' clause is a condition, not a report: it did not happen "
    "(docs/annotation.md: predictions are not events). It is not coded; the main clause is. So is an "
    "act intended inside the condition ('if Washington wants to help Caracas').",
)
ASSESSED_ACT = _register(
    "assessed-act",
    "Residents fear the rebels will attack the town again.",
    "An act not done (will, would, may) told as someone's fear, belief, hope or expectation ('fear the "
    "rebels will attack', 'worry that police may open fire', 'there were fears that troops would storm "
    "the parliament', 'hopes both sides will agree to a truce') is that someone's assessment, not a "
    "threat or a promise of the act's agent: not coded. An agent's own expectation ('Russia expects "
    "to sign the deal') is its own intention and stays.",
)
ASKED_ACT = _register(
    "asked-act",
    "Did the army shell the village on Sunday?",
    "A question asks whether an act happened, it does not report it: an act in a direct question (the "
    "sentence ends in a question mark and the clause puts its auxiliary before its subject or opens "
    "with a wh-word: 'Did Russia attack the convoy?', 'Why would China invade Taiwan?') or in a "
    "'whether' clause ('it is unclear whether police arrested them') is not coded.",
)
SPORTING_CONTEST = _register(
    "sporting-contest",
    "Nigeria beat Ghana 2-0 in the final of the African Cup.",
    "A team or player that beats, defeats or thrashes another in a match, a final or a tournament, or "
    "by a score ('2-0'), wins a game: no act of force between the states or groups the teams are "
    "named after. Not coded.",
)
COMMEMORATED_EVENT = _register(
    "commemorated-event",
    "Thousands gathered on Sunday to mark the 30th anniversary of the army's massacre of students.",
    "An event named as what an anniversary, commemoration or memorial is of ('the anniversary of the "
    "coup', 'a memorial to the victims of the bombing') happened long before the story: the story "
    "reports the marking, not the event again. It is not coded.",
)
DEMANDED_CONTENT = _register(
    "demanded-content",
    "The opposition's demands include the release of political prisoners by the government.",
    "What a demand, call or condition is said to include or be ('their demands included dissolving "
    "parliament', 'the main demand is that the government withdraw the tax') is asked for, not done: "
    "the act is not coded as actual (the demand noun is the request, when it is coded).",
)
EVALUATED_CONTENT = _register(
    "evaluated-content",
    "The European Union expressed concern that Russia had moved troops to the border.",
    "An evaluation told as a noun with a light verb ('expressed concern / anger / disappointment that "
    "X did Y') is about what its 'that' clause tells: the one who did it (the clause's subject, or a "
    "passive's by-agent) is the recipient of the criticism or praise.",
)
DOMESTIC_VISIT = _register(
    "domestic-visit",
    "Kenya's interior minister visited the northern town of Garissa on Monday.",
    "A visit whose host is the visitor's own state (a minister visiting a town of his own country, the "
    "host being that town's state, visits to a city) is travel at home: no two parties meet, so no "
    "CONSULT is coded.",
)
TIME_PHRASE = _register(
    "time-phrase",
    "The Kenyan president was visiting London at the height of the Shabaab raids.",
    "A phrase headed by a noun of time ('at the time of', 'at the height of', 'on the eve of', 'in the "
    "wake of') dates the act: the actors in its 'of' phrase are no party to it (arguments.TIME_NOUNS).",
)
REQUESTED_PATIENT = _register(
    "requested-patient",
    "Protesters demanded the reinstatement of the ousted prime minister.",
    "A request for an act done to someone ('demanded the release of the journalists', 'the "
    "reinstatement of X', 'his removal') is made to whoever can do it, the captor or the power, not to "
    "the one it is done to (docs/annotation.md: the target of a REQUEST is the one asked): that "
    "phrase gives no target; the story's or the sentence's other parties may.",
)
AUDIENCE_OR_OCCASION = _register(
    "audience-or-occasion",
    "Speaking to reporters on Thursday, the commission's chairman vowed to stay in office.",
    "The learned argument chooser never adds as a recipient the audience of a speech verb other than "
    "the trigger ('speaking to reporters', 'told journalists') nor the antecedent of the 'where'/'when' "
    "relative clause the trigger stands in ('met the president, where he denounced the deal'), nor a "
    "phrase coordinated with it ('met the IMF, then the president, where ...'): the one spoken to and "
    "the occasion are the setting of the act, like its place (argmodel.in_setting).",
)
# Acts done to someone by whoever holds power over them: demanding "the release of X" or "his removal"
# asks it of the captor or the power, not of X (requested-patient).
PATIENT_ACTS = frozenset(
    """release removal ouster reinstatement extradition arrest prosecution trial dismissal impeachment
    punishment expulsion deportation return freedom""".split()
)


def patient_act(noun: "Token") -> bool:
    """An act done to someone named by a noun ("the release", "his removal"), under requested-patient."""
    return enabled(REQUESTED_PATIENT) and (noun.lemma_.lower() in PATIENT_ACTS or noun.lower_ in PATIENT_ACTS)


def patient_of_act(token: "Token") -> bool:
    """Whether the token names the one such an act is done to: its "of" object or possessor ("the release
    of the bloggers", "his removal"): no one asked (requested-patient)."""
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return patient_act(token.head.head)
    return token.dep_ == "poss" and patient_act(token.head)


TAKEN_PLACE_NO_VICTIM = _register(
    "taken-place-no-victim",
    "Thousands marched in the capital, calling for the liberation of northern towns taken over by rebels.",
    "A taking of a town or territory is done to the state or group that held it, not to the people of "
    "the scene: the scene's protesters or victims (scene-victim, mutual-force and the other scene rules) "
    "are never its recipient; with no holder named it has none.",
)
DETECTED_FORCES_PROTEST = _register(
    "detected-forces-protest",
    "Police blocked opposition supporters at the gates of the electoral commission.",
    "The learned detector sometimes reads a protest into an act done to protesters by police or "
    "soldiers ('police blocked protesters at the gates'); a state's forces disperse protests, they do "
    "not stage them: such a detected PROTEST by a police or military source is not coded.",
)
DESCRIBED_EVENT = _register(
    "described-event",
    "Egypt said the port agreement between Ethiopia and Somaliland was illegal.",
    "An event noun that a linking verb describes ('the agreement between X and Y is null and void', "
    "'the raid was a crime') names an event the story has told or takes as known: the sentence's act "
    "is the description (an evaluation), not a new report of the event.",
)
AWAITED_ACT = _register(
    "awaited-act",
    "Students vowed to keep protesting until the president withdraws the bill.",
    "An act someone wants another to do ('the rebels want foreign troops to leave') or that a clause "
    "waits for ('until the president withdraws the bill', in the present tense English uses for it) "
    "has not happened: it is not coded, as a requested act is not (requested-action).",
)
DEMANDED_OF_ANOTHER = _register(
    "demanded-of-another",
    "The opposition said President Kabila must resign immediately.",
    "An act someone says another must or should do ('said the council should resign', a quote's "
    "'she must stop') is demanded of them, not done: it is not coded (the demand is, by "
    "reported-demand or the speaker's statement), as a requested act is not (requested-action).",
)
RECIPIENTLESS_IN_STORY = _register(
    "recipientless-in-story",
    "Police broke up the rally on Sunday. Dozens of students were detained. The opposition leader refused to "
    "concede on Monday.",
    "In a story (three sentences or more) an event left with no recipient is almost always one "
    "whose recipient was missed (tune A's gold: 15 of 350 events outside MOBILIZE have none, and "
    "diurna's 11 recipientless events there were all wrong): it is withheld by default, like events below the "
    "verifier's threshold. Shows of force (MOBILIZE: deployments, missile launches, exercises) are "
    "told with no one they are aimed at and are kept; so is every event of a sentence or two.",
)
RECIPIENT_ONE_SENTENCE_BACK = _register(
    "recipient-one-sentence-back",
    "The United States offered Venezuela tons of food and medicine. Caracas rejected the offer on Sunday.",
    "An event the story would withhold for having no recipient (recipientless-in-story) is most often "
    "one whose recipient the sentence before names ('rejected the offer', 'refused to accept it', "
    "'dismissed the claim'): before it is withheld, the argument chooser is offered that sentence's "
    "mentions, and a recipient it gives at least RECIPIENT_ONE_SENTENCE_BACK_BAR (stage.py) is "
    "taken; the event is then judged by the verifier as any other. Only when the event's object refers "
    "back (syntax.object_points_back: 'it', 'the offer', not 'an inquiry', 'the attack on the dam' or "
    "an intransitive 'accused'): otherwise the chooser took whoever the sentence before named (review13).",
)
STANDING_BACKING = _register(
    "standing-backing",
    "Government forces backed by Russia shelled the town.",
    "A reduced passive of backing ('rebels backed by Rwanda', 'militias supported by Iran') describes "
    "a standing alliance, not an act of the story: it is not coded, although the project's lexicon is "
    "otherwise trusted with reduced passives ('the activists detained by soldiers').",
)
RESPONSE_MEANS = _register(
    "response-means",
    "Belarus responded with the expulsion of two Polish diplomats.",
    "'Responded with X' / 'reacted with X' tells the act X as the responder's: the event noun in the "
    "'with' phrase is coded as after a light verb, with the responder as its source.",
)
BY_GERUND = _register(
    "by-gerund",
    "Maduro responded by expelling Colombian diplomats.",
    "A gerund after 'by' ('responded by expelling', 'protested by burning') is done by the subject "
    "of the verb it qualifies.",
)

AGENT_DECIDES_FORCE = _register(
    "agent-decides-force",
    "Al-Shabab raided a military base / Police raided the newspaper's office.",
    "A raid or a storming is an armed attack (ASSAULT) when armed forces, rebels or a state carry it "
    "out, a search or seizure (COERCE) when police, prosecutors or a ministry do (docs/annotation.md).",
)

HYPHEN_MEDIATOR = _register(
    "hyphen-mediator",
    "Armenia announced a Russian-mediated cease-fire with Azerbaijan.",
    "A name glued by a hyphen to a mediation participle ('a US-brokered truce') is the mediator (events/mediation.py).",
)
QUOTED_PREDICATE = _register(
    "quoted-predicate",
    'The Kremlin called the court\'s decision "outrageous and unacceptable."',
    "A describing verb's predicate in quotation marks right after its object is the predicate even "
    "where the parse hangs it on the object (nlp/syntax.py: quoted_predicate).",
)
MEDIATED_PARTIES = _register(
    "mediated-parties",
    "The Taliban released two Americans in a deal brokered by Qatar.",
    "A mediation's recipients are the deal's parties: named with the deal, or the subject of the clause reporting it.",
)
SHARED_PASSIVE_AGENT = _register(
    "shared-passive-agent",
    "The journalist was beaten and detained by soldiers on Monday.",
    "Coordinated passives share their by-phrase, which the parser hangs on the last one only ('was "
    "attacked and wounded by militiamen', 'were beaten and robbed by a mob'): an earlier passive with "
    "no agent of its own is done by that agent, not by one the scene supplies.",
)
FINITE_BESIDE_INFINITIVE = _register(
    "finite-beside-infinitive",
    "The president told the army to halt operations and urged the rebels to surrender their weapons.",
    "The parser hangs a finite verb coordinated after an infinitive complement on the infinitive "
    "('told X to halt and urged Y'); a finite verb cannot be part of what was told or asked, so it is "
    "the teller's own next act and shares the teller's subject, not the one told.",
)
OWN_SIDE_CASUALTY = _register(
    "own-side-casualty",
    "Five soldiers and 12 rebels were killed when the rebels attacked an army post.",
    "A list of the dead or wounded often counts the attacker's own losses beside its victims ('killing "
    "six rebels and two soldiers', 'X soldiers and Y militants were killed when militants attacked'): "
    "a listed casualty of the agent's own side (its code) is no recipient of the agent's act, while "
    "another listed casualty is.",
)
STATE_ORGAN_HOLDER = _register(
    "state-organ-holder",
    "Russian troops attacked Ukraine's Odesa navy base on Friday.",
    "A facility that a state and, nearer to it, one of the state's organs modify ('Ukraine's navy "
    "headquarters', 'Iraq's army barracks') belongs to the organ: the navy is the recipient, not the state.",
)
MODIFIER_STORY_ACTOR = _register(
    "modifier-story-actor",
    "The army seized power on Monday. Students marched to protest against the military takeover.",
    "In an act against someone (force, coercion, sanctions, threats, protests, accusations, "
    "rejections), a word that modifies the thing or act it is aimed at and is no mention itself ('against "
    "the military takeover', 'fired on a police post', 'shelled civilian homes') names the article's actor "
    "whose mention has that word as its head (the military, the police, the civilians), as a possessor "
    "would. Not in other acts, where such a word names a domain ('military cooperation', 'police "
    "training').",
)
CAPITAL_STATE = _register(
    "capital-state",
    "Rebels in Chad advanced on Sunday and threatened the capital, N'Djamena.",
    "An act against someone aimed at a state's capital named in apposition ('threaten the capital, "
    "Bangui', 'shelled the capital, Kyiv') is against the state it is the capital of, when the story "
    "names that state (arguments.host_state): the capital is the seat of the government, not a setting.",
)
SHARED_HEAD_PARTIES = _register(
    "shared-head-parties",
    "The envoy met the foreign ministers of Egypt and Jordan in Amman.",
    "A plural noun that no actor mention covers, with a coordinated 'of' phrase ('the presidents of "
    "Kenya and Uganda', 'the foreign ministers of Egypt and Jordan'), names each coordinated party: one "
    "event per party, as a coordinated object gives.",
)
FELLOW_VICTIMS = _register(
    "fellow-victims",
    "The prime minister was detained along with several ministers, including the finance minister.",
    "The ones a clause names as suffering the act beside its victim ('along with', 'together with', "
    "'alongside', and whom that phrase includes) are victims too: never the authority a rule supplies "
    "as its agent (state-authority and the agent rules of agents.py).",
)
AIMED_RECIPIENT = _register(
    "aimed-recipient",
    "The army fired rockets aimed at rebel positions in northern Syria.",
    "What is fired, launched or dropped is aimed at the recipient: the object's own participle says at "
    "whom ('shells aimed at a radar station in Turkey', 'missiles targeting the capital', 'shells directed "
    "at the town'); that phrase, or the state of the place it names, is the target.",
)
AIMING_PARTICIPLES = frozenset({"aim", "target", "direct"})
AIMING_PREPOSITIONS = ("at", "against", "toward", "towards", "into", "on")


def aimed_objects(objects: list["Token"]) -> list["Token"]:
    """The things the objects' aiming participle names (aimed-recipient): "aimed at X", "targeting X"."""
    if not enabled(AIMED_RECIPIENT):
        return []
    out = []
    for obj in objects:
        for part in (c for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_PARTICIPLES):
            out += [c for c in part.children if c.dep_ == "dobj"]
            out += [o for p in AIMING_PREPOSITIONS for o in prep_objects(part).get(p, [])]
    return out


NEGATED_GOING_TO = _register(
    "negated-going-to",
    "Russia is not going to attack Ukraine, its foreign minister said.",
    "The 'going to' future carries its negation on 'going': 'is not going to attack' negates the attack "
    "as 'will not attack' does (no announced force, no threat), and 'is not going to release' is a "
    "refusal as 'will not release' is (refused-concession).",
)
PASSIVE_DOER = _register(
    "passive-doer",
    "The minister was surrounded by a crowd of protesters outside parliament.",
    "A sense that asks who does the act ('protesters surrounded the palace' is a protest, 'gunmen "
    "surrounded the soldiers' an attack) reads the doer of a passive in its 'by' phrase, not the one "
    "it is done to: 'X was surrounded by protesters' is the protesters' protest, not a siege of X.",
)
NO_EVENT_SENSE = _register(
    "no-event-sense",
    "The scandal has put the government in an awkward position.",
    "A context the trigger lexicon names as reporting no event ('seized on the report', 'put X in a "
    "delicate position', 'placed the death toll in the hundreds': figures of speech beside 'put under "
    "arrest') is no event for the learned detector either: it reads only verbs the lexicon leaves to it.",
)
ADVERSARY_NOT_RECIPIENT = _register(
    "adversary-not-recipient",
    "NATO vowed to defend its members against any attack by Russia.",
    "A friendly act done against someone is done for someone else: in 'defend our land against X', "
    "'offered help against the rebels', 'agreed on a joint plan against X', the 'against' phrase names "
    "the adversary, never the recipient of the aid, support, agreement or talks. Those types take no "
    "target from 'against'; the act's own recipient (its object, 'to', 'with') still does. A concession "
    "keeps it: 'agreed to lift sanctions against X' yields to X.",
)
# Types whose recipient benefits or takes part (adversary-not-recipient): an "against" phrase on them
# names the one the act is aimed against, not the recipient.
# A concession is not among them: "agreed to lift sanctions against X" yields to X.
FRIENDLY_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE", "CONSULT"})


def recipient_prepositions(sense) -> tuple[str, ...]:
    """The prepositions that may name the recipient of an act of `sense` (adversary-not-recipient):
    its own, less "against" for a friendly type."""
    if enabled(ADVERSARY_NOT_RECIPIENT) and sense.plover in FRIENDLY_TYPES:
        return tuple(p for p in sense.targets if p != "against")
    return sense.targets


def named_as_adversary(plover: str, head: "Token") -> bool:
    """Whether the phrase headed by `head` is an "against" phrase (or a conjunct of its object) that
    a friendly act of type `plover` is done against (adversary-not-recipient): the argument chooser
    does not add it as the recipient either."""
    if not enabled(ADVERSARY_NOT_RECIPIENT) or plover not in FRIENDLY_TYPES:
        return False
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "against"


PLACE_OF_OBJECT = _register(
    "place-of-object",
    "Rebels seized several villages around Goma on Sunday.",
    "A town, village or base attacked, seized, visited or sent to stands for the state it lies in (CAMEO "
    "codes the state), also when the place is named in the thing's own phrase: 'the town of Bunia', "
    "'villages around Kharkiv', 'posts near the border with X', never past a holder ('one of its "
    "posts'). One authority, arguments.host_state, asks located_places for every place it is given.",
)
# The prepositions by which a thing says where it is ("villages near Aleppo", "the town of Bunia").
LOCATING_PREPOSITIONS = ("of", "in", "around", "near", "outside")
# Those the parser also hangs on the verb for its object ("seized villages near Goma"); not "in", which
# on the verb says where the act happened ("fired tear gas in Nairobi"), not what it was done to.
OBJECT_PLACE_PREPOSITIONS = ("around", "near", "outside")


def located_places(noun: "Token") -> list["Token"]:
    """The place names in a thing's locating phrases (place-of-object): "the town of Bunia", "villages
    around Kharkiv", and a further one on the place named ("the town of Bunia in Ituri province")."""
    if not enabled(PLACE_OF_OBJECT) or noun.pos_ not in ("NOUN", "PROPN"):
        # a clause's "in" says where its act happened ("fired on protesters marching in the suburbs of X")
        return []
    out, frontier = [], [noun]
    for _ in range(2):
        frontier = [
            found
            for thing in frontier
            # a thing with its own holder ("its compound in Kinshasa", "the party's office in Goma") is
            # the holder's, not its town's state's
            if not any(c.dep_ == "poss" for c in thing.children)
            for prep in thing.children
            if prep.dep_ == "prep" and prep.lower_ in LOCATING_PREPOSITIONS
            for place in prep.children
            if place.dep_ == "pobj"
            for found in [place] + list(place.conjuncts)
        ]
        out += frontier
    return out


def located_objects(verb: "Token", objects: list["Token"]) -> list["Token"]:
    """The place names in the verb's 'near'/'around'/'outside' phrase when it has an object, which the
    parser hangs there for the object (place-of-object; the objects' own phrases: located_places)."""
    if not enabled(PLACE_OF_OBJECT) or not objects:
        return []
    return [
        place
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_PLACE_PREPOSITIONS
        for place in prep.children
        if place.dep_ == "pobj"
    ]


PURPOSE_OF_FORCE = _register(
    "purpose-of-force",
    "Security forces in Conakry fired water cannon and stun grenades to disperse opposition supporters.",
    "A dispersal in the purpose clause of an act of force ('fired pepper spray to disperse', 'used water "
    "cannon to break up the rally') is what the force was for: one event, the force's, not a second "
    "coercion (the purpose clause still gives its recipient: purpose-recipient).",
)
PARTICIPLE_AGENT = _register(
    "participle-agent",
    "Residents recalled the curfew imposed by the army in 2014.",
    "An event noun followed by a light verb's passive participle ('the sanctions imposed by the EU on "
    "Moscow', 'the martial law declared by the junta') is done by the participle's by-phrase, to the "
    "targets its prepositions name, as if the clause were active.",
)
RESTRICTED_OWN_STATE = _register(
    "restricted-own-state",
    "The army chief dissolved parliament and declared a nationwide curfew.",
    "A curfew, a state of emergency or martial law restricts a population, the event's target (CAMEO "
    "1723/1724 code the population restricted, as the gold of declarations does): the holder told with "
    "it, when not the one imposing it ('extended the nation's state of emergency', 'lifted the "
    "province's curfew'); with no holder, place or people named, the declaring authority's own "
    "country, when the story names it. One decision: the holder is read at the noun "
    "(nominal.restriction_holders), the own state in the scene (scene._recipient_from_story).",
)

ORDERING_AGENT = _register(
    "ordering-agent",
    "Two Uyghur activists were deported on the orders of the Thai government.",
    "A passive act done 'by court order', 'by presidential decree' or 'on the orders of the governor' "
    "is the act of whoever gave the order: the order noun's modifier or its of/from/by phrase is the agent.",
)
SEIZED_STATE = _register(
    "seized-state",
    "General Tiani seized power in a coup on Wednesday.\n\nNiger has had five coups since 1960.",
    "Seizing power is a coup against a state: the one the place names ('seized power in Mali'), else "
    "the putschists' own state, when the story names it.",
)

# Verbs of breaking up a gathering, which a purpose clause of force names as its aim (purpose-of-force).
DISPERSALS = frozenset({"disperse", "scatter", "break", "clear", "quell", "repel"})
# What is seized in a coup (seized-state): "seized power", "grabbed power".
STATE_POWER = frozenset({"power"})
# CAMEO codes of restrictions imposed on a whole population (restricted-own-state): curfew, emergency rule.
POPULATION_RESTRICTIONS = frozenset({"1723", "1724"})

# Verbs of taking a place back (retaken-from-taker); "take" only with "back".
RETAKING = frozenset({"retake", "recapture", "regain", "reclaim"})


def retakes(verb: "Token") -> bool:
    """ "retook the town", "took back the city": taking back what another took (retaken-from-taker)."""
    lemma = verb.lemma_.lower()
    back = lemma == "take" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    return enabled(RETAKEN_FROM_TAKER) and (lemma in RETAKING or back)


# The words that name an actor as the story's protesters (story-protesters).
# Nouns of a protest whose occasion names whom forces deployed there face (policed-protest).
PROTEST_OCCASIONS = frozenset(
    """protest protests demonstration demonstrations rally rallies march marches sit-in sit-ins
    procession vigil""".split()
)
# Prepositions that place an act at a protest ("during the rally", "ahead of the march").
OCCASION_PREPS = frozenset({"during", "at", "ahead", "before", "around", "near", "outside", "for", "against"})


def policed_protests(verb: "Token") -> list["Token"]:
    """The protest nouns an act of forces is placed at or aimed at (policed-protest): the objects of the
    verb's occasion prepositions ("deployed during the rally", "ahead of the march": "ahead" governs
    "of"), also in its purpose clause ("were deployed to secure the square during the protest"), and
    the purpose clause's own object ("sent to police the march")."""
    if not enabled(POLICED_PROTEST):
        return []
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)]
    found = []
    for head in heads:
        for prep, objs in prep_objects(head).items():
            if prep == "ahead":
                objs = [o for p in objs for o in prep_objects(p).get("of", [])] + [
                    o for c in head.children if c.lower_ == "ahead" for o in prep_objects(c).get("of", [])
                ]
            if prep in OCCASION_PREPS:
                found += [o for o in objs if o.lower_ in PROTEST_OCCASIONS]
        if head is not verb:
            found += [o for o in head.children if o.dep_ == "dobj" and o.lower_ in PROTEST_OCCASIONS]
    return found


PROTESTER_WORDS = frozenset({"protesters", "protestors", "demonstrators", "marchers", "rioters", "protester"})


# Verbs whose reduced passive ("rebels backed by Rwanda") describes a standing relation (standing-backing).
STANDING_RELATIONS = frozenset({"back", "support", "sponsor"})


def standing_backing(lemma: str) -> bool:
    """Whether a reduced passive of this verb names a standing alliance, not an act (standing-backing)."""
    return lemma in STANDING_RELATIONS and enabled(STANDING_BACKING)


# Verbs whose "with" phrase names the means of a response ("responded with tear gas").
# Nouns that count a series of acts (series-of-acts): "a wave of attacks", "a new round of talks".
SERIES_NOUNS = frozenset(
    "wave waves series spate string round rounds barrage volley flurry salvo rash succession".split()
)


def series_of(noun: "Token") -> Optional["Token"]:
    """series-of-acts: the series noun whose "of" phrase the act noun heads ("a wave of attacks" ->
    wave), when that series noun is a verb's object or passive subject; else None."""
    prep = noun.head
    if not enabled(SERIES_OF_ACTS) or noun.dep_ != "pobj" or prep.lower_ != "of":
        return None
    series = prep.head
    if series.lower_ not in SERIES_NOUNS or series.dep_ not in ("dobj", "nsubjpass"):
        return None
    return series if series.head.pos_ == "VERB" else None


# Nouns that carry the act their compound modifier names ("a mediation effort", "a bombing campaign").
CARRIER_NOUNS = frozenset(
    "effort efforts package packages campaign campaigns operation mission initiative drive".split()
)


def carrier_of(noun: "Token") -> Optional["Token"]:
    """carried-act: the carrier noun the act noun modifies ("a mediation effort" -> effort), when that
    carrier is a verb's object or passive subject; else None."""
    carrier = noun.head
    if not enabled(CARRIED_ACT) or noun.dep_ != "compound" or carrier.lower_ not in CARRIER_NOUNS:
        return None
    if carrier.dep_ not in ("dobj", "nsubjpass"):
        return None
    return carrier if carrier.head.pos_ == "VERB" else None


RESPONSE_VERBS = frozenset({"respond", "react", "reply", "answer"})


def response_verb(noun: "Token") -> Optional["Token"]:
    """The verb of response whose "with" phrase the noun heads (response-means), if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or not enabled(RESPONSE_MEANS):
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in RESPONSE_VERBS else None


def by_gerund_head(verb: "Token") -> Optional["Token"]:
    """The verb a "by"-gerund qualifies ("responded by expelling" -> responded), if any (by-gerund)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "by" or not enabled(BY_GERUND):
        return None
    head = prep.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None


# Verbs by which a statement is told as arriving from its makers ("condemnation came from X") and the
# nouns that carry a statement noun ("statements of condemnation", "words of praise") (statement-from).
ARRIVAL_VERBS = frozenset({"come", "pour", "arrive", "flood", "flow", "follow"})
STATEMENT_CARRIERS = frozenset({"statement", "word", "message", "expression", "voice", "call", "letter", "note"})
# Types a statement noun of statement-from may have: statements about someone, not acts.
STATEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})


def arrival_verb(noun: "Token", plover: str) -> Optional["Token"]:
    """The verb of arrival a statement noun (or its carrier: "statements of condemnation") is the
    subject of, when that verb says where it came from (statement-from), if any."""
    if plover not in STATEMENT_TYPES or not enabled(STATEMENT_FROM):
        return None
    subject = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in STATEMENT_CARRIERS:
        subject = noun.head.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in ARRIVAL_VERBS:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
        return None
    return verb


def listed_members(token: "Token") -> list["Token"]:
    """The members an 'including' phrase lists on a group ("several countries including Japan, Canada
    and Brazil" -> Japan; its conjuncts are the caller's), as the parse hangs it on the group."""
    return [
        g
        for c in token.children
        if c.lower_ in ("including", "like") and c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    ]


# Nouns of a statement whose participle ("a statement condemning") its maker says (statement-participle).
STATEMENT_NOUNS = frozenset(
    """statement message letter communique communiqué tweet post resolution declaration video speech note
    release address appeal""".split()
)


def statement_maker(noun: "Token") -> Optional[list["Token"]]:
    """Who made the statement a speech participle hangs on (statement-participle): the statement's
    possessor or 'from'/'by' phrase, else the subject of the verb it is the object of ("issued a
    statement condemning"), or that a "said in a statement" phrase hangs on; None when the noun is
    no statement. The parse may hang the participle on a phrase of the statement ("a video on
    social media blaming")."""
    if not enabled(STATEMENT_PARTICIPLE):
        return None
    if noun.lemma_.lower() not in STATEMENT_NOUNS and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    from diurna.events.dictionary import prep_objects
    from diurna.nlp.syntax import possessors

    preps = prep_objects(noun)
    own = possessors(noun) + preps.get("from", []) + preps.get("by", [])
    if own:
        return own
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "said in a statement urging"
    elif noun.dep_ != "dobj":
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


# Content of a vow that holds out (vowed-defiance): yielding verbs negated ("not to back down"), and
# staying or pressing on ("to stay put", "to continue the protests").
YIELDING_VERBS = frozenset(
    "back give step resign quit budge bow surrender yield leave cave relent concede capitulate withdraw".split()
)
STAYING_VERBS = frozenset({"stay", "remain"})
# Complements that make staying a state kept, not a place held: "remain committed to the ceasefire",
# "stay engaged in the talks", "remain open to dialogue" are cooperative vows; "stay put", "remain in
# office" hold out ("put" is parsed as such a complement too).
STATE_COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "attr", "xcomp"})
PRESSING_VERBS = frozenset({"continue", "press", "keep", "pursue", "fight"})
PROTEST_WORDS = frozenset(
    """protest protests protesting demonstration demonstrations demonstrating strike strikes striking
    struggle fight fighting resistance march marches marching sit-in campaign""".split()
)


def defiant_content(comp: "Token") -> bool:
    """Whether a vow's content holds out against what is asked (vowed-defiance): a yielding verb
    negated, staying bare or in a place or office ("stay put", "remain in office"; not "remain
    committed to"), or pressing on with a protest or a fight."""
    if not enabled(VOWED_DEFIANCE):
        return False
    from diurna.events import polarity as pol

    lemma = comp.lemma_.lower()
    if lemma in YIELDING_VERBS:
        return pol.is_negated(comp)
    if pol.is_negated(comp):
        return False
    if lemma in STAYING_VERBS:
        return not any(c.dep_ in STATE_COMPLEMENT_DEPS and c.lower_ != "put" for c in comp.children)
    if lemma == "fight" and any(c.dep_ == "prt" and c.lower_ == "on" for c in comp.children):
        return True
    if lemma in PRESSING_VERBS:
        return any(t.lower_ in PROTEST_WORDS for c in comp.children if c.dep_ in ("dobj", "xcomp") for t in c.subtree)
    return False


# Speech verbs that accuse whoever their clause is about (alleged-act); "claim" only with a hostile act.
ALLEGING_VERBS = frozenset({"allege", "charge", "complain"})
CLAIMING_VERBS = frozenset({"claim", "insist", "contend"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})


# The acts whose doer a cleft blames (cleft-doer), and the speech verbs that do not accuse by telling
# one (a denial, a doubt, a fear; the alleging and claiming verbs have alleged-act).
CLEFT_ACT_TYPES = frozenset({"ASSAULT", "COERCE"})
NOT_ACCUSING_CUES = frozenset(
    """deny refute dismiss reject doubt question wonder ask fear worry hope predict expect warn
    acknowledge admit concede confirm""".split()
)
# Verbs that only say an act was done, the act being their object noun ("did the shelling").
DOING_VERBS = frozenset({"do", "commit", "perpetrate"})


def cleft_act(head: "Token") -> Optional[tuple["Token", "Token"]]:
    """(the act, the doer in focus) when a clause is a cleft: "it was the militia that burned the market"
    (the copula with "it" as subject, its attribute modified by a relative clause whose verb is the act);
    None otherwise (cleft-doer)."""
    if head.lemma_ != "be" or not any(
        c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ == "it") for c in head.children
    ):
        return None
    if pol.is_negated(head):
        # "it was not the police who attacked the rally" clears the one in focus: no accusation of them
        return None
    for focus in (c for c in head.children if c.dep_ == "attr"):
        for rel in (c for c in focus.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")):
            if any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in rel.children):
                return rel, focus
    return None


# A penalty someone is warned they will face (warned-penalty): "would face consequences", "will pay a
# heavy price".
PENALTY_VERBS = frozenset({"face", "suffer", "pay", "incur"})
PENALTY_NOUNS = frozenset(
    """consequence consequences price sanction sanctions punishment retaliation reprisal reprisals
    retribution repercussion repercussions""".split()
)


def faces_penalty(comp: "Token") -> bool:
    """The warned clause says its subject will face a penalty (warned-penalty)."""
    if not enabled(WARNED_PENALTY) or comp.lemma_.lower() not in PENALTY_VERBS:
        return False
    return any(o.dep_ == "dobj" and o.lemma_.lower() in PENALTY_NOUNS for o in comp.children)


# Predicates of concern about someone's act (stated-concern) and the prepositions naming what it is about.
CONCERN_WORDS = frozenset(
    """concerned alarmed worried troubled disturbed dismayed appalled outraged disappointed angered
    incensed""".split()
)
CONCERN_PREPOSITIONS = ("about", "by", "over", "at", "with", "regarding")
# Verbs whose subject a predicate adjective describes ("is concerned", "remained alarmed").
COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "grow", "feel"})


def concern_holders(token: "Token") -> list["Token"]:
    """Who is concerned (stated-concern): the subject of the copula a concern adjective completes ("the
    UN is concerned"), or a passive participle's subject ("Kenya was alarmed by"); [] for an adjective
    that only modifies ("concerned citizens") or for a word of another kind."""
    if not enabled(STATED_CONCERN) or token.lower_ not in CONCERN_WORDS:
        return []
    if token.dep_ == "acomp" and token.head.lemma_.lower() in COPULAS:
        return grammatical_subjects(token.head)
    if token.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in token.children):
        return [c for c in token.children if c.dep_ == "nsubjpass"]
    return []


# Predicates that hold someone responsible (stated-responsibility, held-responsible), and the harms
# being responsible for which is blame, beside the acts of force and the crimes the lexicons name.
RESPONSIBLE_WORDS = frozenset({"responsible", "accountable", "culpable", "liable"})
HARM_NOUNS = frozenset(
    """violence unrest death deaths bloodshed chaos blast blasts explosion explosions destruction
    instability insecurity crisis suffering""".split()
)


def blamed_clause(head: "Token") -> Optional[tuple[list["Token"], list["Token"], bool]]:
    """(who is blamed, what for, whether what for must be a harm) when a clause says "X was responsible
    for Y", "X was behind Y" or "X is to blame (for Y)"; None otherwise (stated-responsibility)."""
    if not enabled(STATED_RESPONSIBILITY) or head.lemma_ != "be":
        return None
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    for c in head.children:
        if c.dep_ == "acomp" and c.lower_ in RESPONSIBLE_WORDS:
            return subjects, prep_objects(c).get("for", []), True
        if c.dep_ == "prep" and c.lower_ == "behind":
            return subjects, [o for o in c.children if o.dep_ == "pobj"], True
        if c.dep_ == "xcomp" and c.lemma_ == "blame" and any(a.lower_ == "to" for a in c.children):
            return subjects, prep_objects(c).get("for", []), False
    return None


def held_responsible(verb: "Token") -> list["Token"]:
    """The ones a verb holds responsible ("held Moscow responsible for", "hold the junta accountable"):
    its direct objects when a responsibility word is said of them (held-responsible)."""
    if not enabled(HELD_RESPONSIBLE) or verb.lemma_.lower() != "hold" or verb.pos_ != "VERB":
        return []
    said = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.lower_ in RESPONSIBLE_WORDS]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if said and not objects:
        # the parser may make the one held the responsibility word's subject ("held [Moscow responsible]")
        objects = [c for s in said for c in s.children if c.dep_ == "nsubj"]
    return objects if said else []


# Verbs after which a bare-form that-clause demands its act (mandative-clause).
MANDATIVE_VERBS = frozenset({"insist", "urge", "demand", "ask", "request", "recommend", "propose", "require"})
# Those of them the lexicons code no request for: reported-demand makes the REQUEST (mandative-clause).
MANDATIVE_SPEECH = frozenset({"insist", "recommend", "propose", "require"})


def mandative_clause(clause: "Token") -> bool:
    """The clause is a bare-form complement of a verb of demanding, with a subject of its own and no
    auxiliary ("insisted that Belarus release", "demanded the president step down") (mandative-clause)."""
    return (
        enabled(MANDATIVE_CLAUSE)
        and clause.dep_ == "ccomp"
        and clause.tag_ == "VB"
        and clause.head.lemma_.lower() in MANDATIVE_VERBS
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass") or c.lower_ == "to" for c in clause.children)
    )


# Nouns of the time an ultimatum gives (deadline-given); not "ultimatum", a request noun the lexicons
# code themselves ("gave Russia an ultimatum to free ...": requested-action).
DEADLINE_NOUNS = frozenset("""hour hours day days week weeks month months minute minutes deadline period""".split())


def deadline_given(verb: "Token") -> Optional[tuple[list["Token"], "Token"]]:
    """(the ones given the time, the act they are to do) when `verb` gives someone a time to act:
    "gave the junta 72 hours to hand over power", "gave the government until Friday to resign", "the
    period ECOWAS had given the junta to hand power back"; None otherwise (deadline-given)."""
    if not enabled(DEADLINE_GIVEN) or verb.lemma_.lower() != "give" or verb.pos_ != "VERB":
        return None
    times = [
        c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "dative") and c.lemma_.lower() in DEADLINE_NOUNS
    ]
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in DEADLINE_NOUNS:
        times.append(verb.head)  # "the grace period ECOWAS had given the junta"
    untils = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"]
    if not times and not untils:
        return None
    holders = [verb] + times
    acts = [c for h in holders for c in h.children if c.dep_ in ("advcl", "xcomp", "relcl", "acl") and is_infinitive(c)]
    if not acts:
        return None
    given = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c not in times]
    given += [
        o
        for p in verb.children
        if p.dep_ in ("prep", "dative") and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return given, acts[0]


# Types told with no recipient in real news (recipientless-in-story): shows of force.
RECIPIENTLESS_TYPES = frozenset({"MOBILIZE"})


# Modals that make a reported clause a demand (reported-demand).
DEMANDING_MODALS = frozenset({"must", "should", "ought"})


def demanded_clauses(speech: "Token") -> list["Token"]:
    """The clausal complements of a speech verb that say someone must or should act (reported-demand):
    a deontic modal on the clause's verb, or "has to" / "needs to" governing it."""
    if not enabled(REPORTED_DEMAND):
        return []
    out = []
    for clause in speech.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        for told in [clause] + coordinated_demands(clause):
            if any(c.dep_ == "aux" and c.lower_ in DEMANDING_MODALS for c in told.children):
                out.append(told)
            elif told is clause and mandative_clause(told) and speech.lemma_.lower() in MANDATIVE_SPEECH:
                out.append(told)  # (demand, urge, ask code their own REQUEST: asked-subject)
            elif told.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" for c in told.children):
                out.append(told)
    return out


def coordinated_demands(clause: "Token") -> list["Token"]:
    """The active verbs coordinated with a reported clause that share its subject ("said the president
    is killing people and must resign": coordinated-demand); none while the rule is off."""
    if not enabled(COORDINATED_DEMAND):
        return []
    return [
        c
        for c in clause.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass", "expl") for g in c.children)
    ]


def demand_subjects(clause: "Token") -> list["Token"]:
    """Who a demanding clause asks: its subject, or for a coordinated one the subject it shares
    (coordinated-demand)."""
    own = [c for c in clause.children if c.dep_ == "nsubj"]
    if own or clause.dep_ != "conj":
        return own
    return [c for c in clause.head.children if c.dep_ == "nsubj"]


# Nouns of "at the request of X" (at-request).
REQUEST_PHRASE_NOUNS = frozenset({"request", "behest", "urging", "insistence"})


def requested_act(noun: "Token") -> Optional["Token"]:
    """The verb an "at the request of X" phrase hangs on (at-request), if the noun heads one."""
    if not enabled(AT_REQUEST) or noun.lower_ not in REQUEST_PHRASE_NOUNS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ not in ("at", "upon", "on") or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head


# Verbs of denial whose own clausal complement is the denied proposition ("denied that ...").
DENIAL_VERBS = frozenset({"deny", "refute"})
# Verbs that deny or reject a claim named by their object ("rejected claims that ...").
CLAIM_REJECTING_VERBS = frozenset({"deny", "refute", "reject", "dismiss", "rebut"})
# Nouns naming a claim whose clause ("accusations that X did Y") states the claimed act.
CLAIM_NOUNS = frozenset(
    """accusation accusations claim claims allegation allegations report reports suggestion suggestions
    charge charges assertion assertions""".split()
)


# Predicate adjectives that state their subject's readiness to do their infinitive (stated-readiness).
READINESS_ADJECTIVES = frozenset({"ready", "willing", "prepared"})


def readiness_adjective(verb: "Token") -> Optional["Token"]:
    """The adjective of readiness whose infinitive `verb` is ("is willing to send", "stands ready to
    provide"), when it is a predicate of its clause (stated-readiness); else None."""
    head = verb.head
    if (
        not enabled(STATED_READINESS)
        or verb.dep_ != "xcomp"
        or head.i == verb.i
        or head.pos_ != "ADJ"
        or head.dep_ not in ("acomp", "oprd")
        or head.lemma_.lower() not in READINESS_ADJECTIVES
        or not is_infinitive(verb)
    ):
        return None
    return head


# Verbs whose complement is someone's belief or assessment, not a statement of the complement's subject
# ("insists it is ready", "said it is ready" state it; "analysts believe it is ready" do not).
ASSESSMENT_VERBS = frozenset(
    "believe think fear expect doubt suspect assume guess imagine reckon worry seem appear estimate assess predict".split()
)


# Nouns of fear or expectation whose clause is someone's assessment ("fears that troops would storm").
ASSESSMENT_NOUNS = frozenset({"fear", "concern", "worry", "expectation", "speculation", "belief", "hope", "prospect"})
# Verbs whose clause is a wish for another's act (assessed-act, beside ASSESSMENT_VERBS).
HOPING_VERBS = frozenset({"hope", "wish"})


def assessor_of(clause: "Token") -> Optional["Token"]:
    """The verb or noun of fear, belief, hope or expectation whose complement `clause` is (assessed-act):
    "(residents fear) the rebels will attack", "(fears that) troops would storm"; None when there is none."""
    node = _first_of_coordination(clause)  # "would storm and occupy": the first verb of the coordination
    if node.dep_ not in ("ccomp", "acl") or node.head.i == node.i:
        return None
    head = node.head
    lemmas = set(lemma_candidates(head))  # the lemmatizer reads "hopes" as "hop"
    if head.pos_ in ("VERB", "AUX") and lemmas & (ASSESSMENT_VERBS | HOPING_VERBS):
        return head
    if head.pos_ == "NOUN" and lemmas & ASSESSMENT_NOUNS:
        return head
    return None


# Words of a sporting contest (sporting-contest): a clause of force that names one is a game.
CONTEST_NOUNS = frozenset(
    """match game final finals semifinal semi-final quarterfinal quarter-final qualifier qualifiers
    tournament championship championships derby playoff play-off playoffs olympics league""".split()
)


# Verbs of winning a game (sporting-contest). Not attack, clash, fight: "fans attacked police in a league
# match" is violence at a game, not a game (review14).
WINNING_VERBS = frozenset(
    {"beat", "defeat", "thrash", "rout", "crush", "edge", "overcome", "hammer", "down", "trounce"}
)


def sporting_contest(verb: "Token") -> bool:
    """Whether a verb's clause tells a game (sporting-contest): a verb of winning (WINNING_VERBS) whose
    "in" phrase is a contest ("beat Ghana in the final", "in a World Cup qualifier") or beside which a
    score stands ("beat Ghana 2-0")."""
    if verb.lemma_.lower() not in WINNING_VERBS and verb.lower_ not in WINNING_VERBS:
        return False
    for child in verb.children:
        # won "in the final", "in a World Cup qualifier" (not beaten "during the match": a setting)
        if child.dep_ == "prep" and child.lower_ == "in" and any(o.lower_ in CONTEST_NOUNS for o in child.children):
            return True
        if child.dep_ in ("npadvmod", "dobj", "advmod", "nummod", "dep") and _score(child):
            return True
    return any(_score(t) for t in verb.children)


def _score(token: "Token") -> bool:
    """ "2-0", "3-1": a game's score (the parser keeps it one token or splits it at the hyphen)."""
    text = token.text
    if "-" in text and all(part.isdigit() and len(part) <= 2 for part in text.split("-")):
        return True
    return (
        token.like_num
        and token.i + 2 < len(token.doc)
        and token.doc[token.i + 1].text in ("-", "–")
        and token.doc[token.i + 2].like_num
        and len(token.text) <= 2
    )


WH_WORDS = frozenset({"why", "how", "what", "who", "whom", "which", "when", "where", "whose"})
# Auxiliaries of what may or might be: "Why would China invade Taiwan?" asks about an act not done,
# while "Why did the police shoot the students?" presupposes the shooting (review14).
POSSIBILITY_AUXILIARIES = frozenset({"would", "could", "might", "will", "may", "shall", "should", "'d", "'ll"})


def _first_of_coordination(clause: "Token") -> "Token":
    node = clause
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    return node


def _inverted(node: "Token") -> list["Token"]:
    """The auxiliaries (or the verb itself, a copula) that stand before the clause's subject: "Did
    Russia attack", "Is Russia ready"."""
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return []
    verbs = [c for c in node.children if c.dep_ in ("aux", "auxpass")] + [node]
    return [v for v in verbs if v.i < subjects[0].i]


def asked_clause(clause: "Token") -> bool:
    """Whether a verb's clause asks whether its act happens (asked-act, stated-readiness): a "whether"
    clause, or a direct question (its sentence ends in "?") that is a yes/no question ("Did Russia
    attack the convoy?", "Is Russia ready to negotiate?") or a wh-question about what may be ("Why
    would China invade Taiwan?") or about who did it ("Who attacked the convoy?"). A wh-question in
    the past or present ("Why did the police shoot the students?") presupposes its act: not asked.
    The first verb of a coordination decides ("Did they storm the town and burn it?")."""
    node = _first_of_coordination(clause)
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
        return True
    if not node.sent.text.rstrip().rstrip("\"'”’ )").endswith("?"):
        return False
    # the first word, not an opening quotation mark ('"Why did the police shoot ...?" he asked', review14)
    words_before = [t for c in node.children if c.i < node.i for t in c.subtree if not t.is_punct]
    first = min([node] + words_before, key=lambda t: t.i)
    inverted = _inverted(node)
    if first.lower_ not in WH_WORDS:
        return bool(inverted)
    if not inverted:
        return True  # "Who attacked the convoy?": the doer is asked, the act not reported as anyone's
    return any(a.lower_ in POSSIBILITY_AUXILIARIES for a in inverted)


def asked_or_assessed(clause: "Token") -> bool:
    """A clause that no one states of its own subject (stated-readiness): a question as `asked_clause`
    reads one ("Is Russia ready to negotiate?": the verb before its subject), or a belief,
    fear or finding of someone else ("officials believe Iran is ready to strike", "analysts doubt that
    China is prepared to ..."): the complement of a verb of belief or assessment (ASSESSMENT_VERBS)."""
    if asked_clause(clause) or assessor_of(clause) is not None:
        return True
    head = clause
    while head.dep_ in ("ccomp", "xcomp", "conj") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in ASSESSMENT_VERBS:
            return True
    return False


def denied_acts(verb: "Token") -> list["Token"]:
    """The verbs of the acts a denial denies (denied-act): the complement of "deny", and the clause of
    a claim noun that a verb of denial or rejection has as object."""
    if not enabled(DENIED_ACT):
        return []
    lemma = verb.lemma_.lower()
    acts = []
    if lemma in DENIAL_VERBS:
        acts += [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if lemma in CLAIM_REJECTING_VERBS:
        for obj in verb.children:
            if obj.dep_ in ("dobj", "nsubjpass") and obj.lemma_.lower() in CLAIM_NOUNS:
                acts += [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ == "VERB"]
    return acts


# Verbs that say only that their subject happened: "clashes broke out", "protests erupted".
OCCURRENCE_VERBS = frozenset(
    """break erupt occur happen flare begin start continue resume spread rage ensue escalate
    intensify""".split()
)
# The verb's phrases that name an occurring event's parties.
OCCURRENCE_PREPS = ("between", "by", "with", "against")


def occurrence_verb(noun: "Token") -> Optional["Token"]:
    """The verb of happening the noun is the subject of ("clashes broke out" -> broke), if any;
    "take place" and "take effect" count."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.pos_ != "VERB" or not enabled(OCCURRING_EVENT):
        return None
    lemma = head.lemma_.lower()
    if lemma in OCCURRENCE_VERBS:
        return head
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ in ("place", "effect") for c in head.children):
        return head  # "talks took place", "a ceasefire will take effect"
    return None


CLAIMED_ACT = _register(
    "claimed-act",
    "Al-Shabaab claimed responsibility for the attack on the Kenyan military base.",
    "An attack named by a noun whose agent is told by another clause: who claims or admits "
    "responsibility for it ('X claimed responsibility for the bombing of Y'), or on whom it is blamed, "
    "to whom it is attributed or ascribed ('the ambush, blamed on jihadists', 'the attack was "
    "attributed to X'), made it; otherwise an attack with no agent in its phrase gives no event. A claim "
    "that is denied or only possible ('did not claim', 'may claim') names no agent.",
)
# Verbs whose subject owns up to an act: "claimed / admitted responsibility for X". Not "bear / accept /
# take responsibility": said of ministers answering for a failure and by accusers ("must bear
# responsibility for the attacks"), not of who carried an act out.
RESPONSIBILITY_VERBS = frozenset({"claim", "admit"})
# Verbs that put an act on its agent: "blamed on X", "attributed to X", "ascribed to X".
BLAMING_VERBS = {"blame": "on", "attribute": "to", "ascribe": "to", "pin": "on"}


def claimed_act_agents(noun: "Token") -> list["Token"]:
    """Who the clause says made the attack named by `noun` (claimed-act): the subject of "claimed
    responsibility for <noun>", the object of "blamed on" in "<noun> was blamed on X", "<noun>, blamed
    on X" or "<noun>, which was blamed on X"."""
    if not enabled(CLAIMED_ACT):
        return []
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        verb = head.head.head
        if head.head.dep_ == "dobj" and verb.lemma_.lower() in RESPONSIBILITY_VERBS:
            if pol.is_negated(verb) or pol.modality(verb) != "actual":
                return []  # "did not claim", "may claim": no one is named as the agent
            # "posted a video and claimed responsibility": a conjoined claim shares the subject
            return [s for s in grammatical_subjects(verb) if s.dep_ == "nsubj"]
    # "<noun> was blamed on X" (the noun is the passive's subject), "<noun>, blamed on X" (a reduced
    # passive on it), "<noun>, which was blamed on X" (a relative clause on it)
    verbs = [head] if noun.dep_ == "nsubjpass" else []
    verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    for verb in verbs:
        prep = BLAMING_VERBS.get(verb.lemma_.lower())
        if prep is not None and (is_passive(verb) or is_reduced_passive(verb)):
            return prep_objects(verb).get(prep, [])
    return []


# Types whose recipient may be the state a destination lies in (destination-state).
SENDING = frozenset({"MOBILIZE", "AID"})
# Types that evaluate an act and are addressed to whoever did it (evaluated-act-agent).
EVALUATIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# Types whose passive form names the victim as subject ("was arrested", "were killed", "was banned").
VICTIM_TYPES = frozenset({"COERCE", "ASSAULT"})
# Nouns that announce a request when followed by "for X to do Y" or "that X do Y".
REQUEST_NOUNS = frozenset(
    {"call", "calls", "demand", "demands", "appeal", "appeals", "plea", "pleas", "request", "requests", "ultimatum"}
)


# ------------------------------------------------------------------ agentless passives


def is_agentless_passive(verb: "Token", plover: str, has_sources: bool, has_targets: bool) -> bool:
    """The verb is a passive coercive or violent act with its victim as subject and no agent named
    in the clause ("Five activists were arrested")."""
    return (
        enabled(AGENTLESS_PASSIVE)
        and not has_sources
        and has_targets
        and plover in VICTIM_TYPES
        and (is_passive(verb) or is_reduced_passive(verb))
    )


# Flows of goods, money and transport whose halt sanctions the one they go to (halted-flow); as the
# lexicon's economic flows of "cut off", with transport and funding.
FLOWS = frozenset(
    """flow flows supply supplies currency trade credit financing funding funds fuel oil gas electricity
    exports imports shipment shipments delivery deliveries payment payments flight flights loan loans
    disbursement disbursements""".split()
)


def halted_flow(obj: "Token") -> bool:
    """ "(suspended) flights / food supplies / aid deliveries (to X)": the object is a flow (halted-flow)."""
    return enabled(HALTED_FLOW) and obj.pos_ == "NOUN" and (obj.lower_ in FLOWS or obj.lemma_.lower() in FLOWS)


# Who halts a flow for business, not policy ("the airline suspended flights to X").
COMMERCIAL_HALTERS = frozenset(
    {"airline", "airlines", "carrier", "carriers", "company", "companies", "firm", "operator"}
)
# Causes that make a halt a matter of safety or nature ("suspended flights because of the outbreak").
NON_POLITICAL_CAUSES = frozenset(
    """outbreak pandemic epidemic virus coronavirus covid storm storms hurricane typhoon cyclone weather fog
    snow snowstorm flooding floods flood earthquake volcano ash eruption crash accident safety maintenance
    technical fault""".split()
)
CAUSE_MARKERS = frozenset({"because", "due", "amid", "after", "over", "following", "owing"})


def commercial_or_safety_halt(verb: "Token") -> bool:
    """ "Turkish Airlines suspended flights to Iraq", "suspended flights to X because of the outbreak":
    a halt by a company or for a non-political cause is no sanction (halted-flow)."""
    if {t.lower_ for s in grammatical_subjects(verb) for t in s.subtree} & COMMERCIAL_HALTERS:
        return True
    markers = [c for c in verb.children if c.dep_ in ("prep", "advcl", "advmod") and c.lower_ in CAUSE_MARKERS]
    return any(t.lemma_.lower() in NON_POLITICAL_CAUSES for m in markers for t in m.subtree)


def suspended_member(verb: "Token", obj: "Token") -> bool:
    """ "suspended Madagascar (from the bloc)": a state named as what is suspended (suspended-member)."""
    return enabled(SUSPENDED_MEMBER) and verb.lemma_.lower() == "suspend" and obj.ent_type_ == "GPE"


# Weapons and blasts that stand for the attack they belong to when they are a violent verb's subject
# ("a roadside bomb killed four soldiers"), beside the act nouns themselves (ACT_NOUNS).
WEAPON_NOUNS = frozenset(
    """bomb bombs blast blasts explosion explosions missile missiles rocket rockets shell shells mortar
    mortars drone drones grenade grenades gunfire barrage barrages ied ieds""".split()
)


def act_subject(verb: "Token", plover: str) -> Optional["Token"]:
    """The attack or weapon that is the active subject of a violent verb ("a car bombing killed five",
    "the blast wounded 30"), or None."""
    if not enabled(ACT_SUBJECT) or plover != "ASSAULT" or is_passive(verb) or is_reduced_passive(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    noun = subjects[0]
    word = noun.lower_
    return noun if noun.pos_ == "NOUN" and (word in ACT_NOUNS or word in WEAPON_NOUNS) else None


# Fights told with the other side in a "with" phrase ("killed in clashes with militants", "in a gun
# battle with police"): that side is the agent of the passive act (adjunct-agent), not the victims'.
CLASH_NOUNS = frozenset(
    {"clash", "clashes", "fighting", "battle", "gunfight", "firefight", "skirmish", "confrontation"}
)


def clash_opponents(noun: "Token") -> list["Token"]:
    """The other side of a fight the noun names in its "with" phrase ("a clash with Pakistani forces"),
    for the agent of an act done in it (adjunct-agent); [] for other nouns or "clashes between A and B"."""
    if noun.lemma_.lower() not in CLASH_NOUNS:
        return []
    return prep_objects(noun).get("with", [])


# Participles that tie a harm to the act behind it ("a fire resulting from the attacks").
CAUSING_PARTICIPLES = frozenset({"result", "cause", "trigger", "spark"})


def adjunct_acts(verb: "Token") -> tuple[list["Token"], list["Token"]]:
    """(act nouns of "in/during an attack ...", verbs of "when X raided ...") attached to a passive verb."""
    if not enabled(ADJUNCT_AGENT):
        return [], []
    adjuncts = [
        obj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "amid")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    # "hurt in a blaze caused by Russia's shelling", "killed in a blast resulting from a rocket
    # strike": the act behind the thing that hurt them
    adjuncts += [
        act
        for obj in adjuncts
        for part in obj.children
        if part.dep_ == "acl" and part.lemma_.lower() in CAUSING_PARTICIPLES
        for prep in part.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by")
        for act in prep.children
        if act.dep_ == "pobj"
    ]
    nouns = [
        obj
        for obj in adjuncts
        if obj.lemma_.lower() in ACT_NOUNS or obj.lower_ in ACT_NOUNS or obj.lemma_.lower() in CLASH_NOUNS
    ]
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ in ("when", "as") for m in c.children)
    ]
    return nouns, clauses


# Nouns of an order by which a passive act was done (ordering-agent): "by court order", "on the orders of".
ORDER_NOUNS = frozenset(
    {"order", "orders", "decree", "decrees", "ruling", "verdict", "directive", "instruction", "instructions", "edict"}
)


def ordering_nouns(verb: "Token") -> list["Token"]:
    """ "dissolved by court order", "banned by presidential decree", "detained on the orders of X": the
    order nouns of the verb's by/on/under/upon phrases (ordering-agent)."""
    if not enabled(ORDERING_AGENT):
        return []
    return [
        obj
        for prep in verb.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "on", "under", "upon")
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.lemma_.lower() in ORDER_NOUNS
    ]


# ------------------------------------------------------------------ the scene's agent


@dataclass
class Episode:
    """What the extractor has coded so far in the article, paragraph by paragraph: the agents of
    coercive and violent acts, newest last (episode-agent reads them)."""

    text: str
    agents: dict[int, list[tuple[str, "Argument"]]] = field(default_factory=dict)
    counts: Optional[dict[str, int]] = None

    def mention_count(self, doc, actor_id: str) -> int:
        """How often the article mentions the actor (counted once per article)."""
        if self.counts is None:
            self.counts = {}
            for m in doc.mentions:
                self.counts[m.actor_id] = self.counts.get(m.actor_id, 0) + 1
        return self.counts.get(actor_id, 0)

    def paragraph(self, char: int) -> int:
        """The number of the paragraph holding `char`, as the shared toolkit counts paragraphs."""
        return paragraph_number(self.text, char)

    def record(self, char: int, plover: str, source: Optional["Argument"]) -> None:
        if source is not None and plover in VICTIM_TYPES:
            self.agents.setdefault(self.paragraph(char), []).append((plover, source))

    def agent_for(self, char: int, plover: str, targets: list["Argument"]) -> Optional["Argument"]:
        """The newest agent of a coercive or violent act earlier in the paragraph that is not among
        the victims ("Police ... fired tear gas. Dozens were detained" -> police); for violence,
        else the newest attacker of the paragraph before ("Al-Shabab fighters stormed the base. //
        Four soldiers were killed")."""
        if not enabled(EPISODE_AGENT):
            return None
        victims = {t.actor_id for t in targets}
        here = self.paragraph(char)
        scenes = [self.agents.get(here, [])]
        if plover == "ASSAULT":
            before = [p for p in self.agents if p < here]
            scenes.append([(k, a) for k, a in self.agents[max(before)] if k == "ASSAULT"] if before else [])
        for scene in scenes:
            for _, agent in reversed(scene):
                if agent.actor_id not in victims:
                    return agent
        return None


# Who arrests, bans and detains in a state, most likely first.
AUTHORITY_SECTORS = ("COP", "JUD", "GOV", "MIL")


def state_authority(
    victims: list[tuple[Optional[str], str]], authorities: list[tuple[str, Optional[str], str, int]]
) -> Optional[str]:
    """The actor id of the victims' state's authority: `victims` are (country, actor id) of the
    targets, `authorities` (actor id, country, sector, mention count) of the article's actors."""
    if not enabled(STATE_AUTHORITY):
        return None
    countries = {country for country, _ in victims if country}
    victim_ids = {actor_id for _, actor_id in victims}
    if len(countries) != 1:
        return None
    country = countries.pop()
    fitting = [
        (AUTHORITY_SECTORS.index(sector), -count, actor_id)
        for actor_id, c, sector, count in authorities
        if c == country and sector in AUTHORITY_SECTORS and actor_id not in victim_ids
    ]
    return min(fitting)[2] if fitting else None


# ------------------------------------------------------------------ requested actions


def requested_actions(sent: "Span") -> list[tuple["Token", "Token", list["Token"]]]:
    """(request noun, requested verb, the ones asked) for "calls for X to do Y", "a demand that X
    do Y" in the sentence. The verb is the requested act: not coded as done."""
    if not enabled(REQUESTED_ACTION):
        return []
    out = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lower_ not in REQUEST_NOUNS:
            continue
        for verb in noun.children:
            if verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "acl", "relcl", "ccomp"):
                continue
            marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "aux")}
            if not marks & {"for", "to", "that"}:
                continue
            asked = [c for c in verb.children if c.dep_ == "nsubj"]
            out.append((noun, verb, asked))
        # "calls for the Philippines to remove": the parser may hang the clause on the preposition's
        # object, or on the verb governing the noun ("renewed its demand for Ethiopia to withdraw")
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"):
            for obj in prep.children:
                hosts = list(obj.children) + [v for v in noun.head.children if v.i == obj.right_edge.i + 2]
                verbs = [
                    v
                    for v in hosts
                    if v.pos_ == "VERB" and v.dep_ in ("acl", "relcl", "advcl", "xcomp") and is_infinitive(v)
                ]
                out.extend((noun, v, [obj]) for v in verbs)
    return out


# ------------------------------------------------------------------ recipients from the scene

FORCE = frozenset({"COERCE", "ASSAULT"})
# Nouns naming an act of force a story has told, which a condemnation may take as its object.
ACT_NOUNS = frozenset(
    """attack attacks assault strike strikes airstrike airstrikes raid raids bombing bombings
    shelling killing killings massacre coup arrest arrests detention detentions crackdown violence aggression
    invasion incursion offensive abduction kidnapping shooting shootings execution executions""".split()
)
