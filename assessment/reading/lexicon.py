"""The feedback reader's lexicon: data only, read by ``assessment.reading.reader``.

Every entry is a regular-expression fragment, matched on lower-cased text between word
boundaries. Cues ("+" and "-") name a skill and a polarity; topic phrases and topic words name a
skill and take their polarity from the clause; weak topics count only when nothing else in the
clause names a skill. Earlier tiers claim their words first, so a phrase such as "explain why
you want" is read as motivation and its "explain" is not read again; a skill's "-" cues are
matched before its "+" cues ("too keen" before "keen"). Advice (``IMPERATIVE_STARTS``,
``ADVICE_FRAMES``), prefix negation (``NEGATING_PREFIXES``), requirement frames and template
placeholders are data here too. ``docs/feedback_lexicon.md`` explains the rules with examples.
"""

from __future__ import annotations

SKILL_LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "communication": {
        "+": (
            r"articulate",
            r"concise(ly)?",
            r"succinct(ly)?",
            r"to the point(?! of)",
            r"personable",
            r"likeable",
            r"(built|build|building|good|great|strong|easy|real|instant) rapport",
            r"easy to follow",
            r"well[- ](structured|organi[sz]ed|articulated|expressed)(?![\w ,]{0,30}(?<!\w)code)",
            r"(clear|strong|good|great|confident) communicator",
            r"communicated (very |really |so )?(well|clearly)",
            r"you (were|are) (very |really |always )?(clear|articulate|concise)",
            r"listened (carefully|well|closely|actively)",
            r"actively listen\w*",
            r"well[- ]spoken",
            r"friendly",
            r"convers(ed|es|ing) (easily|well|naturally|comfortably)",
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
            r"(didn't|did not|never|failed to|doesn't|does not) (\w+ ){0,2}answer(ed)? (the|my|our|"
            r"what was|each) (actual )?questions?",
            r"(aloof|arrogan\w*|know[- ]it[- ]all)",
            r"(wouldn't|would not|didn't|did not|couldn't|could not|never) stop talking",
            r"talk(ed|s|ing)? too much",
            r"(short|one[- ]word|monosyllabic|yes[- ]or[- ]no) (\w+ ){0,2}(answers|responses|replies)",
            r"(unnecessary|extraneous|excessive|irrelevant) (\w+ )?details?",
            r"too much (\w+ )?detail",
            r"over[- ]?explain\w*",
            r"rude(ly|ness)?",
            r"dismissive(ly)?",
            r"condescending",
            r"patroni[sz]ing",
            r"abrasive",
            r"jargon",
            r"buzz ?words?",
            r"(business|corporate)[- ]?speak",
            r"big words",
        ),
        "topic_phrases": (
            r"explain(ed|ing)? your (thinking|reasoning|approach|ideas|answers?)",
            r"(presented|expressed|put (across|forward)) your (ideas|points?|thoughts|views)",
            r"the way you (presented|expressed|put)",
            r"connect(ed|ing)? with (him|her|them|me|us|the (panel|interviewers?|room|audience))",
            r"rapport",
            r"answer(ed|ing)? the questions?",
            r"speech patterns?",
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
            r"(key|core|basic|fundamental|technical) concepts",
            r"(capable|qualified) (of|for) (doing )?(the|this) (job|role|work|position)",
        ),
        "topic_words": (
            r"knowledge",
            r"expertise",
            r"proficien\w*",
            r"know[- ]how",
            r"coding",
            r"code",
            r"fundamentals",
            r"bugs?",
            r"debug\w*",
            r"syntax",
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
            r"structured (approach|thinking|way of thinking)",
            r"root cause",
            r"rigou?r(ous|ously)?",
            r"(ask|asks|asked|asking) (\w+ ){0,2}clarifying questions",
        ),
        "-": (
            r"(jump|dove|dive|diving|rush|launch)(ed|ing|es|s)? (straight |right )?(into|in to|to) "
            r"(a |the |your )?(solution|conclusion|answer|coding|code|implementation)s?",
            r"(got|get|getting|became) stuck",
            r"stuck",
            r"(gave|give|giving|gives) up",
            r"(overlooked|missed|forgot|ignored) (\w+ ){0,3}(edge|corner) cases",
            r"guess(ed|ing|es)? (at )?(instead|rather) (of|than)",
            r"(need(ed)?|requir(e|ed)|took|asked for|with|after|gave|give|giving) (\w+ ){0,3}"
            r"(hints?|nudges?|prompting)",
        ),
        "topic_phrases": (
            r"problem[- ]solving",
            r"system design",
            r"clarifying questions",
            r"trade[- ]?offs?",
            r"edge cases?",
            r"clarif(y|ying|ied) (the )?(requirements|problem|question|scope|constraints|assumptions)",
            r"alternative (approaches|solutions|options|designs)",
            r"consider(ed|ing)? (\w+ ){0,2}(alternatives|options)",
            r"corner cases?",
            r"systems? thinking",
            r"first principles",
            r"decision[- ]making",
            r"(architectural|design|technical) decisions",
            r"(solve|solved|solving|tackle|tackled|tackling) (\w+ ){0,2}problems",
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
            r"hints?",
            r"scenarios?",
            r"assumptions",
            r"constraints",
        ),
        "weak": (r"approach(es)?",),
    },
    "evidence": {
        "+": (
            r"quantif(ied|y|ying)",
            r"(concrete|specific|tangible|measurable|quantified) (examples|results|outcomes"
            r"|achievements|impact)",
        ),
        "-": (
            r"no (dollar amounts|numbers|figures|metrics|data|timeframes?|team sizes"
            r"|concrete results|specifics)",
            r"what did (you|he|she|they) (actually|really|personally) do",
            r"vague(ly)?(?! ['\"\u201c\u2018])(?! (feedback|reasons?|rejection|e-?mail|message|reply|response from))",
            r"generic",
            r"hypothetical (answers?|responses?|examples?|stories)",
            r"(answers|responses|examples) (were|was|felt|seemed|stayed) (\w+ )?(theoretical|abstract)",
            r"(said|used|saying|using|say|says|use|uses) (the (term|word|words) )?"
            r"['\"\u201c\u2018]?we['\"\u201d\u2019]?( (and|or) ['\"\u201c\u2018]?they"
            r"['\"\u201d\u2019]?)?( a lot| too often| (all|most of) the time| instead)?",
            r"(refers?|referring|referred) to ['\"\u201c\u2018]?we['\"\u201d\u2019]?",
            r"what we did",
            r"(at|on) a (very |pretty |rather |fairly )?(general|high) level",
        ),
        "topic_phrases": (
            r"what (you|he|she|they|i) (personally|specifically|yourself|himself|herself|themselves|"
            r"individually) (did|contributed|delivered|achieved)",
            r"(your|his|her|their|my) (own )?(role|part|contribution) in",
            r"(your|the) (own |specific |personal |individual )?contribution",
            r"star (method|format|structure)",
            r"track record",
            r"case studies",
            r"data points",
            r"what (it was that )?(you|he|she|s/he|they) (actually |really |personally )?"
            r"(did|do|does|contributed|achieved)",
            r"(your|his|her|their) (own )?role in the (situation|project|team|work)",
            r"(situation|task),? (\w+ ){0,4}(action|actions)( (you|he|she|they) took)?,? (\w+ ){0,3}"
            r"results?",
            r"s-t-a-r",
        ),
        "topic_words": (
            r"examples?",
            r"evidence(?! of)",
            r"stor(y|ies)",
            r"specifics",
            r"results?",
            r"impact",
            r"metrics?",
            r"numbers",
            r"figures",
            r"measurable",
            r"achievements?",
            r"accomplishments?",
        ),
        "weak": (r"(?<!attention to )detail(s|ed)?",),
    },
    "preparation": {
        "+": (
            r"(well|thoroughly|fully|clearly) (prepared|researched)",
            r"(did|done|doing|does) (your|their|his|her|my) homework",
            r"researched (\w+ ){0,2}(me|us|our|the company|my company|the team)",
            r"(insightful|thoughtful|sharp|smart|intelligent|well[- ]researched) questions",
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
            r"without (a |any )?questions?",
            r"know (nothing|little|anything) about (the|our) (hiring )?(company|business|organi[sz]ation)",
            r"(know|knew|understand|understood|familiar\w* with)( \w+){0,3} (about )?(what )?"
            r"(we|the company|our company|our business|the business|our team) "
            r"(do|does|did|make|makes|sell|sells|offer|offers)",
            r"(read|looked at|look at|reviewed|studied) (the|our) (job description|website|"
            r"job spec|brief|materials)",
            r"looked (at|into) (our|the company)",
            r"(our|the company's) (\w+ )?(website|products?|product line|competitors|customers|clients|"
            r"roadmap|recent|annual report|brand|business model|pricing|funding|acquisition)",
            r"the brief",
        ),
        "topic_words": (
            r"research\w*",
            r"homework",
            r"prepar\w*",
            r"portfolio",
            r"cop(y|ies) of (your |his |her |their |my )?(cv|r[eé]sum[eé]|portfolio|work)",
        ),
        "weak": (),
    },
    "collaboration": {
        "+": (r"team player",),
        "-": (
            r"solo (developer|player|worker|operator)",
            r"lone wolf",
            r"(prefer\w* to |likes? to |rather )?work(s|ing)? alone",
            r"blam(ed|ing|es) (his|her|their|your|the) (\w+ )?(team|colleagues|manager|boss|"
            r"co-?workers|employer)",
            r"(avoid\w*|shirk\w*|deflect\w*|dodg\w*) (\w+ )?(responsibility|accountability|blame)",
            r"take (all )?the credit",
        ),
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
            r"credit (the|their|his|her|your) (\w+ )?(team|colleagues|co-?workers)",
            r"as a pair",
            r"pair(ed|ing)? (with|programming)",
            r"partner(ed|ing)? (well |closely |effectively )?(with|internally|externally|across)",
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
            r"(genuine|real|strong|clear|keen) interest",
            r"loves? what (they|he|she|you|i) do",
            r"curio(us|sity)",
            r"(really|truly|genuinely|clearly|actually) want(ed|s)? (the|this) (job|role|position)",
        ),
        "-": (
            r"(rehearsed|scripted|generic) (answer|reason|response)s?",
            r"(un|dis)interest(ed)?",
            r"lack(ed|ing)? (of )?interest",
            r"apath(y|etic)",
            r"indifferen(t|ce)",
            r"just want(ed|s)? (a|any) job",
            r"bored",
            r"disengaged",
            r"lukewarm",
            r"low[- ]energy",
            r"half[- ]hearted(ly)?",
            r"going through the motions",
            r"(too|overly|over)[- ]?(enthusias\w*|eager|keen|excited|energetic)",
            r"(don't|doesn't|didn't|do not|does not|did not) (really |seem to |seem to really )?care",
            r"(speak|spoke|speaks|speaking|talk|talks|talked|talking) (poorly|badly|negatively|ill) "
            r"(of|about)",
            r"bad[- ]?mouth\w*",
        ),
        "topic_phrases": (
            r"(explain|say|tell us|articulate|convey|share) why you",
            r"why (you|he|she|they|i)('d|'ve|'re| had| have| would| were| are| was| is)? (\w+ ){0,2}"
            r"(wants?|wanted|chose|chosen|applied|apply|applying|interested|like|wished|decided|"
            r"moving|leaving)",
            r"why (this|the|our) (role|company|position|sector|industry|team|job|organi[sz]ation)",
            r"why us",
            r"why here",
            r"why you want",
            r"interest(ed)? in (working|joining|the role|this role|the position|us|our|the job|"
            r"the opportunity|this opportunity|the program(me)?)",
            r"(your |the )?reasons? for (leaving|applying|moving|the move|wanting|joining)",
            r"(our|the company's) (mission|values|purpose)",
            r"commitment to",
            r"fit (for|with|into) (the |our )?(team |company )?(culture|values|mission|ethos)",
            r"(culture|cultural|values) fit",
            r"(really |truly |genuinely )?want(ed|s|ing)? (the|this) (job|role|position)",
            r"(really |truly |genuinely )?want(ed|s|ing)? to (join|work (here|for us|with us|at)|"
            r"be here)",
            r"care (about|for) (the|this|our|working|joining)",
            r"(seem|seemed|seems|appear|appeared|sound|sounded|came across as|come across as|"
            r"look|looked)( \w+){0,2} (interested|invested|engaged|excited|keen|committed)"
            r"(?! in (\S+ ){0,2}(answers|responses|questions|what))",
            r"fit in (well )?(with )?(the|our) (team|culture|company)",
            r"(long[- ]term|career) (goals|plans|fit|commitment)",
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
            r"fidget\w*",
            r"filler words?",
            r"(um+|uh+|er+m?)['\u2019]?s",
            r"timid\w*",
            r"shy",
            r"stiff",
            r"mumbl\w*",
            r"trembl\w*",
            r"shak(y|ing)",
            r"inaudible",
            r"(quiet|soft)(ly)? (voice|spoken)",
            r"(spoke|speak|speaks|speaking|talked|talking) (too |so |very |rather )?(quietly|softly)",
            r"tentative(ly)?",
            r"afraid",
            r"calm down",
            r"froze( up)?(?! (all |the |our |any |new )*(hiring|hires|recruit\w*|headcount|budget|"
            r"role|position|vacanc\w+))",
            r"(mind )?went blank",
            r"(too|overly|over)[- ]?confident",
            r"(talk|talks|talking|talked|spoke|speak|speaks|speaking) (too |so |very )?"
            r"(fast|quickly|loudly)",
        ),
        "topic_phrases": (
            r"under pressure",
            r"(handle|handled|handling|cope with|coping with) (the )?pressure",
            r"presence",
            r"eye[- ]contact",
            r"body language",
            r"posture",
            r"(your |my |his |her |their )?voice",
            r"(tone and )?volume",
            r"handshake",
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
        r"(closer|better|stronger|closest|best) (match|fit) (to|for|with)(?! your| you)",
        r"more closely (match|matches|matched|aligned|fits)(?! your| you)",
        r"(went|gone|go|going|proceed|proceeding|move|moving) (forward |ahead )?with "
        r"(another|a different|an?other|someone else|a candidate|a stronger)",
        r"came down to (depth of |more |the |years of |direct )*experience",
        r"between you and (one |an?)?other",
        r"(role|position|vacancy|job|opening|post)( \w+){0,3} (has|had|have) (now |already )?been "
        r"filled(?! internally| from within| by an? (internal|existing|current))",
        r"(picked|chose|chosen|selected|hired|appointed|went with|go with|offered it to) "
        r"(somebody|someone) else",
        r"(made|extended|offered) (an offer|the (role|position|job)) to",
        r"(more|better) qualified (candidates?|applicants?|people|individuals)",
        r"(we|they) (have )?(filled|hired for) (the|this) (role|position|vacancy)",
        r"(best|better|more closely) (meets?|matches|fits|suits) (the|our) (\w+ ){0,2}"
        r"(criteria|requirements|needs|brief)",
        r"equivalent (\w+ )?(candidates?|applicants?)",
        r"(candidate|someone|one|person) (who|that) (\w+ ){0,4}(can|could) start "
        r"(shortly|sooner|earlier|immediately|right away)",
    ),
    "internal_candidate": (
        r"internal (candidate|applicant|hire|move|promotion|transfer|colleague|person)s?",
        r"(someone|somebody|a person|one of our own|a colleague) internal(ly)?",
        r"(filled|hire|hired|hiring|promoted|promote|promoting|recruit\w*|appoint\w*|fill|go|went|"
        r"gone|going|decided to go|stay|look(ed)?) internally",
        r"(someone|somebody|a person|a colleague|an employee) (already )?(working |employed )?"
        r"(in|at|within|on) (the|our) (department|team|company|organi[sz]ation|business|firm)",
        r"(existing|current) (employee|colleague|member of staff|team member|staff member)",
        r"colleague from (another|a different|an?other)",
        r"promot(ed|ing|e) from within",
        r"known contact",
        r"from within (the|our) (company|organi[sz]ation|business|team)",
        r"(applicants?|candidates?|people|someone|a couple|several|some|one|two|three) "
        r"from within (the|our|this) \w+",
        r"(from|at) (his|her|their|my|our) (old|previous|former|last) "
        r"(company|firm|employer|team|job|workplace)",
        r"(friend|relative|sister|brother|son|daughter|nephew|niece|cousin)s? of (the|our) "
        r"(ceo|founder|owner|director|manager|boss)",
        r"(ceo|founder|owner|director|manager|boss)'s (friend|relative|sister|brother|son|daughter|"
        r"nephew|niece|cousin)",
    ),
    "role_changed": (
        r"on (hold|pause|ice)",
        r"(budget|hiring|headcount|recruitment) freeze",
        r"frozen",
        r"(froze|freez(e|es|ing)) (all |new |any |our )*(hiring|hires|recruit\w*|headcount|"
        r"the (role|position))",
        r"(funding|budget|headcount)( \w+){0,4} (fell through|dried up|disappeared|was pulled|"
        r"was withdrawn|was not approved|wasn't approved)",
        r"(hiring|recruitment|headcount|budget) (cuts?|freezes?|pause)",
        r"budget cuts?",
        r"(cut|removed|dropped) from (the|our|this year's) budget",
        r"(role|position|vacancy|job|opening|search|requisition|posting|recruitment|hiring|post)"
        r"( \S+){0,3} (has been |was |is being |had been |is |will be )?(cancel+ed|withdrawn|"
        r"closed|absorbed|eliminated|scrapped|paused|put on pause|redefined|re-?scoped|reshaped|"
        r"rethought|changed)",
        r"cancel+(ed|ing)? (the |this |our )?(role|position|vacancy|search|requisition|posting|"
        r"recruitment|hiring|opening)",
        r"paus(e|ed|es|ing) (this |the |our |all |any )?(search|hiring|recruit\w*|role|position|"
        r"process( for (the|this) (role|position))?)",
        r"(role|position|search|hiring|recruitment) restarts?",
        r"restart(ing)? (it|the (role|search|hiring|recruitment|position))",
        r"(absorbed|folded|merged) into",
        r"(kill|killed|pull|pulled|withdraw|withdrew|withdrawn) (the |this |our |some )?"
        r"(job|role|position|posting|req\w*|offers?|job offers?|opening)( posting)?",
        r"no (open |approved )?(requisition|headcount)",
        r"(decided|chose|chosen|decision) not to (fill|hire for|recruit for|go ahead with) "
        r"(the|this|that) (role|position|vacancy|post|opening)",
        r"(close|closed|closing) (the|this|that) (role|position|search|requisition|vacancy|opening)",
        r"no longer (need|require|have a need for|have the budget|have budget)",
        r"(position|role|post) (was |has been |is being )?(made redundant|eliminated|cut)",
        r"(postpon|suspend)\w* (\w+ ){0,2}(hiring|recruit\w*|the (role|position|search))",
        r"(hiring|recruitment|recruiting|the search) (has been |was |is )?(postponed|suspended)",
        r"budget(ary)? (constraints|cuts?|reasons|restrictions)",
        r"(business|budget|funding|organi[sz]ational|team) (needs|priorities|plans) "
        r"(have |has )?(changed|shifted)",
        r"priorities (have |had )?(shifted|changed)",
        r"re-?(evaluat|assess|think|defin)\w* (the |this |that )?(role|position|need|headcount)",
        r"restructur\w*(?! (of )?(the |our |your )?(compensation|pay|salary|package|offer|bonus))",
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
        r"changed the (position|role) to",
        r"(position|role|job|vacancy|post|opening)s? (is |was |are |were |has been |had been )?"
        r"(going away|terminated|axed|gone)",
        r"(terminate|terminated|axe|axed|eliminate|eliminated) (a|the|this|that|my) "
        r"(position|role|vacancy|job|opening|post)",
        r"rescind(ed|ing|s)? (the |my |your |an |their )?(job )?offer",
        r"(can't|cannot|could not|couldn't) afford to (pay|hire|fill)",
        r"(role|position|job|vacancy) (is |was |gets )?re-?opened",
        r"(if|when|once) (and when )?(we're|we are|we start|they're|they are) (hiring|recruiting) again",
        r"lost (\w+ ){0,3}(deals|funding|contracts?|clients?|investors?)",
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
        r"bonus(es)?",
        r"(the |our |pay |salary )?band for (this|the) (role|position)",
        r"(below |close to |meet |match |reach )?the (number|figure|amount|rate) you "
        r"(mentioned|asked for|quoted|gave|wanted|requested|discussed|named|are looking for)",
        r"wages?",
        r"(outside|above|beyond|over|exceed\w*) (of )?(our|the) (budget|range|band)",
        r"(budget|range|band) (we have |we had )?for (this|the) (role|position)",
        r"(rate|fee)s? (you|expectations)",
    ),
    "location": (
        r"relocat\w*",
        r"commut\w*",
        r"telecommut\w*",
        r"tele-?work\w*",
        r"work(ing)? from home",
        r"(that|so|too) far away",
        r"not local",
        r"(work|working) authori[sz]ation",
        r"location requirements?",
        # On-site and in-person only as an arrangement of the job, never "the onsite day".
        r"(work|working|be|being|based|fully|100%) (on[- ]?site|in[- ]person)",
        r"(on[- ]?site|in[- ]person) (role|position|job|requirements?|work|presence|basis"
        r"|attendance)",
        r"(\d|one|two|three|four|five) (on[- ]?site|in[- ]person|office) days",
        r"(days?|time|week) (in|at) the (\w+ )?office",
        r"(work|working|based) (in|at|from) (the|our) (\w+ )?office",
        r"(commute|commuting) (in)?to the office",
        r"(visa )?sponsorship",
        r"sponsor (you|your|a|the|their) (\w+ )?(visa|work permit)",
        r"work permit",
        r"(live|living|lives|based) (too )?far",
        r"(miles|km|kilometres|kilometers|hours?) away",
        r"office (\w+ )?days",
        r"(one|two|three|four|five|\d) days (a|per) week",
        r"visas?",
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
        r"(must|has to|have to|needs? to|required to) (now )?(live|be based|relocate) (in|near)",
        r"(nationals|foreigners|immigrants|citizens|citizenship|nationality)",
        r"(eu|uk|us|local) (candidates|applicants|residents)",
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
    r"relevant",
    r"evident",
    r"without (any |much |a |significant |major |further |needing |being )?"
    r"(help|hints?|prompt\w*|guidance|assistance|support|notes|hesitat\w*|breaking a sweat|"
    r"missing a beat)",
)

