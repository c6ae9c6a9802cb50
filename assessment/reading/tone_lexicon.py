"""The tone check's lexicon: data only, read by ``assessment.reading.tone``.

Each entry is a regular-expression fragment matched case-insensitively as whole words. In an
entry a space stands for "spaces or tabs, not a line break" and a straight apostrophe also
matches a curly one, so entries stay readable and a phrase never spans two lines (sentences
are split on line breaks); a space inside ``[...]`` is refused. Every entry carries its own
suggestion, written to answer that phrase. ``docs/tone_check.md`` explains the categories and
the traps.

Every pattern is linear: literal words, bounded repeats, no nested quantifiers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    category: str
    phrases: str
    suggestion: str
    negatable: bool = False  # skipped after "not", "never", ... ("I'm not angry")


# Two entries answer with the same line.
_HOW_DECIDED = (
    "I'd like to understand how the decision was made, so I can prepare better next time."
)

ENTRIES: tuple[Entry, ...] = (
    # --- defensive: arguing with the decision or the process -----------------------------
    Entry(
        "defensive",
        r"(?:never|not|wasn't|was not) (?:really )?(?:given|got|get|had|offered) "
        r"(?:a|the|any) (?:fair |real |proper )?(?:chance|opportunity|shot)",
        "I'd have liked the chance to say more about my experience; may I send one short example?",
    ),
    Entry(
        "defensive",
        r"(?:didn't|did not|wouldn't|would not) (?:even )?(?:give|let) me "
        r"(?:a (?:fair |real )?chance|finish|explain|answer|speak)",
        "There was one point I didn't get to finish; may I add a short note on it?",
    ),
    Entry(
        "defensive",
        r"(?:process|decision|system|interview|assessment|test|task) (?:is|was|seems|seemed) "
        r"(?:\w+ ){0,2}(?:unfair|biased|rigged|flawed|broken)",
        _HOW_DECIDED,
    ),
    Entry("defensive", r"unfair|biased|rigged", _HOW_DECIDED, negatable=True),
    Entry(
        "defensive",
        r"(?:that|this|it)(?:'s| is| was) (?:simply |just |absolutely |completely |totally )?"
        r"(?:not true|untrue|false|wrong|inaccurate|not accurate)|(?:isn't|wasn't) true",
        "I see some of my answers differently; could you tell me more about how they came across?",
    ),
    Entry(
        "defensive",
        r"you (?:obviously |clearly |evidently )?(?:didn't|did not|never|don't) (?:even )?"
        r"(?:read|look at|listen|check|bother)|(?:didn't|did not) even (?:read|look|listen|open)",
        "In case it helps, the project I mentioned is described on page 1 of my CV.",
    ),
    Entry(
        "defensive",
        r"(?:hard|difficult|impossible) to believe|I did everything right"
        r"|I (?:was|am) (?:a |the |an )?(?:perfect|ideal|obvious) (?:fit|match|candidate)"
        r"|(?:the |a )?perfect (?:resume|résumé|CV|cover letter)|(?:more|better) qualified than",
        "I'd value your view on where my experience fell short of what you need.",
    ),
    Entry(
        "defensive",
        r"(?:not|wasn't|isn't) my fault|I did nothing wrong|(?:you|they) can't blame me",
        "Some things were outside my control; I'd still value your view on what I can improve.",
    ),
    # --- angry: insults, outrage, swearing, threats --------------------------------------
    Entry(
        "angry",
        r"ridiculous|absurd|outrageous|unacceptable|unprofessional|appalling|disgraceful"
        r"|disgrace|shameful|disgusting|insulting|pathetic|distasteful|offensive|infuriating",
        "I was disappointed by how this was handled, and I'd appreciate a short explanation.",
        negatable=True,
    ),
    Entry(
        "angry",
        r"incompetent|idiots?|idiotic|stupid|morons?|moronic|clowns?|clueless|useless"
        r"|amateurs?|amateurish|rude|arrogant|liars?",
        "I'd have found clearer communication during the process helpful.",
        negatable=True,
    ),
    Entry(
        "angry",
        r"angry|mad|furious|livid|outraged|fuming|pissed(?: off)?|disgusted|appalled"
        r"|fed up|sick (?:and tired )?of",
        "I was disappointed by the outcome, and I'd like to learn from it.",
        negatable=True,
    ),
    Entry(
        "angry",
        r"(?:total|complete|absolute|such a|what a|(?:is|was) a) joke"
        r"|(?:a )?(?:complete |total |huge |utter )?waste of (?:my|our|everyone's) time"
        r"|how dare you|shame on you|you people",
        "This wasn't the outcome I hoped for, but thank you for letting me know.",
    ),
    Entry(
        "angry",
        r"bullshit|crap|damn|wtf|what the hell|screw (?:you|this)|f\*+k?(?:ing)?"
        r"|fuck\w*|shit(?:ty)?|ass(?: off)?|bastards?",
        "I'm disappointed, and I'd appreciate any feedback you can share.",
    ),
    Entry(
        "angry",
        r"enough is enough|burn(?:ing|ed|t)? (?:this|that|the|my|our) bridges?"
        r"|(?:don't|do not) want to be associated with",
        "I'm disappointed, but I'd like to leave on good terms.",
    ),
    Entry(
        "angry",
        r"(?:one|1|zero|0)(?:-| )star (?:review|rating)|name and shame",
        "If it's useful, I'm happy to share some feedback on the candidate experience privately.",
    ),
    # --- sarcastic: praise or thanks that mean the opposite ------------------------------
    Entry(
        "sarcastic",
        r"thanks (?:a lot |so much |very much |a bunch )?for (?:nothing|wasting|ghosting"
        r"|ignoring|stringing me along|leading me on|the runaround|keeping me waiting)",
        "Thank you for letting me know. I'd have welcomed an update sooner, but I appreciate "
        "the reply.",
    ),
    Entry(
        "sarcastic",
        r"(?:oh )?(?:great|wonderful|perfect|fantastic|brilliant|lovely|nice|awesome)"
        r"[,.!]* (?:yet another|another|just what|exactly what)",
        "Thank you for letting me know. Could you share any feedback on my interview?",
    ),
    Entry(
        "sarcastic",
        r"(?:yet another|another|an?) (?:informal |impersonal )?(?:form|automated|generic|canned"
        r"|template|copy-paste|cookie-cutter) (?:rejection|email|response|reply|letter|message)",
        "Thank you for letting me know. If there's any specific feedback, I'd value it.",
    ),
    Entry(
        "sarcastic",
        r"(?:clearly|obviously|evidently) you",
        "I'd like to understand what drove the decision, if you're able to share it.",
    ),
    Entry(
        "sarcastic",
        r"what a (?:surprise|shock|shocker)|big surprise|how convenient|yeah,? right"
        r"|who would(?:'ve| have) (?:thought|guessed)|sure you (?:did|do|are)"
        r"|good luck (?:finding|getting|hiring)|worth (?:so little|nothing)"
        r"|(?:I am|I'm|forever) in your debt|commend you for"
        r"|accept your (?:refusal|rejection)|your (?:continued )?(?:rejection|refusal) of"
        r"|(?:luck|success) (?:in|with) (?:rejecting|your (?:continued )?rejection)",
        "Thank you for letting me know. I'd appreciate any feedback you can share.",
    ),
    # --- pleading: emotional appeals instead of a concrete reason ------------------------
    Entry(
        "pleading",
        r"please,? please|please reconsider|I (?:really |desperately )?need this"
        r"(?: job| role| position| opportunity)?(?: so badly| so much)?",
        "If it helps, I'd be glad to send one concrete example of my work that fits this role.",
    ),
    Entry(
        "pleading",
        r"begging|I beg(?: you)?|(?:I'll|I will|I would|I'd) do anything|desperate(?:ly)?",
        "I'm still very interested in this role. If anything changes, I'd be glad to talk again.",
    ),
    Entry(
        "pleading",
        r"you won't regret|you will not regret|I won't let you down|I will not let you down"
        r"|don't give up on me|(?:give|grant) me (?:just )?(?:one more|another|a second) "
        r"(?:chance|shot|try)|(?:just )?one more chance",
        "I'd welcome the chance to be considered for future roles that fit my experience.",
    ),
    Entry(
        "pleading",
        r"work for free|work unpaid|(?:take|accept) (?:a |any )?(?:lower|reduced|any) "
        r"(?:salary|pay)|can't afford to lose|can't pay (?:my )?(?:rent|bills)"
        r"|savings are (?:almost |nearly )?gone|no other (?:offers|options)",
        "I'm keen to stay in touch and would be glad to hear about any future openings.",
    ),
)

# A negatable entry is skipped when one of these words (or any "n't") stands a few words
# before it in the same clause.
NEGATORS: frozenset[str] = frozenset({"not", "never", "no", "hardly", "nothing", "nor", "without"})

# --- the structural rules' words and suggestions ---------------------------------------------

EXCLAMATION_SUGGESTION = "One full stop reads calmer than several '!'."

# Only words of four or more letters with a vowel can count as shouting, so acronyms like
# SQL, HTML or GDPR never do; these are the common ones that would.
ACRONYMS: frozenset[str] = frozenset(
    {
        "ACME", "AGILE", "AJAX", "ASAP", "DEVOPS", "EMEA", "GOOGLE", "IELTS", "JAVA", "JIRA",
        "JSON", "LINUX", "MYSQL", "NASA", "NATO", "OKRS", "REACT", "REST", "RUBY", "SAAS",
        "SCRUM", "SOLID", "SWIFT", "TOEFL", "UCLA", "UNESCO", "UNICEF", "UNIX", "YAML",
    }
)  # fmt: skip
SHOUTING_SUGGESTION = "Writing in normal case reads calmer: state the point once, plainly."

# Short quoted words count as scare quotes only after one of these: your "feedback".
SCARE_QUOTE_DETERMINERS = r"your|the|this|that|these|those|so-called|such|a|an|their|my|his|her"
SCARE_QUOTE_SUGGESTION = (
    'Say it plainly without quotation marks, e.g. "I\'d value more detail on the feedback."'
)

# A public complaint threat: a future intent, a publishing verb and a public place or
# authority, all in one sentence ("I'll be posting a review on Glassdoor").
THREAT_INTENTS = (
    r"I(?:'|\u2019)ll|I will|I am going to|I(?:'|\u2019)m going to|I(?:'|\u2019)m gonna"
    r"|I plan to|I intend to|I(?:'|\u2019)d better|expect (?:a|my)"
)
THREAT_VERBS = (
    r"post(?:ing)?|review(?:ing)?|report(?:ing)?|tell(?:ing)?|warn(?:ing)?"
    r"|expos(?:e|ing)|complain(?:ing)?|writ(?:e|ing) about|shar(?:e|ing) (?:my|this|the) "
    r"(?:experience|story)|make sure (?:everyone|people|others)"
)
PUBLIC_PLACES = (
    r"glassdoor|linkedin|reddit|twitter|indeed|blind|facebook|tiktok|social media"
    r"|online|publicly|everyone|the press|your (?:ceo|boss|manager|director)|hr"
)
THREAT_SUGGESTION = (
    "If you'd like to share how the process felt, a private note is more likely to be heard: "
    "\"I'd be glad to give some feedback on the candidate experience, if that's useful.\""
)
