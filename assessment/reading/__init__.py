"""Reading text offline: the interviewer's feedback into findings, the user's own message for tone.

``sentences`` (cutting text into sentences and clauses, shared by both), ``reader`` (the
feedback reader) with its data in ``lexicon``, ``tone`` (the tone check) with its data in
``tone_lexicon``, and ``review`` (the Feedback page's rows of findings to keep, change or drop).
"""