NEGATIVE_WORDS: tuple[str, ...] = (
    r"lack(ed|ing|s)?",
    r"limited",
    r"gaps?",
    r"weak(ness|nesses|er|est)?",
    r"unclear",
    r"unconvinc\w*",
    r"struggl\w*",
    r"difficult(y|ies)?(?! (problems?|questions?|tasks?|cases?|challenges?|stakeholders|customers|"
    r"clients|conversations|situations|people|colleagues))",
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
    r"missed",
    r"trouble",
    r"(?<!a )(?<!a very )little(?! bit)",
    r"(wasn't|weren't|isn't|aren't|was not|were not|is not|are not|not) (quite |yet |really |all )?"
    r"there( yet)?",
    r"hints?",
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
    r"(could|should) (be|have been|have|do with|benefit from)"
    r"( a little| a bit| a touch| slightly| somewhat| much)?( more| better)?",
    r"(would|might) (be|have been|have)( a little| a bit| a touch| slightly| somewhat| much)?"
    r" (more|better)",
    r"(would|might) (do with|benefit from)",
    r"fail(ed|s|ing)? to",
    r"unable to",
    r"(difficult(y|ies)|trouble|struggl\w*)( with| in)?",
    r"hard to",
    r"(we'd|we would|i'd|i would|we'll|they'd|they would) (have )?(liked|like|love|wanted)"
    r"( to (see|hear))?( more)?",
    r"(we|i|they|the panel|the team) (really )?(wanted|were hoping|hoped|expected) to (see|hear)"
    r"( more)?",
    r"(needs?|needed) (to be )?(more|further|a bit more|a little more)",
    r"more (\w+ )?needed",
    r"(need(ed|s)?|requires?d?|looking for|want(ed)?|seeking|prefer(red)?) "
    r"(someone|somebody|a candidate|a person|an individual|candidates|people) "
    r"(with|who (has|had|have))",
    r"(role|position|job|post) (requires?d?|needs?|needed|calls? for) (\w+ )?"
    r"(more|additional|further|deeper|stronger|broader)",
)

