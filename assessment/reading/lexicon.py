"""The feedback reader's lexicon: data only, read by ``assessment.reading.reader``.

Every entry is a regular-expression fragment, matched on lower-cased text between word
boundaries. Cues ("+" and "-") name a skill and a polarity; topic phrases and topic words name a
skill and take their polarity from the clause; weak topics count only when nothing else in the
clause names a skill. Earlier tiers claim their words first, so a phrase such as "explain why
you want" is read as motivation and its "explain" is not read again. ``docs/feedback_lexicon.md``
explains the rules with examples.
"""

from __future__ import annotations

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
FIT_FACTOR_DENIAL: str = (
    r"(not|\w+n't|never) (\w+ ){0,2}(an? )?(issue|problem|concern|factor|reason)"
    r"|no (issue|problem|concern)s?"
)

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

# A clause that judges but names no skill and starts with one of these words takes the skills
# of the clause before it ("Your answers were long, but they were always clear").
CARRY_OVER_PRONOUNS: tuple[str, ...] = ("they", "it", "these", "those", "this", "that")
