"""Read interviewer feedback text into findings, offline, with a small documented lexicon.

``read_feedback`` splits the text into sentences, each sentence into clauses at contrast
words, and reads every clause against the lexicon below: skill cues (a phrase that names a
skill *and* a polarity, like "rambled"), skill topics (a phrase that names a skill, like "your
examples", whose polarity comes from the clause), general positive and negative words,
negators, hedges and intensifiers, and fit-factor phrases. ``docs/feedback_lexicon.md``
explains the rules with examples. No model, no network, no new dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assessment.models import Finding
from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS

# --------------------------------------------------------------------------------------------
# Lexicon. Every entry is a regular-expression fragment, matched on lower-cased text between
# word boundaries. Cues ("+" and "-") name a skill and a polarity; topic phrases and topic words
# name a skill and take their polarity from the clause; weak topics count only when nothing
# else in the clause names a skill. Earlier tiers claim their words first, so a phrase such as
# "explain why you want" is read as motivation and its "explain" is not read again.
# --------------------------------------------------------------------------------------------

SKILL_LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "communication": {
        "+": (
            r"articulate",
            r"concise(ly)?",
            r"to the point",
            r"easy to follow",
            r"well[- ](structured|organi[sz]ed|articulated|expressed)",
            r"(clear|strong|good|great|confident) communicator",
            r"communicated (very |really |so )?(well|clearly)",
            r"you (were|are) (very |really |always )?(clear|articulate|concise)",
            r"listened (carefully|well|closely)",
        ),
        "-": (
            r"rambl\w*",
            r"waffl\w*",
            r"verbose",
            r"long[- ]winded",
            r"(too|somewhat|a bit|a little|rather|quite|very|overly|slightly) "
            r"(long|brief|short|wordy|lengthy|terse)",
            r"(answers|responses|explanations) (were|was|felt|seemed) (\w+ )?"
            r"(long|lengthy|brief|short)",
            r"ran on",
            r"(hard|difficult) to follow",
            r"lost (track|the thread)",
            r"talk(ed|ing|s)? over",
            r"interrupt\w*",
            r"off (on )?tangents?",
            r"went off[- ]topic",
            r"terse",
            r"unstructured",
        ),
        "topic_phrases": (
            r"explain(ed|ing)? your (thinking|reasoning|approach|ideas|answers?)",
            r"(presented|expressed|put (across|forward)) your (ideas|points?|thoughts|views)",
            r"the way you (presented|expressed|put)",
        ),
        "topic_words": (
            r"communicat\w*",
            r"articulat\w*",
            r"explain\w*",
            r"explanations?",
            r"presentations?",
            r"listen\w*",
            r"verbal(ly)?",
            r"clarity",
        ),
        "weak": (r"answers?", r"responses?", r"answered", r"structure(d)?"),
    },
    "role_knowledge": {
        "+": (r"know(s)? (your|their|his|her) (stuff|onions|craft|field)",),
        "-": (r"out of (your|their) depth",),
        "topic_phrases": (
            r"technical (skills?|abilit(y|ies)|knowledge|expertise|depth|background|side)",
            r"(coding|programming|domain|sector|industry|product|functional|core) "
            r"(skills?|knowledge|sense|expertise)",
            r"(experience|familiarity) (with|in|of)",
            r"(understanding|grasp|command|knowledge) of",
            r"depth (in|of)",
            r"tech(nical)? stack",
        ),
        "topic_words": (
            r"knowledge",
            r"expertise",
            r"proficien\w*",
            r"know[- ]how",
            r"coding",
            r"fundamentals",
            r"(sql|python|java|javascript|typescript|react|aws|azure|gcp|excel|kubernetes|docker|"
            r"terraform|tableau|power bi|salesforce|sap|figma|statistics|accounting|bookkeeping|"
            r"payroll|tax|gdpr|compliance|regulations?|legislation|safeguarding|pharmacology|"
            r"machine learning|data modell?ing|financial modell?ing|seo|crm)",
        ),
        "weak": (
            r"deep(er)?",
            r"depth",
            r"skill ?set",
            r"skills?",
            r"technical(ly)?",
            r"experience",
            r"expert",
        ),
    },
    "problem_solving": {
        "+": (
            r"step by step",
            r"methodical(ly)?",
            r"logical(ly)?",
            r"structured approach",
            r"root cause",
        ),
        "-": (
            r"jump(ed|ing|s)? (straight )?(in )?to (a |the |your )?(solution|conclusion|answer)s?",
            r"(got|get|getting|became) stuck",
            r"stuck",
        ),
        "topic_phrases": (
            r"problem[- ]solving",
            r"system design",
            r"clarifying questions",
            r"trade[- ]?offs?",
            r"(case|system design|design|estimation|whiteboard|technical|logic) "
            r"(study|question|exercise|problem|task|round|case)s?",
            r"(break|broke|breaking|broken) (it |the problem |this )?down",
            r"way forward",
            r"approach(ed)? (to )?(the |this |that )?(problem|case|task|question|exercise)",
            r"(your|the) (thinking|reasoning|logic)",
        ),
        "topic_words": (
            r"problems?",
            r"reason(ed|ing)",
            r"analy(sis|ses|tical|tically|sed|zed|se|ze)",
            r"think(ing)? (it )?through",
            r"solutions?",
            r"framed|framing",
        ),
        "weak": (r"approach",),
    },
    "evidence": {
        "+": (r"quantif(ied|y|ying)",),
        "-": (
            r"vague(ly)?",
            r"generic",
            r"hypothetical",
            r"(said|used|saying|using) ['\"\u201c\u2018]?we['\"\u201d\u2019]?( a lot)?",
        ),
        "topic_phrases": (
            r"what you (personally|specifically|yourself|individually) (did|contributed|delivered)",
            r"(your|the) (own |specific |personal |individual )?contribution",
            r"star (method|format|structure)",
            r"track record",
            r"case studies",
            r"data points",
        ),
        "topic_words": (
            r"examples?",
            r"evidence",
            r"stor(y|ies)",
            r"specifics",
            r"results?",
            r"outcomes?",
            r"impact",
            r"metrics?",
            r"numbers",
            r"figures",
            r"measurable",
            r"portfolio",
            r"achievements?",
            r"accomplishments?",
        ),
        "weak": (r"detail(s|ed)?",),
    },
    "preparation": {
        "+": (
            r"(well|thoroughly|fully|clearly) (prepared|researched)",
            r"did (your|their) homework",
            r"read up",
            r"inside out",
        ),
        "-": (r"unprepared", r"under[- ]prepared", r"ill[- ]prepared"),
        "topic_phrases": (
            r"(knowledge|understanding|grasp|know|knew|research(ed)?) (\w+ ){0,3}"
            r"(our|the company's|the) (company|business|organi[sz]ation|firm|products?|brand|"
            r"customers|clients|competitors|roadmap|history|strategy|website|acquisition|"
            r"funding|annual report|results|plans)",
            r"(ask|asked|asking|had|have|has|prepared|brought|came with|come with) "
            r"(\w+ ){0,2}questions",
            r"questions (for us|at the end|prepared|about (the|our) \w+)",
            r"no questions",
            r"looked (at|into) (our|the company)",
            r"(our|the company's) (website|products?|product line|competitors|customers|clients|"
            r"roadmap|recent|annual report|brand|business model|pricing|funding|acquisition)",
            r"the brief",
        ),
        "topic_words": (
            r"research\w*",
            r"homework",
            r"prepar\w*",
        ),
        "weak": (),
    },
    "collaboration": {
        "+": (r"team player",),
        "-": (),
        "topic_phrases": (
            r"team ?work\w*",
            r"work(ed|ing|s)? (really |very |so )?(well |closely |effectively )?"
            r"(with|alongside) (others|other people|the other|colleagues|people|teams?|"
            r"stakeholders|remote|cross)",
            r"(bringing|brought|bring) (people |teams )?together",
            r"cross[- ]functional",
            r"(manag(e|ed|ing)|lead(ing)?|led) (a |the |your )?(people|teams?|staff|group|"
            r"squad|department|project|migration|programme|program|initiative)",
            r"people management",
            r"manag(erial|ement) (experience|skills?|style|responsibilit\w+)",
            r"group (exercise|task|discussion|activity)",
            r"((took|take|taking|showed|strong|clear|real) )?ownership"
            r"( of (the |your )?(outcomes?|results?|delivery|projects?|work))?",
            r"with others",
        ),
        "topic_words": (
            r"collaborat\w*",
            r"leadership",
            r"lead(ing|s)?",
            r"led",
            r"mentor\w*",
            r"coach(ed|ing)",
            r"ownership",
            r"stakeholders?",
            r"influenc\w*",
            r"delegat\w*",
        ),
        "weak": (),
    },
    "motivation": {
        "+": (
            r"enthusias\w*",
            r"passion(ate)?",
            r"genuine(ly)? (interest(ed)?|excite\w*|keen)",
            r"keen",
            r"eager\w*",
            r"shone through",
        ),
        "-": (r"(rehearsed|scripted|generic) (answer|reason|response)s?",),
        "topic_phrases": (
            r"(explain|say|tell us|articulate|convey|share) why you",
            r"why you('d|'ve|'re| had| have| would| were| are)? (\w+ ){0,2}(want|wanted|chose|"
            r"chosen|applied|apply|applying|interested|like|wished|decided|moving|leaving)",
            r"why (this|the|our) (role|company|position|sector|industry|team|job|organi[sz]ation)",
            r"why us",
            r"why here",
            r"why you want",
            r"interest(ed)? in (working|joining|the role|this role|the position|us|our|the job)",
            r"(your |the )?reasons? for (leaving|applying|moving|the move|wanting|joining)",
            r"(our|the company's) (mission|values|purpose)",
            r"commitment to",
            r"fit (for|with|into) (the |our )?(team |company )?(culture|values|mission|ethos)",
            r"(culture|cultural|values) fit",
        ),
        "topic_words": (
            r"motivat\w*",
            r"commitment",
            r"committed",
            r"energy",
            r"drive",
            r"excite\w*",
        ),
        "weak": (),
    },
    "composure": {
        "+": (
            r"calm(ly|ness)?",
            r"composed",
            r"poised?",
            r"self[- ]assured",
            r"relaxed",
            r"settled (in|down)",
            r"at ease",
            r"confident(ly)?",
            r"unflappable",
        ),
        "-": (
            r"nervous(ness)?",
            r"nerves",
            r"anxious",
            r"anxiety",
            r"flustered",
            r"rushed",
            r"hesitan(t|cy)",
            r"hesitat\w*",
            r"unsure of (yourself|himself|herself|themselves)",
            r"tense",
            r"panick\w*",
            r"defensive",
        ),
        "topic_phrases": (
            r"under pressure",
            r"(handle|handled|handling|cope with|coping with) (the )?pressure",
            r"presence",
        ),
        "topic_words": (r"composure", r"confidence"),
        "weak": (),
    },
}

FIT_FACTOR_LEXICON: dict[str, tuple[str, ...]] = {
    "other_candidate": (
        r"(another|other|different|stronger|more experienced|more senior|successful|selected|"
        r"chosen|preferred) (candidate|applicant|person|individual)s?",
        r"(candidate|applicant|person|someone|individual)s? (\w+ ){0,4}"
        r"(more|closer|better|stronger|greater|additional) "
        r"(\w+ ){0,3}(experience|match|fit|aligned|suited|skills|background)",
        r"(candidate|applicant|someone|person) (we|they) (selected|chose|hired|appointed|"
        r"offered)",
        r"(closer|better|stronger|closest|best) (match|fit) (to|for|with)",
        r"more closely (match|matches|matched|aligned|fits)",
        r"(went|gone|go|going|proceed|proceeding|move|moving) (forward |ahead )?with "
        r"(another|a different|an?other|someone else|a candidate|a stronger)",
        r"came down to (depth of |more |the |years of |direct )*experience",
        r"between you and (one |an?)?other",
    ),
    "internal_candidate": (
        r"internal(ly)?( candidate| applicant| hire| move| promotion)?",
        r"(someone|somebody|a person|a colleague|an employee) (already )?(working |employed )?"
        r"(in|at|within|on) (the|our) (department|team|company|organi[sz]ation|business|firm)",
        r"(existing|current) (employee|colleague|member of staff|team member|staff member)",
        r"colleague from (another|a different|an?other)",
        r"promot(ed|ing|e) from within",
        r"known contact",
        r"from within (the|our) (company|organi[sz]ation|business|team)",
    ),
    "role_changed": (
        r"on hold",
        r"(budget|hiring|headcount|recruitment) freeze",
        r"frozen",
        r"cancel+ed",
        r"cancel+ation",
        r"restructur\w*",
        r"re-?scop\w*",
        r"re-?organi[sz]\w*",
        r"(lost|lose|losing|cut|reduced|withdrawn|pulled) (its |the |our )?"
        r"(budget|funding|headcount)",
        r"(budget|funding|headcount) (for (the|this) (role|position) )?"
        r"(was|has been|had been|is being) (cut|reduced|withdrawn|pulled|frozen|removed)",
        r"no longer (hiring|recruiting|available|exists|going ahead|open)",
        r"(role|position|vacancy|job|opening) (has been|was|is being|had been) "
        r"(withdrawn|closed|removed|paused|eliminated|pulled|scrapped|put on pause)",
        r"(changed|change) the (scope|requirements) of the (role|position)",
    ),
    "compensation": (
        r"salary",
        r"salaries",
        r"pay (band|range|scale|grade|bracket)s?",
        r"compensation",
        r"remuneration",
        r"(day|hourly) rate",
        r"(package|pay) (you|expectations)",
        r"(financial|pay|package) expectations",
    ),
    "location": (
        r"relocat\w*",
        r"commut\w*",
        r"on[- ]site",
        r"in the office",
        r"office (\w+ )?days",
        r"(one|two|three|four|five|\d) days (a|per) week",
        r"visas?",
        r"sponsorship",
        r"right to work",
        r"(fully |work |working )remote(ly)?",
        r"remote(-| )(work|working|role|position|basis|option|setup|first)",
        r"hybrid",
        r"time ?zones?",
        r"shifts?",
        r"where you (are|were|live) based",
        r"(your|the) location",
        r"travel requirements?",
        r"(working|work) hours",
        r"schedule",
    ),
}

POSITIVE_WORDS: tuple[str, ...] = (
    r"strong(ly|er|est)?",
    r"strengths?",
    r"good",
    r"great",
    r"excellent",
    r"outstanding",
    r"exceptional(ly)?",
    r"impressive(ly)?",
    r"impressed",
    r"solid",
    r"clear(ly|er)?",
    r"(?<!as )well",
    r"thorough(ly)?",
    r"insightful",
    r"sharp",
    r"thoughtful(ly)?",
    r"convincing(ly)?",
    r"convinced",
    r"detailed",
    r"specific",
    r"concrete",
    r"deep(ly|er)?",
    r"depth",
    r"liked",
    r"loved",
    r"appreciated",
    r"fantastic",
    r"superb",
    r"brilliant(ly)?",
    r"first[- ]class",
    r"top[- ]notch",
    r"stellar",
    r"sufficient(ly)?",
    r"successful(ly)?",
    r"effective(ly)?",
    r"compelling",
    r"obvious(ly)?",
    r"came through",
    r"came across well",
    r"able",
    r"enough",
    r"comfortable",
    r"focused",
    r"structured",
    r"organi[sz]ed",
    r"knew",
    r"stood out",
    r"stand-?out",
    r"positive(ly)?",
    r"spot on",
    r"engaging",
    r"persuasive",
    r"genuine(ly)?",
    r"plenty",
    r"real asset",
    r"confidence in",
    r"highlights?",
    r"remarkable",
    r"high",
)

NEGATIVE_WORDS: tuple[str, ...] = (
    r"lack(ed|ing|s)?",
    r"limited",
    r"gaps?",
    r"weak(ness|nesses|er|est)?",
    r"unclear",
    r"unconvinc\w*",
    r"struggl\w*",
    r"difficult(y|ies)?",
    r"hard to",
    r"concerns?",
    r"concerned",
    r"issues?",
    r"poor(ly)?",
    r"insufficient(ly)?",
    r"shallow",
    r"missing",
    r"basic",
    r"doubts?",
    r"doubted",
    r"unsure",
    r"superficial",
    r"too",
    r"failed",
    r"unable",
    r"room for improvement",
    r"below",
    r"fell short",
    r"short of",
    r"inconsistent",
    r"confus\w*",
    r"worried",
    r"worr(y|ies)",
    r"off track",
    r"overly",
    r"dropped",
    r"red flags?",
    r"rehearsed",
    r"scripted",
    r"inexperience\w*",
    r"patchy",
    r"thin",
    r"incomplete",
    r"mistakes?",
    r"all over the place",
    r"frustrat\w*",
    r"errors?",
    r"ran out of time",
    r"needs? (some |more |a bit of |a little )?(work|improving|improvement|developing|development|"
    r"attention|strengthening|polish)",
    r"(an? )?areas? to (develop|improve|work on)",
)

# A negator flips the positive or negative words that follow it within a few words
# ("not as deep", "no concerns", "never doubted", "could be more structured"). A clause with
# a negator and no other evaluative word is a concern ("you didn't ask any questions").
NEGATORS: tuple[str, ...] = (
    r"not",
    r"no",
    r"never",
    r"nobody",
    r"none",
    r"nothing",
    r"neither",
    r"nor",
    r"without",
    r"hardly",
    r"barely",
    r"cannot",
    r"\w+n't",
    r"less",
    r"lack(ed|ing|s)?",
    r"absence of",
    r"missing",
    r"(could|should|would|might) (be|have been|have|do with|benefit from)"
    r"( a little| a bit| a touch| slightly| somewhat| much)?( more| better)?",
    r"(we'd|we would|i'd|i would|we'll|they'd|they would) (have )?(liked|like|love|wanted)"
    r"( to (see|hear))?( more)?",
    r"(needs?|needed) (to be )?(more|further|a bit more|a little more)",
    r"more (\w+ )?needed",
)
NEGATION_WINDOW_WORDS = 3

HEDGES: tuple[str, ...] = (
    r"a (little|bit|touch)",
    r"a little bit",
    r"somewhat",
    r"slight(ly)?",
    r"could (be|have been|have)",
    r"not quite",
    r"not always",
    r"at times",
    r"sometimes",
    r"occasionally",
    r"perhaps",
    r"maybe",
    r"marginally",
    r"some of (your|the)",
    r"a few",
    r"minor",
    r"not entirely",
    r"not fully",
    r"might",
)
STRONG_CONCERN: tuple[str, ...] = (
    r"significant(ly)?",
    r"major",
    r"serious(ly)?",
    r"severe(ly)?",
    r"fundamental(ly)?",
    r"critical(ly)?",
    r"considerabl[ey]",
    r"substantial(ly)?",
    r"really (lack\w*|struggl\w*|concern\w*|poor|weak)",
    r"completely",
    r"at all",
    r"extremely",
    r"big gaps?",
    r"large gaps?",
    r"very (nervous|weak|poor|limited|vague|shallow|basic|unclear)",
)
STRONG_STRENGTH: tuple[str, ...] = (
    r"outstanding",
    r"excellent",
    r"exceptional(ly)?",
    r"superb",
    r"brilliant",
    r"first[- ]class",
    r"top[- ]notch",
    r"stellar",
    r"remarkable",
    r"(very|really|extremely|exceptionally|particularly) (strong|impressive|impressed)",
    r"truly impressive",
)
# Set phrases that look evaluative but are only courtesy ("please don't hesitate to ask").
COURTESIES: tuple[str, ...] = (
    r"(don't|do not|dont) hesitate",
    r"(we|i)('re| are| am|'m) (\w+ )?(confident|sure|certain)",
    r"it (was|is|became) (very |quite )?clear (that|from)",
    r"as well as",
    r"(we|i) (wish|hope) you (well|all the best|every success)",
    r"no doubt",
)
# "We weren't convinced that ..." doubts everything said after it in the clause.
DOUBT_FRAMES: tuple[str, ...] = (
    r"(\w+n't|not|never) (\w+ ){0,2}(convinced|sure|certain|persuaded|clear)( that| whether| if)?",
    r"(we|i|they|the panel) (doubt|doubted|questioned|wondered) (that|whether|if)",
    r"unconvinced( that| whether| if)?",
    r"(unsure|uncertain) (that|whether|if)",
)
# Fit factors are dropped when the clause says they were not the issue.
FIT_FACTOR_DENIAL = (
    r"(not|\w+n't|never) (\w+ ){0,2}(an? )?(issue|problem|concern|factor|reason)"
    r"|no (issue|problem|concern)s?"
)

# Contrast: the clause after "but" / "however" / "yet" outweighs the one before; a clause
# opened by "although" / "though" / "while" / "whereas" gives way to the rest of the sentence.
_MAIN_MARKERS = r"but|however|yet|that said|on the other hand|nevertheless|having said that"
_CONCESSIVE_MARKERS = r"although|even though|though|whereas|while|whilst|despite"

# Abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    "e.g i.e mr mrs ms dr prof sr jr st vs etc approx incl dept no nos fig cf esp "
    "a.m p.m u.s u.k inc ltd co corp mt jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
RUN_ON_CHARS = 200  # a longer stretch without full stops is split on ";" then on " and <subject>"
HARD_WRAP_CHARS = 400  # anything still longer is cut at commas, then at spaces
WRAPPED_LINE_CHARS = 60  # a line this long without end punctuation may be hard-wrapped

# A heading such as "Strengths:" or "Areas to improve:" gives the polarity to the lines under
# it that name a skill without judging it ("- SQL", "- Communication").
GOOD_HEADINGS: tuple[str, ...] = (
    r"strengths?",
    r"positives?",
    r"pros",
    r"highlights?",
    r"what (went|you did) well",
    r"what (we|the panel|the team|they|i) liked",
    r"things you did well",
)
WORK_ON_HEADINGS: tuple[str, ...] = (
    r"areas? (for|of|to) (improvement|development|improve|develop|work on|focus|growth)",
    r"(development|improvement|growth) areas?",
    r"weakness(es)?",
    r"concerns?",
    r"cons",
    r"gaps",
    r"what could (be|have been|go) better",
    r"(things )?to (improve|work on|develop)",
    r"improvements?",
    r"even better if",
)

# --------------------------------------------------------------------------------------------
# Compiled forms.
# --------------------------------------------------------------------------------------------


def _words(fragments: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])(?:" + "|".join(fragments) + r")(?![\w'])")


@dataclass(frozen=True)
class _Entry:
    key: str
    polarity: int | None  # None: the polarity comes from the clause
    weak: bool
    pattern: re.Pattern[str]


def _build_entries() -> tuple[_Entry, ...]:
    tiers: list[list[_Entry]] = [[], [], [], []]
    for key, parts in SKILL_LEXICON.items():
        for polarity, name in ((1, "+"), (-1, "-")):
            if parts[name]:
                tiers[0].append(_Entry(key, polarity, False, _words(parts[name])))
        if parts["topic_phrases"]:
            tiers[1].append(_Entry(key, None, False, _words(parts["topic_phrases"])))
        if parts["topic_words"]:
            tiers[2].append(_Entry(key, None, False, _words(parts["topic_words"])))
        if parts["weak"]:
            tiers[3].append(_Entry(key, None, True, _words(parts["weak"])))
    return tuple(entry for tier in tiers for entry in tier)


_ENTRIES = _build_entries()
_FIT_PATTERNS = tuple((key, _words(FIT_FACTOR_LEXICON[key])) for key in FIT_FACTOR_KEYS)
_FIT_DENIAL = _words([FIT_FACTOR_DENIAL])
_ANY_FIT = _words(fragment for key in FIT_FACTOR_KEYS for fragment in FIT_FACTOR_LEXICON[key])
_ANY_SKILL = _words(
    fragment for parts in SKILL_LEXICON.values() for tier in parts.values() for fragment in tier
)
_DOUBT = _words(DOUBT_FRAMES)
_POSITIVE = _words(POSITIVE_WORDS)
_NEGATIVE = _words(NEGATIVE_WORDS)
_NEGATOR = _words(NEGATORS)
_HEDGE = _words(HEDGES)
_STRONG_CONCERN = _words(STRONG_CONCERN)
_STRONG_STRENGTH = _words(STRONG_STRENGTH)
_COURTESY = _words(COURTESIES)
_WORD = re.compile(r"[\w']+")
_PRONOUN_START = re.compile(r"(they|it|these|those|this|that)(?![\w'])")
_SPACES = re.compile(r"[\s\x00]+")
_BLANKED = re.compile(r"\x00+")
_TAG = re.compile(r"<[^<>\n]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")
_CLAUSE_SPLIT = re.compile(
    r" ?(?:;|:|\s[-\u2013\u2014]\s|, ?(?=(?:" + _MAIN_MARKERS + r")\b)|"
    r"(?<![\w'])(?=(?:" + _MAIN_MARKERS + r"|" + _CONCESSIVE_MARKERS + r")(?![\w'])))"
)
_LEADING_MAIN = re.compile(r"(?:" + _MAIN_MARKERS + r")(?![\w'])[\s,]*")
_LEADING_CONCESSIVE = re.compile(r"(?:" + _CONCESSIVE_MARKERS + r")(?![\w'])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(
    r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u2023\u25e6\u2013\u2014>]+|\(?\d{1,3}[.)]|\(?[a-z][)])[ \t]+"
)
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?:</?[a-z][^<>]{0,50}>)*(?=\s|<|$)"
    r"|<br\s*/?>|</(?:p|li|div|h[1-6]|tr|ul|ol|blockquote)>",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$")
_RUN_ON_AND = re.compile(
    r",?\s+and\s+(?=(?:you|your|we|i|they|it|there|the|he|she|our|their|this|that)\b)"
)
_LETTER = re.compile(r"[^\W\d_]")
_HEADING = re.compile(
    r"[\s*_#>]*(?:(?P<good>"
    + "|".join(GOOD_HEADINGS)
    + r")|(?:"
    + "|".join(WORK_ON_HEADINGS)
    + r"))[\s*_]*(?::|$)"
)


# --------------------------------------------------------------------------------------------
# Sentences.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    section: int  # +1 under a "Strengths:" heading, -1 under "Areas to improve:", else 0


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each as written (trimmed), bullet markers dropped.

    Splits at line breaks (a long line that ends without punctuation and a next line that
    starts in lower case are one wrapped sentence), at sentence-final punctuation that is not an
    abbreviation ("e.g.", "Mr."), after block tags such as ``</p>`` and ``<br>``, and splits
    long run-ons at ";", then " and <subject>", then commas.
    """
    return [sentence.text for sentence in _sentences(text)]