# "We needed someone with more X experience": a concern about the candidate's own X, not
# another candidate (the clause gives no other_candidate finding). The same phrase is a negator
# above, so "someone with stronger SQL" is a concern.
REQUIREMENT_FRAMES: tuple[str, ...] = (
    r"(need(ed|s)?|requires?d?|looking for|want(ed)?|seeking|prefer(red)?) "
    r"(someone|somebody|a candidate|a person|an individual|candidates|people) "
    r"(with|who (has|had|have))",
    r"(role|position|job|post) (requires?d?|needs?|needed|calls? for) (\w+ )?"
    r"(more|additional|further|deeper|stronger|broader)",
)

# Advice to improve is a concern about the skill it names, whatever praising word it uses
# ("practise summarising more concisely", "you should show more enthusiasm"). A clause is
# advice when it starts with an imperative to improve (IMPERATIVE_STARTS, after an optional
# "just", "please", "try to"; "keep your details up to date" is not one) or holds an advice frame.
IMPERATIVE_STARTS: tuple[str, ...] = (
    r"(?:(?:just|please|also|so|and|maybe|perhaps|next time|in future|in the future) )*"
    r"(?:try (?:to )?|remember to |make sure (?:to |you )?|aim to |be sure to )?"
    r"(?:practi[cs]e|work on|focus on|be (?:more|less|a bit|a little|ready|prepared)|avoid|"
    r"brush up|improve|slow down|quantify|lead with|"
    r"(?:show|use|give|bring|ask|speak|spend|make|add) (?:\w+ )?(?:more|fewer|less|better))",
)
ADVICE_FRAMES: tuple[str, ...] = (
    r"(you|he|she|they|i|candidates?) (\w+ )?(should|need(ed|s)? to|must|ought to|have to|"
    r"had to) (try to |really |also |be able to )?(\w+ )?(more|less|better|work on|improve|"
    r"practi[cs]e|focus|show|make|demonstrate|give|use|prepare|research|be)",
    r"(you|he|she|they|i) (could|can|might) (work on|improve|practi[cs]e|focus on)",
    r"(needs?|needing) to (work on|improve|practi[cs]e|focus on|be more|be less|develop|show|give|"
    r"highlight|demonstrate)",
    r"(i'd|i would|we'd|we would|i) (suggest|recommend|advise|encourage)",
    r"(my|our|one) (advice|suggestion|recommendation|tip)",
    r"(quick |one |top )?tips?",
    r"(told|said) (that )?i (could|should|need(ed)? to) (work on|improve|practi[cs]e)",
    r"for the future",
    r"next time",
    r"(additional|more|further|extra|deeper|stronger|broader) (\w+ ){0,4}(would|may|might|could) "
    r"(be|have been) (beneficial|helpful|useful|valuable|welcome)",
)

