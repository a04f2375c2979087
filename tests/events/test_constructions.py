"""The named event constructions (diurna/events/constructions.py): each rule's cases pass with the
rule on and fail with it off, so every rule is shown to be what makes its construction work.

The sentences are unit cases of one construction each, written for these tests; accuracy on real
news is measured on the real-text sets (docs/evaluation.md), not here."""

from __future__ import annotations

import importlib.util
import pathlib

import pytest
from spacy.tokens import Doc

from diurna.events import agents
from diurna.events import constructions as cx
from diurna.events.dictionary import TriggerLexicon
from diurna.events.nominal import NounEvents


def _event_case_helpers():
    # tests/events/test_cases.py: the case set's own actor matcher (another folder has a test_cases too)
    spec = importlib.util.spec_from_file_location("event_test_cases", pathlib.Path(__file__).with_name("test_cases.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


names_actor = _event_case_helpers().names_actor

# rule -> [(text, (trigger, type, source, target))]; source/target None = no actor in that role
CASES = {
    cx.PASSIVE_DOER: [
        (
            "The minister was surrounded by a crowd of protesters outside parliament.",
            ("surrounded", "PROTEST", "protesters", "minister"),
        ),
        ("The soldiers were surrounded by gunmen near the border.", ("surrounded", "ASSAULT", "gunmen", "soldiers")),
    ],
    cx.SHARED_HEAD_PARTIES: [
        (
            "The envoy met the foreign ministers of Egypt and Jordan in Amman.",
            ("met", "CONSULT", "envoy", "Jordan"),
        ),
        (
            "The army shelled the positions of the rebels and the militias in the east.",
            ("shelled", "ASSAULT", "army", "militias"),
        ),
    ],
    cx.CAPITAL_STATE: [
        (
            "Rebels in Chad advanced on Sunday and threatened the capital, N'Djamena.",
            ("threatened", "THREATEN", "Rebels", "Chad"),
        ),
        (
            "Sudan's army said the paramilitary forces shelled the capital, Khartoum, on Monday.",
            ("shelled", "ASSAULT", "paramilitary forces", "Sudan"),
        ),
    ],
    cx.MODIFIER_STORY_ACTOR: [
        (
            "The military seized power on Monday. On Tuesday, students marched to protest against the military takeover.",
            ("protest", "PROTEST", "students", "military"),
        ),
        (
            "Aid groups said civilians had fled the border villages. On Sunday, the army shelled civilian homes.",
            ("shelled", "ASSAULT", "army", "civilians"),
        ),
    ],
    cx.EVALUATED_CONTENT: [
        (
            "The European Union expressed concern that Russia had moved troops to the border.",
            ("concern", "ACCUSE", "European Union", "Russia"),
        ),
        (
            "Students expressed disappointment that the court upheld the president's candidacy.",
            ("disappointment", "ACCUSE", "Students", "court"),
        ),
    ],
    cx.AGENTLESS_PASSIVE: [
        (
            "Five opposition activists were arrested in Harare on Monday.",
            ("arrested", "COERCE", None, "opposition activists"),
        ),
        ("Two journalists were detained at the border on Friday.", ("detained", "COERCE", None, "journalists")),
        ("Three soldiers were killed near the town on Sunday.", ("killed", "ASSAULT", None, "soldiers")),
    ],
    cx.INTENSIFIED_ACT: [
        (
            "Turkish troops intensified their offensive against Kurdish militants.",
            ("offensive", "ASSAULT", "troops", "militants"),
        ),
        (
            "The rebels ramped up attacks on government troops in the north.",
            ("attacks", "ASSAULT", "rebels", "troops"),
        ),
    ],
    cx.PARTITIVE_OBJECT: [
        (
            "Rebels took over several of the army's bases in the north on Sunday.",
            ("took", "ASSAULT", "Rebels", "army"),
        ),
        (
            "Rebels captured parts of Mali's northern towns last week.",
            ("captured", "ASSAULT", "Rebels", "Mali"),
        ),
    ],
    cx.POLICED_PROTEST: [
        (
            "Thousands of opposition supporters marched through Harare on Saturday. Hundreds of riot police "
            "were deployed in the city centre during the rally.",
            ("deployed", "MOBILIZE", "police", "opposition supporters"),
        ),
        (
            "Protesters gathered outside parliament in Nairobi. Police were deployed to contain the demonstration.",
            ("deployed", "MOBILIZE", "Police", "Protesters"),
        ),
    ],
    cx.JOINED_DEPLOYMENT: [
        (
            "The Central African Republic asked its neighbours for help. Fifty Rwandan soldiers arrived in "
            "Bangui on Monday to protect the airport. Burundi is also sending troops.",
            ("sending", "MOBILIZE", "Burundi", "Central African Republic"),
        ),
        (
            "Mozambique's president thanked Rwanda. About 1,000 Rwandan soldiers were deployed to Cabo Delgado "
            "province last month, and Botswana is also sending in reinforcements.",
            ("sending", "MOBILIZE", "Botswana", "Mozambique"),
        ),
    ],
    cx.SERIES_OF_ACTS: [
        (
            "Militants launched a wave of attacks on police stations in the north.",
            ("attacks", "ASSAULT", "Militants", "police"),
        ),
        (
            "Ethiopia and Eritrea began a new round of talks in Asmara.",
            ("talks", "CONSULT", "Ethiopia", "Eritrea"),
        ),
    ],
    cx.CLAIMED_ACT: [
        (
            "Al-Shabaab has claimed responsibility for the assault on the Kenyan military base.",
            ("assault", "ASSAULT", "Shabaab", "military"),
        ),
        (
            "The ambush on the Malian army convoy was blamed on jihadists linked to al-Qaeda.",
            # the convoy is an objective of the army's own (actors12's premises and moving units)
            ("ambush", "ASSAULT", "jihadists", "Malian army"),
        ),
        # a claim conjoined to another verb shares its subject (syntax.grammatical_subjects)
        (
            "The militia issued a statement and claimed responsibility for the raid on the Nigerian garrison.",
            ("raid", "ASSAULT", "militia", "garrison"),
        ),
    ],
    cx.ACT_SUBJECT: [
        (
            "A car bombing by Islamist rebels killed twelve villagers near the border on Sunday.",
            ("killed", "ASSAULT", "rebels", "villagers"),
        ),
        (
            "A roadside bomb planted by Shabaab fighters killed four Kenyan soldiers.",
            ("killed", "ASSAULT", "Shabaab", "soldiers"),
        ),
    ],
    cx.PARTICLE_OBJECT: [
        ("Nigeria and Ghana are sending in troops to Mali.", ("sending", "MOBILIZE", "Nigeria", "Mali")),
    ],
    cx.HALTED_FLOW: [
        ("Turkey has suspended flights and food supplies to Armenia.", ("suspended", "SANCTION", "Turkey", "Armenia")),
        (
            "The World Bank halted loan disbursements to Sudan after the coup.",
            ("halted", "SANCTION", "World Bank", "Sudan"),
        ),
    ],
    cx.SUSPENDED_MEMBER: [
        (
            "The African Union suspended Guinea from the bloc after the coup.",
            ("suspended", "SANCTION", "African Union", "Guinea"),
        ),
    ],
    cx.EPISODE_AGENT: [
        (
            # the victims' own state has no police in the story, so only the scene names the agent
            "Israeli police fired tear gas at Palestinian worshippers. Dozens of Palestinian worshippers were detained.",
            ("detained", "COERCE", "police", "worshippers"),
        ),
        (
            "Soldiers opened fire on the villagers, witnesses said. Twelve villagers were killed.",
            ("killed", "ASSAULT", "soldiers", "villagers"),
        ),
        (
            "Al-Shabab fighters attacked an army base in Lower Shabelle on Monday.\n\n"
            "Four Somali soldiers were killed, an officer said.",
            ("killed", "ASSAULT", "Al-Shabab", "soldiers"),
        ),
    ],
    cx.STATE_AUTHORITY: [
        (
            "Georgian police dispersed the rally in Tbilisi on Thursday.\n\n"
            "By Friday, 224 Georgian protesters had been detained.",
            ("detained", "COERCE", "police", "protesters"),
        ),
        (
            "Kenya's police chief spoke on Monday.\n\nFive Kenyan journalists were arrested in Nairobi.",
            ("arrested", "COERCE", "police", "journalists"),
        ),
    ],
    cx.ASKED_SUBJECT: [
        ("Pakistan demanded Kabul crack down on the fighters.", ("demanded", "REQUEST", "Pakistan", "Kabul")),
        (
            "The protesters demanded that the authorities release the students.",
            ("demanded", "REQUEST", "protesters", "authorities"),
        ),
        # "for" as a preposition governing the one asked, the requested act an infinitive beside it
        (
            "Australia has called for China and the Solomon Islands government to make the agreement public.",
            ("called", "REQUEST", "Australia", "China"),
        ),
        # "for" as the mark of the requested clause, the one asked its subject
        (
            "Rights groups called for the authorities to investigate the killings.",
            ("called", "REQUEST", "groups", "authorities"),
        ),
    ],
    cx.REQUESTED_RELATION: [
        ("Morocco called for improved ties with Algeria.", ("called", "REQUEST", "Morocco", "Algeria")),
        ("The Ukrainian opposition called for sanctions on Russia.", ("called", "REQUEST", "opposition", "Russia")),
    ],
    cx.PURPOSE_RECIPIENT: [
        ("Police used tear gas to disperse the protesters.", ("used", "ASSAULT", "police", "protesters")),
        ("Soldiers fired live rounds to disperse the crowd of students.", ("fired", "ASSAULT", "soldiers", "students")),
    ],
    cx.PARTICIPLE_AGENT: [
        (
            "Russia's economy has suffered under the sanctions imposed by the European Union on Moscow.",
            ("sanctions", "SANCTION", "European Union", "Russia"),
        ),
        ("Argentina remembers the curfew imposed by the army in 1976.", ("curfew", "COERCE", "army", "Argentina")),
    ],
    cx.ORDERING_AGENT: [
        (
            "Two Uyghur activists were deported on the orders of the Thai government.",
            ("deported", "COERCE", "Thai government", "Uyghur activists"),
        ),
        (
            "Three journalists were detained on the order of the interior ministry.",
            ("detained", "COERCE", "interior ministry", "journalists"),
        ),
    ],
    cx.SEIZED_STATE: [
        (
            "General Tiani seized power in a coup on Wednesday. Niger has had five coups since 1960.",
            ("seized", "COERCE", "Tiani", "Niger"),
        ),
        (
            "Ibrahim Traore grabbed power last year. Burkina Faso has since expelled French troops.",
            ("grabbed", "COERCE", "Ibrahim Traore", "Burkina Faso"),
        ),
        (
            "Colonel Mamady Doumbouya took power in September. Guinea has been under military rule since then.",
            ("took", "COERCE", "Doumbouya", "Guinea"),
        ),
    ],
    cx.RESTRICTED_OWN_STATE: [
        (
            "Thailand's army chief declared martial law on Tuesday.\n\nThailand has had a dozen coups since 1932.",
            ("declared", "COERCE", "army chief", "Thailand"),
        ),
        (
            "Sri Lanka's president declared a state of emergency after weeks of unrest.\n\n"
            "Sri Lanka has run out of foreign currency.",
            ("declared", "COERCE", "president", "Sri Lanka"),
        ),
        (
            "Ethiopia's cabinet extended the nation's state of emergency until June.",
            ("state", "COERCE", "cabinet", "Ethiopia"),
        ),
        (
            "Kazakhstan's president extended the nation's state of emergency until January.",
            ("state", "COERCE", "president", "Kazakhstan"),
        ),
        # the holder told with the restriction comes first: the occupier's own state would be wrong
        (
            "Russian occupation authorities extended Kherson's curfew until March.",
            ("curfew", "COERCE", "authorities", "Kherson"),
        ),
    ],
    cx.SCENE_VICTIM: [
        (
            "Police lobbed teargas canisters and arrested some Kenyans who had come out to protest.",
            ("lobbed", "ASSAULT", "police", "Kenyans"),
        ),
        (
            "Thousands of farmers protested in Delhi on Tuesday. Police fired tear gas.",
            ("fired", "ASSAULT", "police", "farmers"),
        ),
    ],
    cx.ANSWER_TO_REQUEST: [
        ("Germany asked Poland to return the documents. Poland refused.", ("refused", "REJECT", "Poland", "Germany")),
        ("Ukraine asked Germany to send more tanks, but Germany refused.", ("refused", "REJECT", "Germany", "Ukraine")),
        (
            "Poland accused Belarus of sending migrants to the border. Minsk denied it.",
            ("denied", "REJECT", "Belarus", "Poland"),
        ),
        (
            "A court in Ankara sentenced the mayor to two years in prison. The mayor denied wrongdoing.",
            ("denied", "REJECT", "mayor", "court"),
        ),
    ],
    cx.CLAIM_AUTHOR: [
        (
            "Poland said the fire was Belarus's doing. Belarus rejected the allegation on Tuesday.",
            ("rejected", "REJECT", "Belarus", "Poland"),
        ),
        (
            "Serbia's president said the explosion was the work of Kosovo. Kosovo dismissed the claim.",
            ("dismissed", "REJECT", "Kosovo", "president"),
        ),
        (
            # the claim's phrase names a city: the state it lies in, which the story names
            "Ukraine and Russia traded blame on Friday. Moscow rejected the allegations from Kyiv.",
            ("rejected", "REJECT", "Russia", "Ukraine"),
        ),
    ],
    cx.STATEMENT_FROM: [
        (
            # a carrier noun ("words of"), a "for" phrase (condemnation's own is "of"), and a possessor
            # written with a curly apostrophe: the recipient is the one whose act is condemned
            "Words of condemnation for the militia’s raids came from Benin and Togo.",
            ("condemnation", "ACCUSE", "Togo", "militia"),
        ),
        (
            # the "for" phrase the parse hangs on the carrier ("Messages ... for"), not on the noun
            "Messages of solidarity for Kenya’s government have come from Uganda, Rwanda and Tanzania.",
            ("solidarity", "SUPPORT", "Rwanda", "government"),
        ),
        (
            # the members an "including" list names on a group are makers too
            "Soldiers fired on striking miners in Potosi on Monday. Criticism came from several "
            "governments including Peru and Chile.",
            ("Criticism", "ACCUSE", "Peru", "Soldiers"),
        ),
        (
            # a long list the parse hangs as an apposition of its first item
            "Troops detained the president of Niger on Wednesday. Condemnation came from AU chairman "
            "Moussa Faki, the French foreign ministry and the European Commission.",
            ("Condemnation", "ACCUSE", "European Commission", "Troops"),
        ),
        (
            "Gunmen attacked a church in Marawi on Sunday. Condemnation came from Indonesia and Malaysia.",
            ("Condemnation", "ACCUSE", "Malaysia", "Gunmen"),
        ),
        (
            "Rebels shelled the town of Goma on Friday. Criticism poured in from Kenya and Uganda.",
            ("Criticism", "ACCUSE", "Kenya", "Rebels"),
        ),
    ],
    cx.ANNOUNCED_FORCE: [
        (
            "North Korea said it would attack the loudspeakers of the South Korean army along the border.",
            ("attack", "THREATEN", "North Korea", "army"),
        ),
        (
            '"We will strike the soldiers in Goma," rebel commander John Kabeya told reporters on Monday.',
            ("strike", "THREATEN", "Kabeya", "soldiers"),
        ),
    ],
    cx.VOWED_DEFIANCE: [
        (
            "The opposition asked President William Ruto to resign. Ruto vowed not to step down.",
            ("vowed", "REJECT", "Ruto", "opposition"),
        ),
        (
            "Protesters asked the electoral commission to resign on Monday. The electoral commission vowed to stay put.",
            ("vowed", "REJECT", "commission", "Protesters"),
        ),
        (
            "The senators asked the president to resign. The president vowed to stay in power.",
            ("vowed", "REJECT", "president", "senators"),
        ),
    ],
    cx.ALLEGED_ACT: [
        (
            "Governor Sharif Hotak alleged the central government was hiding the casualty figures.",
            ("alleged", "ACCUSE", "Hotak", "government"),
        ),
        (
            "The farmers complained that the government had failed to pay them.",
            ("complained", "ACCUSE", "farmers", "government"),
        ),
        (
            "The opposition claimed Russian troops attacked the village.",
            ("claimed", "ACCUSE", "opposition", "Russian troops"),
        ),
        (
            # a passive alleged clause accuses its by-agent, not its subject
            "The mayor alleged he was forced out by the governor.",
            ("alleged", "ACCUSE", "mayor", "governor"),
        ),
    ],
    cx.WARNED_OWN_SIDE: [
        (
            "The president warned the rebels that the army would crush any new attack.",
            ("warned", "THREATEN", "president", "rebels"),
        ),
        (
            "President Okello warned the French ambassador that his government would expel him.",
            ("warned", "THREATEN", "Okello", "ambassador"),
        ),
    ],
    cx.WARNED_PENALTY: [
        (
            "Kenya warned that Somalia would face consequences if it did not withdraw its troops.",
            ("warned", "THREATEN", "Kenya", "Somalia"),
        ),
        (
            "Washington warned Moscow it would pay a heavy price for any invasion.",
            ("warned", "THREATEN", "Washington", "Moscow"),
        ),
        (
            # review15: the one who would face it is threatened, not the one told
            "Tehran warned Washington that Israel would face consequences if it struck the reactor.",
            ("warned", "THREATEN", "Tehran", "Israel"),
        ),
    ],
    cx.COORDINATED_DEMAND: [
        (
            "The opposition said President Kabila had failed the country and should resign.",
            ("said", "REQUEST", "opposition", "Kabila"),
        ),
        (
            "The students chanted that the governor was stealing their money and must go.",
            ("chanted", "REQUEST", "students", "governor"),
        ),
    ],
    cx.STATED_CONCERN: [
        (
            "Washington is deeply concerned by China's military drills around Taiwan.",
            ("concerned", "ACCUSE", "Washington", "China"),
        ),
        (
            "The European Union is concerned that Russia has moved troops to the border.",
            ("concerned", "ACCUSE", "European Union", "Russia"),
        ),
        (
            "Germany was alarmed by the arrest of the journalists by Turkish police.",
            ("alarmed", "ACCUSE", "Germany", "Turkish police"),
        ),
    ],
    cx.STATED_RESPONSIBILITY: [
        (
            "The government said the rebels were responsible for the attack on the convoy.",
            ("said", "ACCUSE", "government", "rebels"),
        ),
        (
            "The ministry said Hamas was behind the rocket attacks.",
            ("said", "ACCUSE", "ministry", "Hamas"),
        ),
        (
            "Iran said the United States was to blame for the unrest.",
            ("said", "ACCUSE", "Iran", "United States"),
        ),
    ],
    cx.HELD_RESPONSIBLE: [
        (
            "Ukraine held Russia responsible for the strike on the dam.",
            ("held", "ACCUSE", "Ukraine", "Russia"),
        ),
        (
            "The opposition holds the electoral commission accountable for the delays.",
            ("holds", "ACCUSE", "opposition", "electoral commission"),
        ),
    ],
    cx.MANDATIVE_CLAUSE: [
        (
            "The EU insisted that Belarus release all political prisoners.",
            ("insisted", "REQUEST", "EU", "Belarus"),
        ),
        (
            "The bishops insisted that the government reopen the border with Rwanda.",
            ("insisted", "REQUEST", "bishops", "government"),
        ),
    ],
    cx.DEADLINE_GIVEN: [
        (
            "ECOWAS gave the junta 72 hours to hand over power.",
            ("gave", "THREATEN", "ECOWAS", "junta"),
        ),
        (
            "The opposition gave the government until Friday to resign.",
            ("gave", "THREATEN", "opposition", "government"),
        ),
    ],
    cx.CLEFT_DOER: [
        (
            "The rebel movement said it was the army that looted the market in Yei.",
            ("said", "ACCUSE", "rebel movement", "army"),
        ),
        (
            "It was the police who opened fire on the marchers, the opposition party told reporters.",
            ("told", "ACCUSE", "opposition party", "police"),
        ),
    ],
    cx.REPORTED_DEMAND: [
        (
            "The opposition said President Kabila must resign immediately.",
            ("said", "REQUEST", "opposition", "Kabila"),
        ),
        (
            "Senator Grace Mwangi said the electoral commission should recount the votes.",
            ("said", "REQUEST", "Mwangi", "commission"),
        ),
    ],
    cx.AT_REQUEST: [
        (
            "Rwanda sent soldiers to Mozambique at the request of President Filipe Nyusi.",
            ("request", "REQUEST", "Nyusi", "Rwanda"),
        ),
        (
            "Kenyan police officers flew to Haiti at the Haitian government's request.",
            ("request", "REQUEST", "Haitian government", "police"),
        ),
    ],
    cx.PRAISED_AS: [
        ("The EU called Kenya's decision courageous.", ("called", "SUPPORT", "EU", "Kenya")),
        (
            "The African Union described Ghana's election as a historic milestone.",
            ("described", "SUPPORT", "African Union", "Ghana"),
        ),
    ],
    cx.STATEMENT_PARTICIPLE: [
        (
            "The foreign ministry of Ghana issued a statement condemning Togo for the border closure.",
            # "the foreign ministry of Ghana" is Ghana's ministry (the actors' office-of-state)
            ("condemning", "ACCUSE", "foreign ministry", "Togo"),
        ),
        (
            # the parse hangs the participle on the statement's phrase ("a video on social media")
            "President Gustavo Petro posted a video on social media blaming the ELN for the bombing.",
            ("blaming", "ACCUSE", "Petro", "ELN"),
        ),
        (
            "The Catholic bishops released a letter urging President William Ruto to withdraw the tax bill.",
            ("urging", "REQUEST", "bishops", "Ruto"),
        ),
    ],
    cx.MUTUAL_FORCE: [
        (
            "Police used batons and pepper spray while demonstrators hurled stones.",
            ("hurled", "ASSAULT", "demonstrators", "police"),
        ),
        (
            "The police fired tear gas as protesters threw bottles.",
            ("threw", "ASSAULT", "protesters", "police"),
        ),
    ],
    cx.ANSWERED_ACT_AGENT: [
        (
            "The United States deployed warships off the coast on Monday. Venezuela vowed retaliation.",
            ("vowed", "THREATEN", "Venezuela", "United States"),
        ),
        (
            "Iran fired missiles at a base in Pakistan on Tuesday. Pakistan reserved the right to respond.",
            ("reserved", "THREATEN", "Pakistan", "Iran"),
        ),
        (
            "China sent warships near the island on Sunday. Taiwan, in retaliation, deployed its own warships.",
            ("deployed", "MOBILIZE", "Taiwan", "China"),
        ),
        (
            "Police fired tear gas at the crowd. Protesters responded by hurling stones.",
            ("hurling", "ASSAULT", "Protesters", "Police"),
        ),
        (
            "Belarus expelled two Polish diplomats on Monday. Warsaw reserved its right to an adequate response.",
            ("reserved", "THREATEN", "Poland", "Belarus"),
        ),
    ],
    cx.ADJUNCT_AGENT: [
        (
            "Twelve soldiers were killed in an attack by jihadists near the border.",
            ("killed", "ASSAULT", "jihadists", "soldiers"),
        ),
        ("Nine Palestinians were killed in an Israeli raid on Jenin.", ("killed", "ASSAULT", "Israel", "Palestinians")),
        ("Four soldiers were killed when militants stormed the base.", ("killed", "ASSAULT", "militants", "soldiers")),
        (
            "Four Ukrainian workers were hurt in a blaze caused by Russia's shelling.",
            ("hurt", "ASSAULT", "Russia", "workers"),
        ),
        # the other side of a fight told in its "with" phrase
        (
            "Three civilians were killed in an overnight clash with Pakistani forces.",
            ("killed", "ASSAULT", "Pakistani forces", "civilians"),
        ),
        (
            "Two soldiers were killed in clashes with Islamist militants near the border.",
            ("killed", "ASSAULT", "Islamist militants", "soldiers"),
        ),
    ],
    cx.EVALUATED_ACT_AGENT: [
        (
            "The European Union welcomed the release of the hostages by Hamas.",
            ("welcomed", "SUPPORT", "European Union", "Hamas"),
        ),
        ("Egypt condemned the bombing of the hospital by Israel.", ("condemned", "ACCUSE", "Egypt", "Israel")),
    ],
    cx.OPEN_NOMINAL: [
        (
            "The army fired on protesters in the capital on Monday. The army's crackdown continued on Tuesday.",
            ("crackdown", "COERCE", "army", "protesters"),
        ),
    ],
    cx.RETAKEN_FROM_TAKER: [
        (
            "Rebels captured the town of Bria in December. The army recaptured the town on Friday.",
            ("recaptured", "ASSAULT", "army", "Rebels"),
        ),
        (
            "Islamist militants seized the town of Kona on Thursday. By Sunday, government troops had "
            "taken the town back.",
            ("taken", "ASSAULT", "government troops", "Islamist militants"),
        ),
    ],
    cx.STORY_PROTESTERS: [
        (
            "Thousands of Bangladeshi protesters gathered outside parliament in Dhaka on Monday to demand the "
            "resignation of the Bangladeshi government. The protests continued on Tuesday.",
            ("protests", "PROTEST", "protesters", "Bangladeshi government"),
        ),
        (
            "Demonstrations against the Serbian government have taken place in Belgrade for ten days. "
            "Serbian demonstrators want early elections.",
            ("Demonstrations", "PROTEST", "demonstrators", "Serbian government"),
        ),
    ],
    cx.COORDINATED_PARTIES: [
        (
            "South Korean leader Yoon Suk Yeol and Japanese counterpart Fumio Kishida met at a summit in Tokyo on Thursday.",
            ("met", "CONSULT", "Kishida", "Yoon"),
        ),
        (
            "Iranian leader Ebrahim Raisi and Saudi counterpart Mohammed bin Salman met at a hotel in Riyadh on Monday.",
            ("met", "CONSULT", "Mohammed bin Salman", "Raisi"),
        ),
    ],
    cx.DESTINATION_STATE: [
        (
            "Mozambique faces an insurgency. Rwanda began deploying 1,000 soldiers to Cabo Delgado province on Friday.",
            ("deploying", "MOBILIZE", "Rwanda", "Mozambique"),
        ),
    ],
    cx.LISTED_SUBJECTS: [
        ("Israel, Hamas agree to ceasefire deal", ("agree", "AGREE", "Hamas", "Israel")),
        ("Armenia, Azerbaijan agree to resume talks", ("agree", "AGREE", "Azerbaijan", "Armenia")),
    ],
    cx.GERUND_ADJUNCT_SUBJECT: [
        (
            "Peru on Monday suspended talks with the Shining Path after blaming the rebel group for an ambush.",
            ("blaming", "ACCUSE", "Peru", "Shining Path"),
        ),
        (
            "Iran expelled two British diplomats a day after accusing Britain of spying.",
            ("accusing", "ACCUSE", "Iran", "Britain"),
        ),
    ],
    cx.PROTEST_TARGET_STATE: [
        (
            "Eswatini's government closed schools on Monday. Thousands of students protested in Mbabane.",
            ("protested", "PROTEST", "students", "government"),
        ),
        (
            "Kenya's government raised taxes in June. Kenyan teachers protested in Nairobi on Tuesday.",
            ("protested", "PROTEST", "teachers", "government"),
        ),
    ],
    cx.CONDEMNED_ACT_AGENT: [
        (
            "Militants attacked a school in Kebbi on Friday. Nigeria's president condemned the attack.",
            ("condemned", "ACCUSE", "Nigeria", "militants"),
        ),
        (
            "The army seized power in a coup on Sunday. The African Union condemned the coup.",
            ("condemned", "ACCUSE", "African Union", "army"),
        ),
    ],
    cx.COMMITTED_RELATION: [
        ("Morocco agreed to normalise ties with Israel.", ("agreed", "AGREE", "Morocco", "Israel")),
        ("Turkey pledged to normalise relations with Armenia.", ("pledged", "AGREE", "Turkey", "Armenia")),
    ],
    cx.STATED_READINESS: [
        ("Japan is willing to send more aid to Nepal.", ("willing to send", "AGREE", "Japan", "Nepal")),
        ("Canada stands ready to provide assistance to Haiti.", ("ready to provide", "AGREE", "Canada", "Haiti")),
        (
            "Australia is willing to withdraw its troops from Iraq.",
            ("willing to withdraw", "AGREE", "Australia", "Iraq"),
        ),
        ("Iran is ready to strike Israel.", ("ready to strike", "THREATEN", "Iran", "Israel")),
    ],
    cx.REFUSED_CONCESSION: [
        (
            "The junta said it would not release opposition leader Aung San Suu Kyi.",
            ("release", "REJECT", "junta", "Aung San Suu Kyi"),
        ),
        ("Ankara will not lift its embargo on Armenia.", ("lift", "REJECT", "Ankara", "Armenia")),
    ],
    cx.EVALUATED_MOVE_AGENT: [
        (
            "The government released 30 political prisoners on Friday. The opposition welcomed the move.",
            ("welcomed", "SUPPORT", "opposition", "government"),
        ),
        (
            "Kenya expelled two Somali diplomats on Monday. Somalia condemned the decision.",
            ("condemned", "ACCUSE", "Somalia", "Kenya"),
        ),
        (
            # the step named in a free relative ("what it called a ... ruling")
            "The court banned the party on Monday. The opposition slammed what it called a political ruling.",
            ("slammed", "ACCUSE", "opposition", "court"),
        ),
    ],
    cx.DENIAL_OF_SIDE: [
        (
            "Kyiv accused Russian troops of shelling the power plant. Russia denied any involvement.",
            ("denied", "REJECT", "Russia", "Ukraine"),
        ),
        (
            "Germany expelled two Russian diplomats on Wednesday. Russia denied any role in the killing.",
            ("denied", "REJECT", "Russia", "Germany"),
        ),
    ],
    cx.EVALUATED_RELATIVE_ACT: [
        (
            "Russian forces shelled the port of Odesa, which the United Nations condemned as a war crime.",
            ("condemned", "ACCUSE", "United Nations", "Russian forces"),
        ),
        (
            "North Korea fired a ballistic missile into the sea, which Japan condemned.",
            ("condemned", "ACCUSE", "Japan", "North Korea"),
        ),
    ],
    cx.EVALUATED_TOLD_ACT: [
        (
            "Police charged three opposition lawmakers with hate speech. Their lawyer called the charges unacceptable.",
            ("called", "ACCUSE", "lawyer", "Police"),
        ),
        (
            "The president declared martial law on Tuesday. Opposition leaders denounced the declaration.",
            ("denounced", "ACCUSE", "Opposition leaders", "president"),
        ),
    ],
    cx.REQUESTED_ACTION: [
        (
            "China repeated calls for the Philippines to remove a grounded warship from the shoal.",
            ("calls", "REQUEST", "China", "Philippines"),
        ),
        ("Kenya renewed its demand for Ethiopia to withdraw its troops.", ("demand", "REQUEST", "Kenya", "Ethiopia")),
    ],
    cx.RESPONSE_MEANS: [
        (
            "Belarus then responded with the expulsion of two Polish diplomats on March 11.",
            ("expulsion", "SANCTION", "Belarus", "Polish diplomats"),
        ),
        (
            "Police officers responded with tear gas against the protesters.",
            ("gas", "ASSAULT", "Police officers", "protesters"),
        ),
    ],
    cx.AGENT_DECIDES_FORCE: [
        (
            "At least 20 Somali soldiers were killed when al-Shabab raided a military base south of Mogadishu.",
            ("raided", "ASSAULT", "al-Shabab", "military"),
        ),
        ("Israel has carried out deeper raids into Lebanese territory.", ("raids", "ASSAULT", "Israel", "Lebanon")),
        (
            "Police in Georgia stormed the headquarters of the main opposition party on Monday.",
            ("stormed", "COERCE", "Police", "opposition party"),
        ),
    ],
    cx.HYPHEN_MEDIATOR: [
        ("A US-brokered truce ended the fighting in Sweida on Saturday.", ("brokered", "CONSULT", "US", None)),
        (
            "Armenia has announced a Russian-mediated cease-fire with Azerbaijan.",
            ("mediated", "CONSULT", "Russian", "Azerbaijan"),
        ),
    ],
    cx.QUOTED_PREDICATE: [
        (
            # the parse hangs the quoted adjectives on "decision" as its modifiers
            'In Moscow, Kremlin spokesman Dmitry Peskov called the ICC\'s decision "outrageous and unacceptable."',
            ("called", "ACCUSE", "Peskov", "ICC"),
        ),
    ],
    cx.MEDIATED_PARTIES: [
        (
            "The Taliban government said it had released two American citizens in a deal brokered by Qatar.",
            ("brokered", "CONSULT", "Qatar", "Taliban"),
        ),
        (
            "Sudan's army signed a humanitarian truce mediated by Saudi Arabia on Sunday.",
            ("mediated", "CONSULT", "Saudi Arabia", "Sudan's army"),
        ),
    ],
    cx.BY_GERUND: [
        (
            # the embassy's staff stand for the embassy (arguments._staff_institution)
            "Maduro responded by expelling employees of the Colombian embassy in Caracas.",
            ("expelling", "SANCTION", "Maduro", "Colombian embassy"),
        ),
        ("Protesters responded by hurling stones at the police.", ("hurling", "ASSAULT", "Protesters", "police")),
    ],
    cx.OCCURRING_EVENT: [
        (
            "Clashes erupted on Sunday between Hezbollah and the Israeli army near the border.",
            ("Clashes", "ASSAULT", "Hezbollah", "Israeli army"),
        ),
        (
            "Heavy fighting broke out in Khartoum between the Sudanese army and the Rapid Support Forces.",
            ("fighting", "ASSAULT", "Sudanese army", "Rapid Support Forces"),
        ),
    ],
    cx.CARRIED_ACT: [
        (
            "The Qatari emir launched a mediation effort between Ethiopia and Eritrea on Monday.",
            ("mediation", "CONSULT", "Qatar", "Eritrea"),
        ),
        (
            "Opposition parties launched a protest campaign against President Museveni.",
            ("protest", "PROTEST", "Opposition parties", "Museveni"),
        ),
        ("The European Union announced an aid package for Ukraine.", ("aid", "AID", "European Union", "Ukraine")),
    ],
    cx.GERUND_EVENT_NOUN: [
        (
            "Fighting between the Sudanese army and the Rapid Support Forces broke out in Khartoum on Saturday.",
            ("Fighting", "ASSAULT", "Sudanese army", "Rapid Support Forces"),
        ),
        (
            "Fighting between Hezbollah and the Israeli army raged along the border for a third day.",
            ("Fighting", "ASSAULT", "Hezbollah", "Israeli army"),
        ),
    ],
    cx.SHARED_PASSIVE_AGENT: [
        (
            "A Somali journalist was attacked and wounded by soldiers near the border on Monday.",
            ("attacked", "ASSAULT", "soldiers", "journalist"),
        ),
        (
            "Two reporters were beaten and detained by police outside the court on Friday.",
            ("beaten", "ASSAULT", "police", "reporters"),
        ),
    ],
    cx.STATE_ORGAN_HOLDER: [
        (
            "Ukraine said its navy would resist. Russian troops attacked Ukraine's Odesa navy base on Friday.",
            ("attacked", "ASSAULT", "Russian troops", "navy"),
        ),
    ],
    cx.FELLOW_VICTIMS: [
        (
            # with the rule off, state-authority takes a fellow detainee for the authority
            "Sudan's prime minister was detained in Khartoum on Monday along with several ministers, including "
            "the information minister.",
            ("detained", "COERCE", None, "prime minister"),
        ),
    ],
    cx.FINITE_BESIDE_INFINITIVE: [
        (
            "The Nigerian president told the army to halt operations and urged the rebels to surrender their weapons.",
            ("urged", "REQUEST", "president", "rebels"),
        ),
    ],
    cx.AIMED_RECIPIENT: [
        (
            "Turkey said it would respond. Syria's army fired artillery shells aimed at a radar station in Turkey "
            "on Monday.",
            ("fired", "ASSAULT", "army", "Turkey"),
        ),
        (
            # another participle of aiming, 'directed at'
            "Pakistan said it would respond. Indian troops fired mortar shells directed at a border post in "
            "Pakistan on Monday.",
            ("fired", "ASSAULT", "Indian troops", "Pakistan"),
        ),
    ],
    cx.PLACE_OF_OBJECT: [
        (
            "Ukraine said the fighting continued. Separatist fighters seized several villages around Luhansk on Sunday.",
            ("seized", "ASSAULT", "fighters", "Ukraine"),
        ),
        (
            # the parser hangs "near Kharkiv" on the verb
            "Ukraine's army said fighting continued. Russian troops seized several villages near Kharkiv on Sunday.",
            ("seized", "ASSAULT", "Russian troops", "Ukraine"),
        ),
        # the place noun's "of" phrase, read by host_state alone (violence9 had read it there with no
        # switch, beside this rule): with the rule off, no state
        (
            "Mali's army said it would respond. Jihadist fighters overran the town of Menaka on Sunday.",
            ("overran", "ASSAULT", "Jihadist fighters", "Mali"),
        ),
        # the same authority for where troops are sent (destination-state asks host_state)
        (
            "Somalia thanked its neighbours. Ethiopia sent troops to the port of Kismayo last week.",
            ("sent", "MOBILIZE", "Ethiopia", "Somalia"),
        ),
    ],
}

# Rules whose effect is an event that is *not* coded: rule -> [(text, (trigger, type, source, target))],
# absent with the rule on and coded with it off
SUPPRESSING = {
    cx.NEGATED_GOING_TO: [
        # a promise not to attack is no attack intended (nor, by its own agent, a threat)
        (
            "The Russian foreign minister said Russia is not going to attack Ukraine.",
            ("attack", "ASSAULT", "Russia", "Ukraine"),
        ),
    ],
    cx.SPORTING_CONTEST: [
        # a game won is no act of force between the states the teams are named after
        ("Nigeria beat Ghana 2-0 in the final of the African Cup.", ("beat", "ASSAULT", "Nigeria", "Ghana")),
        ("Brazil defeated Argentina in the World Cup qualifier.", ("defeated", "ASSAULT", "Brazil", "Argentina")),
    ],
    cx.ASSESSED_ACT: [
        # someone's fear, belief or hope of another's act is no threat or promise of that other
        ("The opposition fears the government will arrest its leaders.", ("arrest", "COERCE", "government", "leaders")),
        ("Protesters worry that police may open fire on them.", ("open", "ASSAULT", "police", "Protesters")),
        ("There were fears that troops would storm the parliament.", ("storm", "ASSAULT", "troops", "parliament")),
    ],
    cx.ASKED_ACT: [
        # a question asks whether an act happened; it does not tell it
        ("Did Russian troops attack the Ukrainian soldiers?", ("attack", "ASSAULT", "Russian troops", "soldiers")),
        ("Why would China invade Taiwan?", ("invade", "ASSAULT", "China", "Taiwan")),
        ("It is unclear whether police arrested the protesters.", ("arrested", "COERCE", "police", "protesters")),
    ],
    cx.ADVERSARY_NOT_RECIPIENT: [
        # a friendly act against someone is no offer, agreement or aid to them
        (
            "The army chief said the troops are ready to defend the border against Eritrea.",
            ("ready to defend", "AGREE", "troops", "Eritrea"),
        ),
        ("The European Union agreed on new sanctions against Russia.", ("agreed", "AGREE", "European Union", "Russia")),
        ("NATO vowed to defend its members against Russia.", ("vowed", "AGREE", "NATO", "Russia")),
    ],
    cx.PURPOSE_OF_FORCE: [
        (
            "Security forces in Conakry fired water cannon and stun grenades to disperse opposition supporters.",
            ("disperse", "COERCE", "Security forces", "opposition supporters"),
        ),
        (
            "Riot police in Nairobi fired pepper spray to disperse the students.",
            ("disperse", "COERCE", "police", "students"),
        ),
    ],
    cx.STANDING_BACKING: [
        ("Government forces backed by Russia shelled the town.", ("backed", "SUPPORT", "Russia", "forces")),
        ("The militias supported by Iran attacked the base.", ("supported", "SUPPORT", "Iran", "militias")),
    ],
    cx.DENIED_ACT: [
        ("Rwanda has denied supporting the M23 rebels.", ("supporting", "SUPPORT", "Rwanda", "M23")),
        ("Russia denied that its troops attacked the village.", ("attacked", "ASSAULT", "troops", None)),
        ("Kigali dismissed accusations that it supports the M23 rebels.", ("supports", "SUPPORT", "Rwanda", "M23")),
        # the act a light verb's object names is denied with it
        ("Rwanda's army denied carrying out the raids.", ("raids", "ASSAULT", "army", None)),
    ],
    cx.CONDITIONAL_ACT: [
        (
            "The rebels said they would withdraw if government troops attacked their positions.",
            ("attacked", "ASSAULT", "government troops", "rebels"),
        ),
        (
            "Unless the army releases the detainees, the opposition will boycott the talks.",
            ("releases", "RETREAT", "army", "detainees"),
        ),
        # an intention inside the condition is as conditional as a plain verb there
        ("If Germany really wants to help Ukraine, it should send more tanks.", ("help", "AID", "Germany", "Ukraine")),
    ],
    cx.REQUESTED_PATIENT: [
        (
            "Protesters demanded the reinstatement of the ousted prime minister.",
            ("demanded", "REQUEST", "Protesters", "prime minister"),
        ),
        (
            "The European Union demanded the release of the opposition leader Maria Kolesnikova.",
            ("demanded", "REQUEST", "European Union", "Kolesnikova"),
        ),
    ],
    cx.TAKEN_PLACE_NO_VICTIM: [
        (
            "Thousands of students marched in the capital on Monday, calling for the liberation of northern towns "
            "taken over by rebels.",
            ("taken", "ASSAULT", "rebels", "students"),
        ),
    ],
    # ("blocked X from marching" is now the lexicon's COERCE 191, which the detector is not asked about;
    # the cases are blockings the lexicon does not read)
    cx.DETECTED_FORCES_PROTEST: [
        (
            "Police blocked opposition supporters at the gates of the electoral commission.",
            ("blocked", "PROTEST", "Police", "opposition supporters"),
        ),
        (
            "Soldiers again blocked students on the road to the presidential palace.",
            ("blocked", "PROTEST", "Soldiers", "students"),
        ),
    ],
    cx.DOMESTIC_VISIT: [
        (
            "Kenya's interior minister visited the northern town of Garissa in Kenya on Monday.",
            ("visited", "CONSULT", "interior minister", "Kenya"),
        ),
    ],
    cx.TIME_PHRASE: [
        (
            "The German chancellor was touring Beijing at the time of the Taliban offensive.",
            ("touring", "CONSULT", "chancellor", "Taliban"),
        ),
    ],
    cx.COMMEMORATED_EVENT: [
        (
            "Thousands gathered on Sunday to mark the 30th anniversary of the army's massacre of students.",
            ("massacre", "ASSAULT", "army", "students"),
        ),
        (
            "The country marked the anniversary of Russia's invasion of Ukraine.",
            ("invasion", "ASSAULT", "Russia", "Ukraine"),
        ),
    ],
    cx.DEMANDED_CONTENT: [
        (
            "The opposition's demands include the release of political prisoners by the government.",
            ("release", "RETREAT", "government", "political prisoners"),
        ),
        (
            "The strikers' main demand is that the government withdraw the new tax.",
            ("withdraw", "CONCEDE", "government", None),
        ),
    ],
    cx.AWAITED_ACT: [
        ("The rebels want foreign troops to leave the country.", ("leave", "RETREAT", "foreign troops", None)),
        (
            "Students vowed to keep protesting until the president withdraws the bill.",
            ("withdraws", "CONCEDE", "president", None),
        ),
    ],
    cx.DESCRIBED_EVENT: [
        (
            "Egypt said the port agreement between Ethiopia and Somaliland was illegal.",
            ("agreement", "AGREE", "Ethiopia", "Somaliland"),
        ),
        ("Officials said the raid on the village by the army was a crime.", ("raid", "ASSAULT", "army", None)),
    ],
    cx.DEMANDED_OF_ANOTHER: [
        (
            "Protesters chanted that the governor should release the detained students.",
            ("release", "RETREAT", "governor", "detained students"),
        ),
        (
            '"The army must withdraw from the city," the opposition leader said.',
            ("withdraw", "RETREAT", "army", "opposition leader"),
        ),
    ],
    cx.RECIPIENTLESS_IN_STORY: [
        (
            "Police broke up the rally on Sunday. Dozens of students were detained. The opposition leader refused "
            "to concede on Monday.",
            ("refused", "REJECT", "opposition leader", None),
        ),
        (
            "The army deployed tanks in the capital. Residents stayed indoors. The rebels agreed to talk.",
            ("agreed", "AGREE", "rebels", None),
        ),
    ],
    cx.OWN_SIDE_CASUALTY: [
        # the listed losses of the agent's own side are not its victims
        (
            "Army troops retook the base on Friday, killing four rebels and a soldier.",
            ("killing", "ASSAULT", "troops", "soldier"),
        ),
        (
            "Fourteen al-Shabab fighters and three Somali soldiers were killed when al-Shabab attacked a base near "
            "Kismayo.",
            ("killed", "ASSAULT", "al-Shabab", "al-Shabab fighters"),
        ),
    ],
}

# A requested act must not also come out as done: (text, type that must be absent with the rule on)
NOT_DONE = [
    ("China repeated calls for the Philippines to remove a grounded warship from the shoal.", "COERCE"),
    ("Kenya renewed its demand for Ethiopia to withdraw its troops.", "RETREAT"),
    # an event noun inside an infinitive under a coded verb is that verb's content, not an act done
    ("The United Nations urged Israel and Hamas to hold talks.", "CONSULT"),
    ("Seoul, Beijing and Tokyo agreed to speed up preparations to resume their summit.", "CONSULT"),
]


# What detect12's senses over-reached to (review12): each sentence codes no event of the type, and each
# did on 8a7ea67. The rule or sense narrowed is named in the comment.
OVER_REACH = [
    # intensified-act: "keep" only with "up"; "sustain" is suffering an attack; an act as the subject
    ("Riot police kept the protest away from the parliament building.", "PROTEST"),
    ("Police kept the demonstration against the president peaceful.", "PROTEST"),
    ("The hospital sustained an airstrike by Russian jets overnight.", "ASSAULT"),
    ("The detention of the union leader intensified protests against the government.", "PROTEST"),
    # claimed-act: a denied or possible claim, and "bear responsibility", name no agent
    ("Hamas did not claim responsibility for the attack on the settlers.", "ASSAULT"),
    ("Russia may claim responsibility for the strike on the Ukrainian port, analysts said.", "ASSAULT"),
    ("The government must bear responsibility for the attacks on journalists, the union said.", "ASSAULT"),
    # symbol-protest: the state's agents disposing of symbols protest nothing
    ("Israeli police burned Palestinian flags confiscated at the march.", "PROTEST"),
    ("The new government tore down portraits of the ousted president.", "PROTEST"),
    # nor does burning what is no symbol: the learned detector no longer reads "burn" as PROTEST from
    # the symbol sense (dictionary.lexicon_type: none for a lemma that only adds uses to PETRARCH2)
    ("The soldiers burned photos of the victims to destroy evidence.", "PROTEST"),
    # forms from PLV_train: a place is no recipient; own drills; "let" + adjective; commercial gifts
    ("Pakistan announced a suspension of flights in Afghanistan after the crash.", "SANCTION"),
    ("The government announced a suspension of talks with the rebels.", "SANCTION"),
    ("Taiwan held military drills off its east coast.", "MOBILIZE"),
    ("The government will let free markets decide the price of fuel.", "RETREAT"),
    ("The company gave 5 million dollars to the senator's campaign.", "AID"),
]


@pytest.mark.parametrize("text,absent", OVER_REACH)
def test_detect12_senses_do_not_over_reach(code, text, absent):
    assert not any(e.type == absent for e in code(text, "2024-06-19").events)


@pytest.mark.parametrize(
    "text",
    [
        # a mobilisation at home joins no deployment abroad
        "Iranian troops arrived in Syria on Monday, a monitor said. Israel mobilised reservists the same day.",
        # a deployment with a place of its own joins no other
        "Russian troops arrived in Belarus on Monday for joint drills. Poland also deployed soldiers along its "
        "eastern border.",
    ],
)
def test_a_deployment_of_its_own_joins_no_other(code, text):
    doc = code(text, "2024-06-19")
    later = [e for e in doc.events if e.trigger.text in ("mobilised", "deployed") and e.target and doc.actor(e.target)]
    assert not {doc.actor(e.target).name for e in later} & {"Syria", "Belarus"}


@pytest.mark.parametrize(
    "text",
    [
        "The national airline suspended flights to Baghdad because of the virus outbreak.",
        "Austria halted flights to Tunis due to the storm.",
    ],
)
def test_a_commercial_or_safety_halt_is_no_sanction(code, text):
    # halted-flow (review12 12): a company's halt, or one for a non-political cause, sanctions no one
    assert not any(e.type == "SANCTION" for e in code(text, "2024-06-19").events)


def test_a_halt_of_a_flow_for_a_political_cause_is_still_a_sanction(code):
    doc = code("Norway halted arms exports to Turkey after the offensive in Syria.", "2024-06-19")
    assert any(e.type == "SANCTION" for e in doc.events)


def test_a_violated_truce_has_no_recipient_in_its_place(code):
    doc = code("Syrian rebels violated the truce in Syria on Sunday.", "2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    assert [names.get(e.target) for e in doc.events if e.type == "ASSAULT"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The government is not willing to negotiate with the rebels.",
        "If Japan is willing to send aid to Nepal, it should say so.",
        "Japan is willing to help.",
    ],
)
def test_no_readiness_is_stated_under_negation_or_a_condition_or_to_no_one(code, text):
    doc = code(text, "2024-06-19")
    assert not [e for e in doc.events if e.type in ("AGREE", "THREATEN", "CONSULT", "AID")]


def test_a_concession_that_did_not_happen_is_no_refusal(code):
    doc = code("Russia did not withdraw its troops from Moldova.", "2024-06-19")
    assert not [e for e in doc.events if e.type == "REJECT"]
    assert [e for e in doc.events if e.type == "RETREAT" and e.polarity == "negated"]


def test_the_refusal_of_a_release_is_coded_as_its_decline(code):
    doc = code("Russia said it would not withdraw its troops from Moldova.", "2024-06-19")
    assert [e.cameo for e in doc.events if e.type == "REJECT"] == ["1246"]


@pytest.mark.parametrize(
    "text",
    [
        "Western diplomats believe Iran is ready to strike Israel within days.",
        "Is Russia ready to negotiate with Ukraine?",
        "Analysts doubt that China is prepared to invade Taiwan.",
    ],
)
def test_a_readiness_someone_else_believes_or_asks_is_not_stated(code, text):
    # review13: stated-readiness codes only what the subject's side states, not a belief or a question
    assert not [e for e in code(text, "2024-06-19").events if e.type in ("AGREE", "THREATEN")]


def test_a_readiness_its_own_side_states_is_an_offer(code):
    doc = code("Kenya is ready to send more police officers to Haiti, its president said.", "2024-06-19")
    assert [e.type for e in doc.events if e.trigger.text.startswith("ready")] == ["AGREE"]


def test_a_feared_non_release_is_no_refusal(code):
    # review13: "may not" is a possibility others fear, not the agent's declared refusal
    doc = code("Opposition leaders fear the government may not release the detained activists.", "2024-06-19")
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_a_decision_told_as_a_refusal_is_the_step_a_later_evaluation_is_about(code):
    # review13: the refusal (refused-concession) is a step of its own, not a statement about another act
    story = (
        "Israel has held the prisoners since 2023. Israel will not release the prisoners, the prime minister "
        "said on Sunday. Hamas called the decision a crime."
    )
    doc = code(story, "2024-06-19")
    names = {a.id: a.name for a in doc.actors}
    assert [names.get(e.target) for e in doc.events if e.type == "ACCUSE"] == ["Israel"]


def test_kept_up_still_continues_the_act(code):
    doc = code("Opposition supporters kept up their protest against the president for a third week.", "2024-06-19")
    assert any(e.type == "PROTEST" and e.trigger.text == "protest" for e in doc.events)


def test_a_friendly_act_keeps_its_own_recipient_beside_its_adversary(code):
    # adversary-not-recipient takes only the "against" phrase: "help to Sudan" is still Sudan's, and a
    # concession undoes what was against its recipient ("lift sanctions against X" yields to X)
    assert found(
        code("Egypt offered help to Sudan against the rebels.", "2024-06-19"), ("offered", "AGREE", "Egypt", "Sudan")
    )
    lifted = code("Washington agreed to lift sanctions against Venezuela.", "2024-06-19")
    assert any(e.type == "CONCEDE" and names_actor(lifted, e.target, "Venezuela") for e in lifted.events)


def test_the_argument_chooser_does_not_add_the_adversary_of_a_friendly_act(code):
    # the learned chooser would otherwise fill the recipient the rule left empty with the one named
    # after "against" (adversary-not-recipient, argmodel.in_event_setting)
    doc = code("NATO vowed to defend its members against Russia.", "2024-06-19")
    assert not any(e.type == "AGREE" and names_actor(doc, e.target, "Russia") for e in doc.events)
    with cx.switched_off(cx.ADVERSARY_NOT_RECIPIENT):
        doc = code("NATO vowed to defend its members against Russia.", "2024-06-19")
        assert any(e.type == "AGREE" and names_actor(doc, e.target, "Russia") for e in doc.events)


def test_an_agents_own_expectation_and_a_plain_report_are_still_coded(code):
    # assessed-act leaves the agent's own expectation (its intention) and asked-act a told act
    own = code("Russia expects that it will sign a trade deal with China.", "2024-06-19")
    assert any(e.trigger.text == "sign" and names_actor(own, e.target, "China") for e in own.events)
    told = code("Police arrested the protesters on Sunday, but what happens next?", "2024-06-19")
    assert any(e.type == "COERCE" and e.trigger.text == "arrested" for e in told.events)


def test_force_at_a_game_is_still_force(code):
    # sporting-contest reads the clause's own "in" phrase and score: a beating during a match stays
    doc = code("Police beat 12 protesters during the match between the two clubs.", "2024-06-19")
    assert any(e.type == "ASSAULT" and names_actor(doc, e.source, "Police") for e in doc.events)
    # only a verb of winning tells a game: an attack in a match is violence at it (review14)
    doc = code("Hooligans attacked police officers in a league match in Zagreb on Saturday.", "2024-06-19")
    assert any(e.type == "ASSAULT" and e.trigger.text == "attacked" for e in doc.events)


def test_a_wh_question_in_the_past_presupposes_its_act(code):
    # "why did X do Y?" tells that X did Y; "why would X do Y?" asks about an act not done (review14)
    doc = code(
        "Why did the soldiers shoot the unarmed students? The opposition leader asked this in Dhaka.", "2024-06-19"
    )
    assert any(e.type == "ASSAULT" and e.trigger.text == "shoot" for e in doc.events)
    doc = code(
        "Why would the soldiers shoot the unarmed students? The opposition leader asked this in Dhaka.", "2024-06-19"
    )
    assert not any(e.type == "ASSAULT" and e.trigger.text == "shoot" for e in doc.events)
    # quoted, the question opens with a quotation mark, not with "why"
    doc = code(
        '"Why did the soldiers beat the students?" the opposition leader asked in Dhaka on Monday.', "2024-06-19"
    )
    assert any(e.type == "ASSAULT" and e.trigger.text == "beat" for e in doc.events)


def found(doc, expected) -> bool:
    trigger, etype, source, target = expected
    return any(
        e.trigger.text == trigger
        and e.type == etype
        and names_actor(doc, e.source, source)
        and names_actor(doc, e.target, target)
        for e in doc.events
    )


def test_every_rule_has_cases_and_an_example():
    assert not set(CASES) & set(SUPPRESSING)
    # the learned readings have their own tests: tests/events/test_detector.py, test_nominal_model.py;
    # the chooser's constraint audience-or-occasion has its cases in test_argmodel.py; the chooser's
    # recipient-one-sentence-back, in test_stage.py
    # no-event-sense, what the lexicon's "no event" contexts keep from the detector, in test_detector.py
    learned = {
        cx.DETECTOR,
        cx.LEARNED_NOMINAL,
        cx.AUDIENCE_OR_OCCASION,
        cx.RECIPIENT_ONE_SENTENCE_BACK,
        cx.NO_EVENT_SENSE,
    }
    assert set(CASES) | set(SUPPRESSING) == set(cx.RULES) - learned
    for rule in cx.RULES.values():
        assert rule.example and rule.why


def test_every_rule_has_a_row_in_the_docs_table():
    """docs/events.md's table of constructions names every registered rule (ninth session: 17 were
    registered with no row, among them all seven of targets9's), so a reader finds each rule by name."""
    table = (pathlib.Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text(encoding="utf-8")
    assert [name for name in cx.RULES if "| %s |" % name not in table] == []


@pytest.fixture(scope="module")
def rules_alone():
    """code(text, published) with the events stage's rules alone: the learned argument chooser
    (events/argmodel.py) may fill a role that a switched-off rule leaves empty, so what a rule itself
    does is seen without it."""
    from diurna.events.stage import EventStage
    from diurna.pipeline import Pipeline, default_stages

    stages = [EventStage(use_argument_model=False) if s.name == "events" else s for s in default_stages()]
    pipeline = Pipeline(stages=stages, default_pubdate="2024-06-19")
    return pipeline.code_text


@pytest.mark.parametrize("rule,text,expected", [(r, t, e) for r, cases in CASES.items() for t, e in cases])
def test_rule_codes_its_case_and_only_with_the_rule(code, rules_alone, rule, text, expected):
    assert found(code(text, "2024-06-19"), expected), "rule %s: %s" % (rule, expected)
    assert found(rules_alone(text, "2024-06-19"), expected), "rule %s, rules alone: %s" % (rule, expected)
    # the story-level fallbacks of events/agents.py may give an agentless clause the same agent from
    # another sentence's act ("when militants stormed the base" is itself an attack by the militants):
    # what the construction itself decides is seen with them off too; so is the learned nominal model,
    # which may code the same noun ("responded with the expulsion of") when the rule is off
    with cx.switched_off(rule, cx.LEARNED_NOMINAL), agents.switched_off(*agents.RULES):
        assert not found(rules_alone(text, "2024-06-19"), expected), "rule %s off, still %s" % (rule, expected)


@pytest.mark.parametrize("rule,text,expected", [(r, t, e) for r, cases in SUPPRESSING.items() for t, e in cases])
def test_rule_suppresses_its_case_and_only_with_the_rule(rules_alone, rule, text, expected):
    assert not found(rules_alone(text, "2024-06-19"), expected), "rule %s: still %s" % (rule, expected)
    with cx.switched_off(rule):
        assert found(rules_alone(text, "2024-06-19"), expected), "rule %s off, no %s" % (rule, expected)


@pytest.mark.parametrize("text,absent", NOT_DONE)
def test_requested_act_is_not_coded_as_done(code, text, absent):
    assert not any(e.type == absent for e in code(text, "2024-06-19").events)


def test_recipientless_events_are_kept_in_a_short_text_for_shows_of_force_and_on_request(rules_alone):
    from diurna.events.stage import EventStage
    from diurna.pipeline import Pipeline, default_stages

    story = "The army deployed tanks in the capital. Residents stayed indoors. The rebels agreed to talk."
    # a show of force is told with no one it is aimed at (recipientless-in-story keeps MOBILIZE)
    assert found(rules_alone(story, "2024-06-19"), ("deployed", "MOBILIZE", "army", None))
    # a sentence or two is no story: every event stays
    assert found(rules_alone("The rebels agreed to talk.", "2024-06-19"), ("agreed", "AGREE", "rebels", None))
    # a threshold the user sets (--min-confidence 0: every event) overrides the default withholding
    stages = [
        EventStage(use_argument_model=False, min_confidence=0.0) if s.name == "events" else s for s in default_stages()
    ]
    every = Pipeline(stages=stages, default_pubdate="2024-06-19").code_text(story, "2024-06-19")
    assert found(every, ("agreed", "AGREE", "rebels", None))
    assert every.article.events_withheld == 0
    # a stricter threshold is no request for every event: the recipientless one stays withheld
    stages = [
        EventStage(use_argument_model=False, min_confidence=0.01) if s.name == "events" else s for s in default_stages()
    ]
    strict = Pipeline(stages=stages, default_pubdate="2024-06-19").code_text(story, "2024-06-19")
    assert not found(strict, ("agreed", "AGREE", "rebels", None))
    assert strict.article.events_withheld >= 1


def test_switched_off_rejects_unknown_names():
    with pytest.raises(KeyError):
        with cx.switched_off("no-such-rule"):
            pass


def test_an_act_coded_with_its_recipient_is_not_given_a_second_one_from_the_story(code):
    # "took to the streets ... to protest against X": one protest, against X; the state's government
    # (protest-target-state) must not become the recipient of the targetless copy
    doc = code(
        "Iran's government called for rallies. Iranians took to the streets on Friday to protest "
        "against the U.S. decision.",
        "2024-06-19",
    )
    protests = [e for e in doc.events if e.type == "PROTEST"]
    government = {a.id for a in doc.actors if a.sector == "GOV"}
    assert protests and not any(e.target in government for e in protests)


def test_a_vow_to_stay_committed_or_engaged_is_no_defiance(code):
    # vowed-defiance reads staying as holding out only bare or in a place or office; staying in a
    # state ("committed to", "engaged in") is a cooperative vow, as it was before the rule
    for text in (
        "The government vowed to remain committed to the ceasefire with the rebels.",
        "Germany pledged to stay engaged in the peace talks with Iran.",
    ):
        vows = [e for e in code(text, "2024-06-19").events if e.trigger.text in ("vowed", "pledged")]
        assert vows and all(e.type == "AGREE" for e in vows), text


def test_who_announces_a_force_is_asked_of_the_quote_stage_and_the_shared_syntax(code):
    # announced-force keeps no speech-verb list or clause walk of its own: the quote stage's speaker
    # of the indirect quote, else nlp.syntax.clause_reporters under one of the quote stage's speech
    # verbs ("reiterate" among them)
    from diurna.events.candidates import _announcers

    doc = code("Hezbollah reiterated that it would strike the Israeli army.", "2024-06-19")
    strike = next(t for t in doc.spacy_doc if t.lower_ == "strike")
    hezbollah = {a.id for a in doc.actors if a.name == "Hezbollah"}
    assert hezbollah and hezbollah <= _announcers(doc, strike)
    doc.quotes = []  # without the quote, the clause's reporter alone
    assert hezbollah <= _announcers(doc, strike)
    decided = code("The army decided that it would strike the rebels.", "2024-06-19")
    decided.quotes = []
    assert not _announcers(decided, next(t for t in decided.spacy_doc if t.lower_ == "strike"))  # no speech


def test_not_hesitating_to_act_is_a_threat_only_when_the_act_is_hostile(code):
    doc = code("The United States said it will not hesitate to impose sanctions on North Korea.", "2024-06-19")
    assert any(e.type == "THREATEN" and e.trigger.text == "hesitate" for e in doc.events)
    assert not any(e.type == "SANCTION" for e in doc.events)  # threatened, not imposed
    doc = code("Japan will not hesitate to help Tonga.", "2024-06-19")
    assert not any(e.type == "THREATEN" for e in doc.events)


def test_a_promised_deployment_threatens_only_when_it_is_against_someone(code):
    doc = code("Uganda, Burundi and South Sudan have also pledged to send troops.", "2024-06-19")
    pledges = [e for e in doc.events if e.trigger.text == "pledged"]
    assert pledges and all(e.type == "AGREE" for e in pledges)  # a promise of help (PLOVER AGREE)
    doc = code("Kenya pledged to send 1,000 police officers to Haiti.", "2024-06-19")
    assert any(e.type == "AGREE" and e.trigger.text == "pledged" for e in doc.events)
    doc = code("Russia vowed to deploy troops against Ukraine.", "2024-06-19")
    assert any(e.type == "THREATEN" and e.trigger.text == "vowed" for e in doc.events)


def test_the_mediator_is_not_made_a_party_of_its_own_mediation(code):
    # mediated-parties reads the subject of the clause reporting the deal, never the mediator's own
    doc = code("The United Arab Emirates helped broker the exchange on Friday.", "2024-06-19")
    assert any(e.type == "CONSULT" and e.trigger.text == "broker" for e in doc.events)


def test_a_finite_light_verb_under_a_coded_verb_still_reports_its_act(code):
    # only an infinitive is its governor's content: "after the EU imposed sanctions" is an act of its own
    doc = code("China retaliated on Monday after the European Union imposed sanctions against China.", "2024-06-19")
    assert any(e.type == "SANCTION" and e.trigger.text == "sanctions" for e in doc.events)


def test_an_adjunct_of_a_promised_act_is_not_its_content(code):
    # "pledged to send ... during talks between Kenya and the US": the talks took place; only the infinitive's
    # object (or a further infinitive) is what was promised
    doc = code(
        "Kenya pledged to send police officers to Haiti during talks between Kenya and the United States.", "2024-06-19"
    )
    assert any(e.type == "CONSULT" and e.trigger.text == "talks" for e in doc.events)


def test_a_listed_casualty_of_the_other_side_is_still_a_victim(code):
    # own-side-casualty drops only the agent's own losses from the list
    doc = code("Army troops retook the base on Friday, killing four rebels and a soldier.", "2024-06-19")
    assert found(doc, ("killing", "ASSAULT", "troops", "rebels")), doc.events


def test_a_finite_verb_coordinated_with_a_denied_gerund_is_the_deniers_own_act(code):
    # the parser hangs "accused" on the denied gerund; the accusation is still made
    doc = code(
        "Rwanda's army denied carrying out the raids and accused Congo of shelling its border posts.", "2024-06-19"
    )
    assert found(doc, ("accused", "ACCUSE", "army", "Congo")), doc.events


def _parsed(nlp, rows):
    """A doc with the parse given (word, head index, dep, tag, pos, lemma): a misparse on demand."""
    words, heads, deps, tags, pos, lemmas = (list(column) for column in zip(*rows))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_the_participle_agent_reads_only_a_reduced_passive(nlp):
    # participle-agent asks the shared syntax toolkit (nlp/syntax.is_reduced_passive): a participle
    # with a direct object of its own is a finite verb misread as a modifier, whose by-phrase is no agent
    reader = NounEvents()
    reader.lexicon = TriggerLexicon.load()
    passive = [
        ("the", 1, "det", "DT", "DET", "the"),
        ("curfew", 1, "ROOT", "NN", "NOUN", "curfew"),
        ("imposed", 1, "acl", "VBN", "VERB", "impose"),
        ("by", 2, "agent", "IN", "ADP", "by"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("governor", 3, "pobj", "NN", "NOUN", "governor"),
    ]
    doc = _parsed(nlp, passive)
    assert reader._light_participle(doc[1]).text == "imposed"
    with_object = passive[:3] + [("fines", 2, "dobj", "NNS", "NOUN", "fine")]
    with_object += [(w, h + 1 if h > 2 else h, d, t, p, lem) for w, h, d, t, p, lem in passive[3:]]
    doc = _parsed(nlp, with_object)
    assert doc[3].dep_ == "dobj" and doc[6].head.text == "by"
    assert reader._light_participle(doc[1]) is None


def test_located_places_reads_a_things_phrase_not_a_clauses(nlp):
    # place-of-object: "the town of X" names where the thing is; a clause's "in" (the gerund the
    # parser makes the object of "on") says where its act happened, no place of the one acted on
    doc = nlp("Soldiers opened fire on students marching in the suburbs of Nairobi.")
    marching = next(t for t in doc if t.text == "marching")
    assert cx.located_places(marching) == []
    doc = nlp("Rebels shelled the town of Goma in North Kivu.")
    assert [t.text for t in cx.located_places(next(t for t in doc if t.text == "town"))][:1] == ["Goma"]


@pytest.mark.parametrize(
    "text,told",
    [
        ("The protests continued on Tuesday.", True),
        ("The protests were largely peaceful.", False),
        # a linking verb describes the protest told before (story-protesters): no second protest
        ("By night the protests turned violent.", False),
        ("The demonstrations grew larger on Sunday.", False),
    ],
)
def test_a_protest_described_by_a_linking_verb_is_no_protest_told(nlp, text, told):
    from diurna.events.nominal import _a_told_protest

    noun = next(t for t in nlp(text) if t.lemma_ in ("protest", "demonstration"))
    assert _a_told_protest(noun) == told


@pytest.mark.parametrize(
    "text,back",
    [
        ("The raid was a crime.", True),
        ("This agreement is illegal.", True),
        # a possessor or an indefinite article introduces the event: it is told here, and coded
        ("Oman's offer of talks was the first in years.", False),
        ("A raid on the camp was reported.", False),
    ],
)
def test_only_an_event_noun_that_points_back_is_one_already_told(nlp, text, back):
    from diurna.events.candidates import points_back

    noun = next(t for t in nlp(text) if t.dep_ in ("nsubj", "nsubjpass"))
    assert points_back(noun) == back


def test_a_claim_of_ones_own_sides_act_accuses_no_one(rules_alone):
    # alleged-act: "claimed" accuses only another side; the own side's act claimed is a claim of success
    own = rules_alone("The army claimed that its troops destroyed three rebel camps on Sunday.", "2024-06-19")
    assert not [e for e in own.events if e.type == "ACCUSE"]
    other = rules_alone("The government claimed that opposition militants attacked a police station.", "2024-06-19")
    assert found(other, ("claimed", "ACCUSE", "government", "opposition militants"))


def test_a_demanded_resignation_still_asks_the_one_who_should_resign(rules_alone):
    # requested-patient: only acts done to someone (release, removal ...) name no one asked
    doc = rules_alone("The opposition demanded the resignation of the interior minister.", "2024-06-19")
    assert found(doc, ("demanded", "REQUEST", "opposition", "interior minister"))


def test_a_bare_modifier_names_no_party_of_an_act_not_against_someone(rules_alone):
    """modifier-story-actor (its positive cases are in CASES): in "praised police reforms" the modifier
    names a domain, and the praise is no act against the police, so the story's police are no party."""
    doc = rules_alone("The police detained dozens on Monday. The government praised police reforms.", "2024-06-19")
    praised = [e for e in doc.events if e.trigger.text == "praised"]
    assert praised and all(not names_actor(doc, e.target, "police") for e in praised)


def test_a_counterfactual_non_release_is_no_refusal(code):
    # review13: "would not have released" says what pressure did, not a refusal
    doc = code("Without pressure from Washington, Iran would not have released the five Americans.", "2024-06-19")
    assert not [e for e in doc.events if e.type == "REJECT"]


def test_a_plain_report_or_ones_own_cleft_accuses_no_one(rules_alone):
    # cleft-doer: only the cleft blames; a report of another's act is the act (PLV_train, real-text
    # gold), and a cleft about the speaker's own side claims the act
    report = rules_alone("The army said militants attacked a border post on Sunday.", "2024-06-19")
    assert not [e for e in report.events if e.type == "ACCUSE"]
    own = rules_alone("The army said it was its own soldiers who arrested the smugglers.", "2024-06-19")
    assert not [e for e in own.events if e.type == "ACCUSE"]
    denied = rules_alone("The rebels denied it was their fighters who shelled the town.", "2024-06-19")
    assert not [e for e in denied.events if e.type == "ACCUSE" and e.trigger.text == "denied"]


def test_a_negated_cleft_clears_the_one_in_focus(rules_alone):
    # review15: "it was not the soldiers who ..." says the soldiers did not do it; the plain cleft accuses them
    text = "The opposition said on Sunday that it was %sthe soldiers who attacked the march in Kisumu. Two people were hurt."
    blamed = rules_alone(text % "", "2024-06-19")
    assert found(blamed, ("said", "ACCUSE", "opposition", "soldiers"))
    for negation in ("not", "never"):
        cleared = rules_alone(text % (negation + " "), "2024-06-19")
        assert not [e for e in cleared.events if e.type == "ACCUSE"], negation


def test_a_warning_of_anothers_act_or_of_no_penalty_threatens_no_one(rules_alone):
    # warned-own-side / warned-penalty: a warning that prices will rise, or that the rebels (no part of
    # the warner's side) will attack, is no threat by the warner
    prices = rules_alone("The finance minister warned that prices would rise.", "2024-06-19")
    assert not [e for e in prices.events if e.type == "THREATEN"]
    other = rules_alone("The general warned that the rebels would attack the capital.", "2024-06-19")
    assert not [e for e in other.events if e.type == "THREATEN" and e.trigger.text == "warned"]


def test_a_coordinated_passive_demand_asks_no_one_its_subject(rules_alone):
    # coordinated-demand: "has been detained and should be freed" is asked of the captor, not of the
    # one detained
    doc = rules_alone("Activists said the journalist had been detained by police and should be freed.", "2024-06-19")
    assert not [e for e in doc.events if e.type == "REQUEST" and names_actor(doc, e.target, "journalist")]


def test_concern_about_a_victim_or_a_topic_accuses_no_one(rules_alone):
    # stated-concern: the recipient is who did the act, never the one it was done to; a concern about
    # a topic names no one; an adjective that only modifies states no concern of anyone
    victim = rules_alone("Germany was alarmed by the arrests of the journalists.", "2024-06-19")
    assert not [e for e in victim.events if e.type == "ACCUSE" and names_actor(victim, e.target, "journalists")]
    topic = rules_alone("Kenyan voters are worried about the economy.", "2024-06-19")
    assert not [e for e in topic.events if e.type == "ACCUSE"]
    modifier = rules_alone("Concerned citizens met the governor of Nairobi on Monday.", "2024-06-19")
    assert not [e for e in modifier.events if e.type == "ACCUSE"]


def test_a_duty_or_ones_own_claim_of_responsibility_blames_no_one(rules_alone):
    # stated-responsibility: being responsible for a duty is no blame, and a group saying it was behind
    # an attack claims it
    duty = rules_alone("The ministry said the police were responsible for the security of the plants.", "2024-06-19")
    assert not [e for e in duty.events if e.type == "ACCUSE"]
    claim = rules_alone("Hamas said it was behind the rocket attacks.", "2024-06-19")
    assert not [e for e in claim.events if e.type == "ACCUSE"]


def test_a_demanded_release_is_not_coded_as_done(rules_alone):
    # mandative-clause: "insisted that Belarus release" asks it; no release by Belarus happened
    doc = rules_alone("The EU insisted that Belarus release all political prisoners.", "2024-06-19")
    assert not [e for e in doc.events if e.trigger.text == "release"]
    told = rules_alone("Jordan insisted that the exercises were not linked to Iraq.", "2024-06-19")
    assert not [e for e in told.events if e.type == "REQUEST"]


def test_the_act_a_deadline_asks_for_is_not_done(rules_alone):
    # deadline-given: no resignation happened, and the giver did not resign
    doc = rules_alone("The opposition gave the government until Friday to resign.", "2024-06-19")
    assert not [e for e in doc.events if e.trigger.text == "resign"]
    aid = rules_alone("The United States gave Ukraine two billion dollars to buy weapons.", "2024-06-19")
    assert not [e for e in aid.events if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        # review15: a blame denied, or said of what may happen, blames no one
        "The Ethiopian government said on Sunday it did not hold Eritrea responsible for the border clash.",
        "The Colombian president said on Sunday that the rebels were not responsible for the attack in Cali.",
        "The Haitian police chief said that gangs would be responsible for any attack on the airport.",
        "The Pakistani government said on Sunday it was not concerned by India's missile test.",
        # a thing's provision is no one's blame; a concern for people who do nothing hostile accuses no one
        "Peru's new law holds mayors accountable for illegal mining in their districts.",
        "The European Union is worried about refugees arriving from Libya, officials said on Sunday.",
    ],
)
def test_a_judgement_not_stated_as_actual_blame_accuses_no_one(rules_alone, text):
    doc = rules_alone(text, "2024-06-19")
    assert not [e for e in doc.events if e.type == "ACCUSE"]


def test_a_time_given_to_ones_own_side_is_no_ultimatum(rules_alone):
    # review15: deadline-given is a threat to another, not an instruction to one's own ministers
    own = rules_alone(
        "The president of Kenya gave his ministers two weeks on Sunday to submit their budget plans.", "2024-06-19"
    )
    assert not [e for e in own.events if e.type == "THREATEN"]
    other = rules_alone(
        "ECOWAS gave Niger's junta seven days on Sunday to restore the elected president.", "2024-06-19"
    )
    assert found(other, ("gave", "THREATEN", "ECOWAS", "junta"))


def test_what_the_asked_one_is_to_get_another_to_do_is_asked_not_done(rules_alone):
    # review15: "urged the EU to press Egypt to release prisoners" - the release is asked for, not done
    doc = rules_alone(
        "Rights groups urged the African Union on Sunday to press Ethiopia to release detained journalists.",
        "2024-06-19",
    )
    assert not [e for e in doc.events if e.type == "RETREAT" and e.modality == "actual"]