def _sentences(text: str) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    section = 0
    for start, end in _lines(text):
        heading = _HEADING.match(_analysable(text[start:end]))
        if heading:
            section = 1 if heading.group("good") else -1
        for s_start, s_end in _sentence_spans(text, start, end):
            for r_start, r_end in _run_on_spans(text, s_start, s_end):
                sentence = text[r_start:r_end].strip()
                if _LETTER.search(_TAG.sub(" ", sentence)):
                    sentences.append(_Sentence(sentence, section))
    return sentences


def _lines(text: str) -> list[tuple[int, int]]:
    """Line spans (bullet marker removed), with hard-wrapped continuation lines joined."""
    blocks: list[tuple[int, int]] = []
    position = 0
    previous_open = False  # the previous line looks wrapped and may continue on this one
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        position = match.end() if match else len(text)
        line = text[start:end]
        if not line.strip():
            previous_open = False
            continue
        bullet = _BULLET.match(line)
        if bullet:
            start += bullet.end()
        stripped = text[start:end].lstrip()
        if previous_open and not bullet and stripped[:1].islower():
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        previous_open = len(line.strip()) >= WRAPPED_LINE_CHARS and not _TERMINAL.search(line)
    return blocks


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    segment_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, segment_start, match.start()):
            continue
        spans.append((segment_start, match.end()))
        segment_start = match.end()
    spans.append((segment_start, end))
    return spans