# Template placeholders ("[specific example]", "{{role}}") are read as nothing.
PLACEHOLDERS: tuple[str, ...] = (r"\[[^\[\]\n]{0,60}\]", r"\{\{[^{}\n]{0,60}\}\}")

# A praising word or topic with one of these prefixes is a concern: "unenthusiastic",
# "disorganised", "inarticulate", "ineffective", "irrelevant".
NEGATING_PREFIXES: tuple[str, ...] = ("un", "dis", "in", "im", "ir", "non-?")
# Praising words whose prefixed form judges no skill: "your application was unsuccessful" is
# the rejection itself.
NOT_PREFIX_NEGATED: tuple[str, ...] = (r"successful(ly)?",)

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
    r"your (background|qualifications|skills|experience|profile|credentials),? (and|or|&) "
    r"(your )?(background|qualifications|skills|experience|profile|credentials|achievements)",
    r"(not|n't|in no way|nothing)( \w+){0,2} (a )?(reflect(ion|s|ed)?|to do with|about) (on |of )?"
    r"(your )?(\w+ )?(skills|abilities|ability|experience|qualifications|talents?|capabilit\w+|"
    r"value|worth|potential|performance)",
    r"(thank(s| you)|appreciat\w*|grateful|value)( you)? (for )?(\w+ ){0,4}"
    r"(enthusiasm|passion|energy|effort)"
    r"( (you|that you) (put|invested|gave|brought|spent|devoted|dedicated|showed))?",
    r"(the |your )?time,? (and|&) (the |your )?(energy|effort|enthusiasm|commitment|interest)"
    r"|(the |your )?(energy|effort|enthusiasm|commitment|interest),? (and|&) (the |your )?time",
    r"(we|i)('d| would|'re| are|'m| am| were| was| will|'ll)( be| have been)?( very| really| so| "
    r"still| always| all)? (keen|eager|excited|enthusiastic|passionate|interested)",
    r"(match|matching|matches|suit|suits|suited to|fits?|align(s|ed)? with|aligned to) "
    r"your (\w+ )?(skills|experience|background|profile|qualifications|interests)",
    r"(thank(s| you)|appreciat\w*|grateful|value)( you)? (for )?(\w+ ){0,4}interest"
    r"((,| and| &) (your )?(enthusiasm|passion|energy|time|effort))?"
    r"( (you showed|in (\w+ ){0,4}(role|position|job|company|team|us|opportunity|vacancy)))?",
    r"(for )?being (so )?(upfront|open|honest|transparent|clear) (about|with) (us |me )?"
    r"((about )?(your|the) )?(\w+ ){0,2}(expectations|needs|situation|availability|plans)",
)
# "We weren't convinced that ..." doubts everything said after it in the clause.
DOUBT_FRAMES: tuple[str, ...] = (
    r"(\w+n't|not|never) (\w+ ){0,2}(convinced|sure|certain|persuaded|clear)( that| whether| if)?",
    r"(we|i|they|the panel) (doubt|doubted|questioned|wondered) (that|whether|if)",
    r"unconvinced( that| whether| if)?",
    r"(unsure|uncertain) (that|whether|if)",
    r"(didn't|did not|don't|do not|doesn't|does not|wasn't|was not) (really )?"
    r"(think|feel|believe|see|sense)( that)?",
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
