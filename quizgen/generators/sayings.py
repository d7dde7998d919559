"""Whether quoted words read as a saying a person could be recognised by (a clause with a finite
verb of its own, or a sentence-like exclamation or question), or as a fragment the reporter
quotes inside his own sentence: a label, a noun phrase, an infinitive cut out of his clause."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS
from quizgen.generators.verbs import AUX, PARTICIPLES, PAST, is_past, present_s

# a word of a subject that makes the next word a verb ("I think", "we need", "they went")
_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you", "it", "people"})
# words that follow a subject without being its verb ("people of …", "it and …")
_NOT_VERBS = frozenset({
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "as", "who",
    "that", "which", "whose", "than", "like", "all", "both", "themselves", "itself",
})  # fmt: skip
# words after which a verb form is the subject's verb ("it works", "this seems", "there stands")
_SUBJECT_WORDS = _SUBJECTS | frozenset({
    "this", "that", "there", "who", "which", "what", "one", "everyone", "everybody", "nobody",
    "someone", "somebody", "everything", "nothing", "something", "people",
})  # fmt: skip
# words before a noun: a verb form just after one is no verb ("the enforced …", "a shared …")
_DETERMINERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "my", "your", "some", "any", "no", "every", "each", "such", "another",
})  # fmt: skip
# words opening a clause that hangs on another (a relative or a subordinate clause): its verb
# is not the saying's own ("a deposit that extends …", "to show that it works")
_SUBORDINATORS = frozenset({
    "that", "which", "who", "whom", "whose", "where", "when", "because", "if", "unless",
    "while", "whereas", "although", "though", "since", "until", "whether",
})  # fmt: skip
# contractions that carry a finite verb ("it's", "don't", "we're", "I'm", "they've", "we'll")
_CONTRACTED = re.compile(r"(?:n't|'re|'m|'ve|'ll|'d)$")
_PRONOUN_IS = frozenset({
    "it's", "that's", "he's", "she's", "there's", "here's", "what's", "who's", "let's", "where's",
})  # fmt: skip
# how a reporter introduces words he quotes as a label or a description, not as a saying:
# "describes it as “…”", "called it “…”", "would be considered “…”", "dubbed “…”" ("such as"
# brings an example in, not a label)
_LABELLING = re.compile(
    r"(?:(?<!such)\s+as|\b(?:called|dubbed|termed|label(?:l?ed|s)|branded|considered|deemed|"
    r"named|calls?(?=\s+\w)|calling(?=\s+\w)|considers)"
    r"(?:\s+(?:it|them|him|her|this|that|these|those|itself|themselves))?)\s*$"
)
# what the speaker himself called his words ("uttered what he called “…”"): his own label
_OWN_LABEL = re.compile(r"\bwhat\s+\w+\s+(?:called|calls|dubbed|termed)\s*$")
_SEGMENTS = re.compile(r"[,;:()—–]|[.!?…]+(?:\s|$)|\s-\s")
_SENTENCES = re.compile(r"(?<=[.!?…])[”\"’']?\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTE_MARKS = "“”\"'‘’ "


def _words(text: str) -> list[str]:
    return [w.replace("’", "'").casefold() for w in _WORD.findall(text)]


# adverbs that stand between a subject and its verb ("they never wanted", "it also shows")
_ADVERBS = frozenset({"never", "not", "also", "just", "still", "always", "often", "even", "ever"})


def _adverb(word: str) -> bool:
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 4)


def _finite_in(words: list[str]) -> bool:
    """Whether a run of words (one clause, no relative clause) holds a finite verb."""
    for i, word in enumerate(words):
        if word in AUX or word in _PRONOUN_IS or _CONTRACTED.search(word):
            return True
        if word in PAST and word not in PARTICIPLES:  # "went", "took", "gave": past only
            return True
        before = [w for w in words[:i] if not _adverb(w)]  # "overwhelmingly voted", "never saw"
        prev = before[-1] if before else ""
        if prev in _SUBJECTS and word not in _NOT_VERBS:  # "I think", "people want"
            return True
        if not prev or prev in _DETERMINERS:  # "the enforced …", "an easily eroded …"
            continue
        verbish = is_past(word) or present_s(word)
        if verbish and (prev in _SUBJECT_WORDS  # "it works", "the team wins"
                        or (len(before) >= 2 and before[-2] in _DETERMINERS)):
            return True
    return False


def _has_clause(sentence: str) -> bool:
    """Whether a sentence has a finite verb outside its relative and subordinate clauses: its
    segments (between commas, dashes, brackets) are cut again at a subordinating word that
    follows another word ("a deposit | that extends …"); a segment opening on one hangs on
    another, unless it opens the sentence on a verb ("That is …", "Who knows …")."""
    for n, segment in enumerate(_SEGMENTS.split(sentence)):
        words = _words(segment)
        cut = next((i for i, w in enumerate(words) if i and w in _SUBORDINATORS), len(words))
        main = words[:cut]
        if main and main[0] in _SUBORDINATORS and not (n == 0 and len(main) > 1 and (
                main[1] in AUX or present_s(main[1]) or is_past(main[1]))):
            continue
        if _finite_in(main):
            return True
    return False


def _exclaims(sentence: str) -> bool:
    """A sentence-like exclamation or question: capitalised, ending on '!' or '?'."""
    text = sentence.strip(_QUOTE_MARKS)
    return bool(text) and text[0].isupper() and text.rstrip(_QUOTE_MARKS).endswith(("!", "?"))


def reads_as_saying(text: str) -> bool:
    """Whether quoted words, by themselves, read as something a person said: one of their
    sentences has a finite verb of its own, or is an exclamation or a question."""
    sentences = [s for s in _SENTENCES.split(" ".join(text.split())) if s.strip(_QUOTE_MARKS)]
    return any(_has_clause(s) or _exclaims(s) for s in sentences)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split()).casefold()


def _lead(text: str, excerpt: str) -> str:
    """The excerpt's words before the quoted ones in their sentence, folded ("" when the quoted
    words open it, or are not found in it)."""
    said, told = _fold(text).strip(_QUOTE_MARKS + ".,;:!?"), _fold(excerpt)
    at = told.find(said[:60]) if said else -1
    if at <= 0:
        return ""
    lead = _SENTENCES.split(told[:at])[-1]
    return lead.rstrip(_QUOTE_MARKS + "“”")


def labelled(text: str, excerpt: str) -> bool:
    """Whether the excerpt brings the quoted words in as a label or a description, after "as"
    ("describes it as"), "called (it)", "considered", "dubbed", "termed" and the like."""
    lead = _lead(text, excerpt)
    return bool(lead) and _LABELLING.search(lead) is not None and not _OWN_LABEL.search(lead)


def inside_sentence(text: str, excerpt: str) -> bool:
    """Whether the excerpt sets the quoted words inside the reporter's own sentence, not after a
    verb of saying or a colon that hands the sentence to the speaker ("… for a wall – “…” –",
    "carried placards reading “…”", but not 'she said “…”', 'he told them: “…”' nor 'she told
    reporters, “…”')."""
    lead = _lead(text, excerpt).rstrip()
    if not lead or lead.endswith(":"):
        return False
    words = _words(lead)
    if lead.endswith(",") and not _SAYING.isdisjoint(words):  # "she told reporters, “…”"
        return False
    return not words or words[-1] not in _SAYING


_SAYING = frozenset(w.casefold() for w in REPORTING_VERBS) | {"that"}


SHORT_PHRASE = 4  # "Like a fool", "not at all": a few words with no verb are a phrase
_JOINING = frozenset({"and", "or", "nor", "but", "yet"})


def cut_out(text: str, excerpt: str = "") -> bool:
    """Whether quoted words show that they were cut out of a longer sentence: they open on a
    lower-case letter (the reporter's sentence goes on in them: "to show that …", "a major step
    …"), or on a joining word ("And not only …"), or are a phrase of a few words not written as
    a sentence ("Like a fool"), or the excerpt sets them inside the reporter's sentence."""
    words = _words(text)
    first = next((c for c in text if c.isalpha()), "")
    short = len(words) <= SHORT_PHRASE and not _sentence(text)
    return (first.islower() or (bool(words) and words[0] in _JOINING)
            or short or inside_sentence(text, excerpt))


def _sentence(text: str) -> bool:
    """Whether words are written as a sentence: capitalised and closed by its full stop, "!"
    or "?" (the fact base keeps a quote's full stop only where the writer ends a sentence)."""
    said = text.strip(_QUOTE_MARKS)
    return bool(said) and said[0].isupper() and said.rstrip(_QUOTE_MARKS).endswith((".", "!", "?"))


FRAGMENT_SAID = ("a quote that is a fragment of the reporter's sentence, not a saying of its own "
                 "(a label or a description he quotes, as in 'called it “a major step”', or "
                 "words with no verb of their own, as “to show that it works”), is not asked "
                 "about")


def fragment(text: str, excerpt: str = "") -> bool:
    """Whether quoted words are a fragment asked as someone's words: brought in by the excerpt
    as a label or a description, or cut out of a sentence without a verb of their own."""
    return labelled(text, excerpt) or (cut_out(text, excerpt) and not reads_as_saying(text))