def _is_abbreviation(text: str, segment_start: int, dot: int) -> bool:
    window = text[max(segment_start, dot - 12) : dot]
    found = _WORD_BEFORE.search(window)
    if not found:
        return False
    word = found.group(1).lower().strip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _run_on_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if end - start <= RUN_ON_CHARS:
        return [(start, end)]
    spans = _split_at(text, start, end, re.compile(r";"))
    spans = [part for s, e in spans for part in _split_long(text, s, e, _RUN_ON_AND)]
    spans = [part for s, e in spans for part in _split_long(text, s, e, re.compile(r","))]
    return [part for s, e in spans for part in _hard_wrap(text, s, e)]


def _split_long(
    text: str, start: int, end: int, separator: re.Pattern[str]
) -> list[tuple[int, int]]:
    if end - start <= RUN_ON_CHARS:
        return [(start, end)]
    return _split_at(text, start, end, separator)


def _split_at(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in separator.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def _hard_wrap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > HARD_WRAP_CHARS:
        cut = text.rfind(" ", start + RUN_ON_CHARS, start + HARD_WRAP_CHARS)
        if cut < 0:
            cut = start + HARD_WRAP_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


# --------------------------------------------------------------------------------------------
# Clauses and findings.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    text: str
    weight: int  # 2 after "but", 1 plain, 0 concessive ("although ...")


def _clauses(analysed: str) -> list[_Clause]:
    """Clauses at contrast words, each weighted for settling one skill read both ways.

    "A, but B": B outweighs A. "Although A, B": A gives way to B. A sentence-final
    "A, although B" reads like "A, but B": the afterthought is the point being made.
    """
    clauses: list[_Clause] = []
    for piece in _CLAUSE_SPLIT.split(analysed):
        piece = piece.strip(" ,")
        if not piece:
            continue
        main = _LEADING_MAIN.match(piece)
        concessive = _LEADING_CONCESSIVE.match(piece)
        if main:
            if piece[main.end() :]:
                clauses.append(_Clause(piece[main.end() :], 2))
        elif concessive and not clauses:
            head, comma, rest = piece.partition(",")
            clauses.append(_Clause(head, 0))
            if comma and rest.strip():
                clauses.append(_Clause(rest.strip(), 1))
        elif concessive:
            clauses.append(_Clause(piece[concessive.end() :].strip(" ,"), 2))
        else:
            clauses.append(_Clause(piece, 1))
    return clauses


def _analysable(sentence: str) -> str:
    """Lower-cased text, markup tags and courtesy phrases blanked out, spaces collapsed."""
    lowered = _SPACES.sub(" ", _TAG.sub(" ", sentence)).lower()
    lowered = lowered.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", _COURTESY.sub(" ", lowered))


def _negated(clause: str, position: int, negator_ends: Sequence[int]) -> bool:
    for end in negator_ends:
        if end > position:
            break
        between = clause[end:position]
        if "," not in between and len(_WORD.findall(between)) <= NEGATION_WINDOW_WORDS:
            return True
    return False


def _read_clause(clause: str, section: int = 0) -> tuple[dict[str, int], int, list[str]]:
    """Per-skill polarity in one clause, the clause's polarity, and the skills it names.

    ``section`` is the polarity of a heading above the clause ("Strengths:"), used when the
    clause names a skill without judging it.
    """
    doubt = _DOUBT.search(clause)
    negators = list(_NEGATOR.finditer(clause))
    if doubt:  # the doubt frame's own "not" is spent on the frame
        negators = [m for m in negators if not doubt.start() <= m.start() < doubt.end()]
    negator_ends = [m.end() for m in negators]
    negator_spans = [(m.start(), m.end()) for m in negators]
    doubt_end = doubt.end() if doubt else len(clause) + 1

    def signed(match: re.Match[str], sign: int) -> int:
        inside = any(s <= match.start() and match.end() <= e for s, e in negator_spans)
        if not inside and _negated(clause, match.start(), negator_ends):
            sign = -sign
        return -sign if match.start() >= doubt_end else sign

    claimed: list[tuple[int, int]] = []  # every lexicon match claims its words
    cue_spans: list[tuple[int, int]] = []  # only cues keep general words from counting again
    cue_polarity: dict[str, int] = {}
    topics: list[str] = []
    weak_topics: list[str] = []
    score = -1 if doubt else 0
    evaluative = 1 if doubt else 0
    for entry in _ENTRIES:
        for match in entry.pattern.finditer(clause):
            start, end = match.span()
            if any(start < e and s < end for s, e in claimed):
                continue
            claimed.append((start, end))
            if entry.polarity is not None:
                cue_spans.append((start, end))
                polarity = signed(match, entry.polarity)
                cue_polarity[entry.key] = cue_polarity.get(entry.key, 0) + polarity
                score += polarity
                evaluative += 1
            elif entry.weak:
                weak_topics.append(entry.key)
            else:
                topics.append(entry.key)
    for pattern, sign in ((_POSITIVE, 1), (_NEGATIVE, -1)):
        for match in pattern.finditer(clause):
            start, end = match.span()
            if any(start < e and s < end for s, e in cue_spans):
                continue
            if doubt and doubt.start() <= start < doubt.end():
                continue
            score += signed(match, sign)
            evaluative += 1
    if evaluative == 0 and negators:
        score = -1
    elif evaluative == 0:
        score = section
    clause_polarity = (score > 0) - (score < 0)

    found: dict[str, int] = {}
    for key, total in cue_polarity.items():
        if total:
            found[key] = 1 if total > 0 else -1
    if clause_polarity:
        named = topics or ([] if found else weak_topics)
        for key in named:
            found.setdefault(key, clause_polarity)
    return found, clause_polarity, list(found) or topics or weak_topics


def _intensity(clause: str, polarity: int) -> str:
    if polarity < 0:
        if _HEDGE.search(clause):
            return "hedged"
        if _STRONG_CONCERN.search(clause):
            return "strong"
        return ""
    return "strong" if _STRONG_STRENGTH.search(clause) else ""


def _skill_findings(sentence: str, analysed: str, section: int) -> list[Finding]:
    # key -> polarity -> (best weight, first clause index, intensity)
    seen: dict[str, dict[int, tuple[int, int, str]]] = {}
    previous_named: list[str] = []
    for index, clause in enumerate(_clauses(analysed)):
        carries_over = bool(previous_named and _PRONOUN_START.match(clause.text))
        if not carries_over and not _ANY_SKILL.search(clause.text):
            previous_named = []
            continue  # names no skill: nothing to read (the common case in long text)
        found, polarity, named = _read_clause(clause.text, section)
        if not found and polarity and carries_over:
            found = dict.fromkeys(previous_named, polarity)  # "..., but they were clear"
        previous_named = named
        for key, polarity in found.items():
            intensity = _intensity(clause.text, polarity)
            by_polarity = seen.setdefault(key, {})
            if polarity in by_polarity:
                weight, first, old = by_polarity[polarity]
                by_polarity[polarity] = (max(weight, clause.weight), first, old or intensity)
            else:
                by_polarity[polarity] = (clause.weight, index, intensity)
    findings = []
    for key, by_polarity in seen.items():
        top = max(weight for weight, _, _ in by_polarity.values())
        for polarity, (weight, first, intensity) in by_polarity.items():
            if weight == top:
                findings.append((first, Finding(key, polarity, sentence, intensity)))
    findings.sort(key=lambda item: item[0])
    return [finding for _, finding in findings]


def _fit_findings(sentence: str, analysed: str) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Fit-factor findings in order of appearance, and the spans of text that stated them."""
    found: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    if not _ANY_FIT.search(analysed):
        return [], spans
    offset = 0
    for clause in _clauses(analysed):
        offset = max(analysed.find(clause.text, offset), 0)
        if _FIT_DENIAL.search(clause.text):
            continue
        for key, pattern in _FIT_PATTERNS:
            for match in pattern.finditer(clause.text):
                found.setdefault(key, offset + match.start())
                spans.append((offset + match.start(), offset + match.end()))
    ordered = sorted(found, key=found.__getitem__)
    return [Finding(key, 0, sentence) for key in ordered], spans


def read_sentence(sentence: str, section: int = 0) -> list[Finding]:
    """The findings of one sentence: skill findings first, then fit factors.

    Words that state a fit factor ("came down to depth of experience") are not read again as a
    skill.
    """
    analysed = _analysable(sentence)
    fit_findings, fit_spans = _fit_findings(sentence, analysed)
    for start, end in fit_spans:
        analysed = analysed[:start] + "\x00" * (end - start) + analysed[end:]
    analysed = _BLANKED.sub(" ", analysed)
    return _skill_findings(sentence, analysed, section) + fit_findings


def read_feedback(text: str) -> list[Finding]:
    """Read feedback text into findings, one per skill (or fit factor) and polarity per sentence.

    Never raises on text: empty, very long, markup, no punctuation or another language give
    the findings that match (often none). ``quote`` is the sentence as written, trimmed.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    findings: list[Finding] = []
    for sentence in _sentences(text):
        findings.extend(read_sentence(sentence.text, sentence.section))
    return findings


# --------------------------------------------------------------------------------------------
# Ratings.
# --------------------------------------------------------------------------------------------

STRONG_CONCERN_RATING = 1
CONCERN_RATING = 2
STRENGTH_RATING = 3
STRONG_STRENGTH_RATING = 4


def suggested_rating(findings_for_one_skill: Iterable[Finding]) -> int | None:
    """The interviewer rating (1-4) the findings of one skill suggest, None when there are none.

    A concern outweighs any strength for the same skill: the interviewer's is the outside view,
    so when the feedback is mixed we err on the careful side and suggest the concern. A strong
    concern anywhere gives 1, otherwise any concern gives 2 (hedged or plain); strengths alone
    give 4 when one is strong, else 3. Fit factors (polarity 0) are ignored.
    """
    findings = [f for f in findings_for_one_skill if f.polarity]
    if not findings:
        return None
    concerns = [f for f in findings if f.polarity < 0]
    if concerns:
        if any(f.intensity == "strong" for f in concerns):
            return STRONG_CONCERN_RATING
        return CONCERN_RATING
    if any(f.intensity == "strong" for f in findings):
        return STRONG_STRENGTH_RATING
    return STRENGTH_RATING


def suggested_ratings(findings: Iterable[Finding]) -> dict[str, int]:
    """Suggested interviewer rating per skill key, in the skills' order, only skills found."""
    by_skill: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.key in SKILL_KEYS and finding.polarity:
            by_skill.setdefault(finding.key, []).append(finding)
    ratings = {}
    for key in SKILL_KEYS:
        if key in by_skill:
            rating = suggested_rating(by_skill[key])
            if rating is not None:
                ratings[key] = rating
    return ratings


def fit_factor_keys(findings: Iterable[Finding]) -> list[str]:
    """The fit-factor keys among the findings, once each, in the order of ``FIT_FACTOR_KEYS``."""
    present = {f.key for f in findings}
    return [key for key in FIT_FACTOR_KEYS if key in present]


# --------------------------------------------------------------------------------------------
# Scoring against a labelled set.
# --------------------------------------------------------------------------------------------

ALL_KEYS: tuple[str, ...] = SKILL_KEYS + FIT_FACTOR_KEYS


def score_labelled(rows: Iterable[Mapping[str, object]]) -> dict[str, object]:
    """Micro precision, recall and F1 over (sentence, key, polarity) triples, and counts per key.

    ``rows`` are ``{"sentence": str, "labels": [{"key": str, "polarity": int}, ...]}``.
    The result has ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``, ``sentences``,
    ``per_key`` (key -> {"tp", "fp", "fn"}) and ``errors`` (sentence, missed, extra).
    """
    per_key = {key: {"tp": 0, "fp": 0, "fn": 0} for key in ALL_KEYS}
    errors: list[dict[str, object]] = []
    sentences = 0
    for row in rows:
        sentences += 1
        sentence = str(row["sentence"])
        expected = {(str(label["key"]), int(label["polarity"])) for label in row["labels"]}  # type: ignore[union-attr,index]
        predicted = {(f.key, f.polarity) for f in read_feedback(sentence)}
        for key, _ in predicted & expected:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["tp"] += 1
        for key, _ in predicted - expected:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["fp"] += 1
        for key, _ in expected - predicted:
            per_key.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})["fn"] += 1
        if predicted != expected:
            errors.append(
                {
                    "sentence": sentence,
                    "missed": sorted(expected - predicted),
                    "extra": sorted(predicted - expected),
                }
            )
    tp = sum(counts["tp"] for counts in per_key.values())
    fp = sum(counts["fp"] for counts in per_key.values())
    fn = sum(counts["fn"] for counts in per_key.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "sentences": sentences,
        "per_key": per_key,
        "errors": errors,
    }
