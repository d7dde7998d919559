"""A measure's grammar: its head noun, the clause after it, and questions built from the clause."""

from collections.abc import Sequence
from typing import NamedTuple

from quizgen.generators import verbs

PREPOSITIONS = frozenset({
    "of", "in", "for", "between", "during", "among", "from", "on", "at", "to", "by", "with",
    "since", "per", "over", "under", "after", "before", "across", "against", "into", "within",
    "about", "than", "as", "like", "near", "around", "through", "throughout", "towards", "toward",
    "upon", "via", "without", "below", "above", "beyond", "behind", "despite", "until", "till",
    "off", "compared", "amid", "along",
})  # fmt: skip
CLAUSE_WORDS = frozenset({
    "that", "who", "whom", "whose", "which", "where", "when", "whenever", "while", "once", "if",
    "because", "unless", "whether", "although", "though",
})  # fmt: skip
SUBORDINATORS = frozenset({
    "when", "whenever", "once", "if", "while", "because", "unless", "although", "though",
})  # fmt: skip
DETERMINERS = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these",
    "those", "each", "every", "some", "any", "no", "many", "much", "several", "all", "both",
    "either", "neither", "another",
})  # fmt: skip
_NP_DETERMINERS = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these",
    "those", "each", "every",
})  # fmt: skip
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "you", "i"})
COORDINATORS = frozenset({"and", "or", "but", "nor"})
ADVERBS = frozenset({
    "still", "already", "now", "also", "just", "ever", "never", "again", "yet", "later", "not",
    "last", "first", "then", "soon",
})  # fmt: skip
_LY_WORDS = frozenset({  # words ending in -ly that are not adverbs
    "family", "supply", "rally", "assembly", "ally", "belly", "italy", "july", "reply", "daily",
    "weekly", "monthly", "yearly", "hourly", "quarterly", "early", "elderly", "friendly",
    "likely", "lonely", "costly", "deadly", "holy", "only", "fly", "ugly", "jelly", "bully",
    "anomaly", "monopoly", "butterfly", "nightly", "fortnightly", "orderly", "lovely", "timely",
})  # fmt: skip
_INVARIANT = frozenset({  # plural-looking words that are not plurals
    "news", "series", "species", "means", "politics", "economics", "physics", "mathematics",
    "statistics", "ethics", "headquarters", "bias", "gas", "canvas", "atlas", "alias", "lens",
    "chaos", "ethos", "diabetes", "measles", "mumps", "athletics", "gymnastics", "whereabouts",
})  # fmt: skip
_PLURALS = frozenset({
    "people", "men", "women", "children", "police", "feet", "teeth", "mice", "geese", "cattle",
    "staff", "personnel", "troops", "data",
})  # fmt: skip
_PARTICLES = frozenset({"off", "up", "out", "down", "away", "back", "on", "in", "over"})
# verbs that report a thought or a claim: 'Huffington predicts nap rooms will be …' is two
# clauses, and moving 'will' in front of both ('will Huffington predicts nap rooms be') garbles it
_REPORTING = frozenset({
    "says", "said", "thinks", "thought", "believes", "believed", "predicts", "predicted",
    "expects", "expected", "hopes", "hoped", "fears", "feared", "estimates", "estimated",
    "claims", "claimed", "argues", "argued", "suggests", "suggested", "reckons", "reckoned",
    "knows", "knew", "feels", "felt", "insists", "insisted", "warns", "warned", "forecasts",
})  # fmt: skip
_DO = frozenset({"do", "does", "did"})


def fold(word: str) -> str:
    """A word as the grammar compares it: folded, straight apostrophe, no trailing comma."""
    return word.casefold().replace("’", "'").rstrip(",;:")


def _capitalised(word: str) -> bool:
    """A name ('Hallan', 'Kessler-7b', 'NGOs'), not an acronym ('GDP') or a number."""
    return word[:1].isupper() and not word.isupper()


def _possessive(word: str) -> bool:
    return fold(word).endswith("'s") or (len(word) > 1 and word.endswith(("s'", "s’")))


def adverb(word: str) -> bool:
    """'still', 'lightly': an adverb (words ending -ly such as 'daily' or 'family' are not)."""
    w = fold(word)
    return w in ADVERBS or (w.isalpha() and len(w) > 4 and w.endswith("ly") and w not in _LY_WORDS)


def plural_word(word: str) -> bool:
    """Whether a head noun is plural: 'arrests', 'people'; not 'news', 'census' or 'crisis'."""
    w = fold(word)
    if w in _PLURALS:
        return True
    return (
        word.isalpha() and word.islower() and len(w) > 3 and w.endswith("s")
        and not w.endswith(("ss", "us", "is")) and w not in _INVARIANT
    )  # fmt: skip


def is_aux(word: str) -> bool:
    """An auxiliary as written: 'is', 'will', 'have'; not the month 'May' or a name 'Will'."""
    return word[:1].islower() and fold(word) in verbs.AUX


def _verbal(word: str) -> bool:
    """A participle or past form: 'killed', 'sent', 'calling', 'took' (not 'United')."""
    w = fold(word)
    return word[:1].islower() and (verbs.is_participle(w) or w in verbs.PAST)


def _break_after(words: Sequence[str], j: int) -> bool:
    """Whether a participle before index j ends its phrase: nothing, or no noun, follows."""
    if j >= len(words):
        return True
    w = fold(words[j])
    return (
        w in PREPOSITIONS | DETERMINERS | PRONOUNS | COORDINATORS | CLAUSE_WORDS
        or is_aux(words[j]) or adverb(w) or _capitalised(words[j]) or words[j][:1].isdigit()
        or w == "to"
    )  # fmt: skip


def _ends_head(words: Sequence[str], i: int) -> bool:
    """Whether words[i] starts what follows a noun phrase's head rather than continuing it."""
    w, before = fold(words[i]), words[i - 1]
    if w in PREPOSITIONS | CLAUSE_WORDS | DETERMINERS | PRONOUNS | COORDINATORS or is_aux(words[i]):
        return True
    if _capitalised(words[i]) and before[:1].islower():
        return True  # a new name: 'year Hallan took office', 'time Kessler-7b takes'
    if _verbal(w):
        return _break_after(words, i + 1)  # 'people killed', not 'registered voters'
    return adverb(w) and i + 1 < len(words) and _verbal(words[i + 1])


def head_end(words: Sequence[str], start: int = 0) -> int:
    """The index just past a noun phrase's head: 'time' of 'time Kessler-7b takes …',
    'officers' of 'officers lightly injured', 'share' of 'share of the vote'."""
    for i in range(start, len(words)):
        if i > start and _ends_head(words, i):
            return i
        if words[i].endswith((",", ";", ":")):
            return i + 1
    return len(words)


def is_plural(phrase: str) -> bool:
    """Whether a noun phrase takes 'were': decided by its head noun alone."""
    words = phrase.split()
    start = 0
    while start < len(words) - 1 and fold(words[start]) in DETERMINERS:
        start += 1
    end = head_end(words, start)
    return end > start and plural_word(words[end - 1])


def np_end(words: Sequence[str]) -> int:
    """The index past the head and its 'of' phrases: 'days of action' in 'days of action the
    unions have called'."""
    end = head_end(words)
    while end < len(words) and fold(words[end]) == "of" and not words[end - 1].endswith(","):
        j = end + 1
        while j < len(words) - 1 and fold(words[j]) in DETERMINERS:
            j += 1
        if j >= len(words):
            break
        end = head_end(words, j)
    return end


def has_verb(words: Sequence[str]) -> bool:
    """Whether the words hold a clause: a verb, an auxiliary or a clause word ('that', 'when')."""
    for i, word in enumerate(words):
        w = fold(word)
        if is_aux(word) or w in CLAUSE_WORDS:
            return True
        before = fold(words[i - 1]) if i else ""
        if _verbal(w) and before not in PREPOSITIONS | DETERMINERS and not w.endswith("ing"):
            return True
    return False


def _pp_only(words: Sequence[str]) -> bool:
    """Prepositional phrases and nothing else: 'in the Common Front', 'among security forces'."""
    return bool(words) and fold(words[0]) in PREPOSITIONS and not has_verb(words)


class Finite(NamedTuple):
    """A clause split at its finite verb: subject, verb, and the words after it."""

    subject: tuple[str, ...]
    verb: str  # folded
    after: tuple[str, ...]
    form: str  # "aux", "past" or "present"


def _present_context(words: Sequence[str], i: int) -> bool:
    """Whether an -s word reads as a verb after a name: 'Kessler-7b takes to …', '… ends'."""
    if not verbs.present_s(fold(words[i])):
        return False
    first = words[0]
    if not (_capitalised(first) or fold(first) in DETERMINERS or (i == 1 and first.islower())):
        return False
    if any(plural_word(w) for w in words[:i]):
        return False  # only a singular subject ('Maduro's third term', 'water') takes '-s'
    j = i + 1
    return j >= len(words) or fold(words[j]) in (
        PREPOSITIONS | DETERMINERS | PRONOUNS | _PARTICLES | {"to"}
    ) or adverb(words[j])  # fmt: skip


def find_finite(words: Sequence[str]) -> Finite | None:
    """The clause's subject and finite verb ('Hallan' + 'took' + 'office'), or None when
    the words do not read as one clause that spelling alone can split."""
    for i in range(1, len(words)):
        w, before = fold(words[i]), words[i - 1]
        if w in CLAUSE_WORDS or w in COORDINATORS:
            return None
        if is_aux(words[i]):
            form = "aux"
        elif fold(before) in PREPOSITIONS | DETERMINERS or _possessive(before) or (
            before[:1].isdigit()
        ):
            continue  # an adjective or a noun: 'the injured officers', '310 millimetres'
        elif not words[i][:1].islower():
            continue  # a name: 'United', 'Reed'
        elif verbs.is_past(w):
            form = "past"
        elif _present_context(words, i):
            form = "present"
        else:
            continue
        subject, after = tuple(words[:i]), tuple(words[i + 1 :])
        if fold(subject[-1]) in PREPOSITIONS | COORDINATORS or _reported(subject):
            return None
        singular = not any(plural_word(s) for s in subject)
        if form == "past" and w in verbs.SAME_FORMS and not singular:
            return None  # 'the unions set': past or present?
        if form != "aux" and any(_finite_word(a) for a in _main_clause(after)):
            return None  # 'the tax cut took effect': 'cut' was not the verb
        return Finite(subject, w, after, form)
    return None


def _reported(subject: Sequence[str]) -> bool:
    """Whether a would-be subject holds a reporting clause: a name or pronoun, then a verb of
    saying or thinking ('Kelly thinks people', 'Huffington predicts nap rooms')."""
    return any(
        fold(word) in _REPORTING and word[:1].islower()
        and (_capitalised(subject[k - 1]) or fold(subject[k - 1]) in PRONOUNS)
        and not _possessive(subject[k - 1])
        for k, word in enumerate(subject) if k > 0
    )  # fmt: skip


def _verbal_base(after: Sequence[str]) -> bool:
    """Whether the words after 'did' + subject open with a verb's base ('take', 'not take'),
    not a noun phrase ('a computer course')."""
    k = 0
    while k < len(after) - 1 and adverb(after[k]):
        k += 1
    w = fold(after[k])
    return w.isalpha() and w not in DETERMINERS | PREPOSITIONS | PRONOUNS and not _capitalised(
        after[k]) and not plural_word(after[k])


def _main_clause(words: Sequence[str]) -> Sequence[str]:
    """The words up to the first clause word or coordinator."""
    for i, word in enumerate(words):
        if fold(word) in CLAUSE_WORDS | COORDINATORS:
            return words[:i]
    return words


def _finite_word(word: str) -> bool:
    return is_aux(word) or fold(word) in verbs.PAST


def _has_participle(words: Sequence[str]) -> bool:
    """Whether 'have' is an auxiliary: a participle follows it ('have called', 'has been')."""
    for word in words:
        if adverb(word):
            continue
        w = fold(word)
        return w == "been" or w in verbs.PARTICIPLES or verbs.regular_past(w)
    return False


def invert(words: Sequence[str]) -> str | None:
    """The clause as a question's inverted tail: 'did Hallan take office', 'is the telescope
    due to launch', 'does Kessler-7b take to circle its star'; None when unsure."""
    finite = find_finite(words)
    if finite is None:
        return None
    subject, after = " ".join(finite.subject), list(finite.after)
    verb = finite.verb
    if finite.form == "aux":
        if verb in _DO and not (after and _verbal_base(after)):
            return " ".join([verb, subject, "do", *after])  # not 'did Allen a computer course'
        if verb in {"has", "have", "had"} and not _has_participle(after):
            do = {"has": "does", "have": "do", "had": "did"}[verb]
            return " ".join([do, subject, "have", *after])
        return " ".join([verb, subject, *after])
    if finite.form == "past":
        base = verbs.base_of_past(verb)
        return " ".join(["did", subject, base, *after]) if base else None
    return " ".join(["does", subject, verbs.base_of_present(verb), *after])


def tense(words: Sequence[str]) -> str | None:
    """'present' or 'past' by the measure's own verbs ('is due', 'will', 'ends'), or None."""
    for word in words:
        if is_aux(word):
            return "present" if fold(word) in verbs.AUX_PRESENT else "past"
    for i in range(1, len(words)):
        if subject_start(words, i) and fold(words[i - 1]) not in PREPOSITIONS:
            finite = find_finite(words[i:])
            if finite is not None:
                return "present" if finite.form == "present" else "past"
    for i in range(1, len(words)):
        before = fold(words[i - 1])
        if verbs.is_past(fold(words[i])) and before not in PREPOSITIONS | DETERMINERS:
            return "past"
    return None


def subject_start(words: Sequence[str], i: int) -> bool:
    """Whether words[i] can open a clause's subject: 'the', 'it', a name."""
    w = fold(words[i])
    return w in DETERMINERS or w in PRONOUNS or _capitalised(words[i])


def noun_phrase_start(words: Sequence[str]) -> bool:
    """Whether the words open a definite noun phrase: 'the march', "Harbour City's final"."""
    return bool(words) and (fold(words[0]) in _NP_DETERMINERS or _capitalised(words[0]))


def be(phrase: str, when: str | None) -> str:
    """'was', 'were', 'is' or 'are' for a noun phrase, by its head and the tense."""
    plural = is_plural(phrase)
    if when == "present":
        return "are" if plural else "is"
    return "were" if plural else "was"


def count_question(counted: str) -> str | None:
    """'how many …?' for a counted phrase, as a teacher would ask it, or None:
    'how many arrests were there?', 'how many people were killed?', 'how many people took
    part in the march?', 'how many tickets will each finalist receive?'."""
    words = counted.split()
    if not words or fold(words[0]) in DETERMINERS:
        return None  # 'the protesters arrested': 'how many the …' cannot be said
    owner = next((k + 1 for k, word in enumerate(words[:-1]) if _possessive(word)), 0)
    if owner and all(_capitalised(word) for word in words[:owner]):
        return _counted_of_owner(words, owner)
    end = np_end(words)
    head, rest = words[:end], words[end:]
    counted_end = head_end(words)
    if not head or not plural_word(words[counted_end - 1]):
        return None  # the counted noun itself: 'days' of 'days of action'
    noun = " ".join(head)
    hidden = any(plural_word(w) for w in words[: counted_end - 1])  # 'cases hospital staff …'
    if rest and _pp_only(rest) and any(
        plural_word(words[i]) and not plural_word(words[i + 1]) for i in range(counted_end - 2)
    ):
        return None  # 'storeys water pours through …': a clause hides in the noun phrase
    if not rest or (_pp_only(rest) and fold(rest[0]) in {"of", "to"}):
        return f"how many {counted} were there?"  # 'submissions to the consultation'
    if _pp_only(rest):
        return f"how many {noun} were there {' '.join(rest)}?"  # 'were there among …'
    for s, word in enumerate(rest):
        if fold(word) in SUBORDINATORS:  # 'public holidays in Veskaria once Solvarr is added'
            if s == 0 or _pp_only(rest[:s]):
                there = "are there" if tense(rest[s + 1 :]) == "present" else "were there"
                return " ".join(["how many", *head, *rest[:s], there, *rest[s:]]) + "?"
            break
    k = 0
    while k < len(rest) - 1 and adverb(rest[k]):
        k += 1
    if verbs.is_participle(fold(rest[k])) and not has_verb(rest[:k]) and not hidden:
        return f"how many {noun} were {' '.join(rest)}?"  # 'people killed', 'officers injured'
    if fold(rest[0]) in {"who", "that", "which"} and _verb_follows(rest, 1):
        return f"how many {noun} {' '.join(rest[1:])}?"  # 'people who took part …'
    if subject_start(rest, 0):
        inverted = invert(rest)  # 'days of action the unions have called'
        if inverted:
            return f"how many {noun} {inverted}?"
    return None


def _counted_of_owner(words: Sequence[str], owner: int) -> str | None:
    """'how many of Ingenuity's rotor blades broke?' for 'Ingenuity's rotor blades that broke':
    a counted phrase owned by a name is counted with 'of' ('how many Ingenuity's blades' cannot
    be said); a count of them that only 'were there' would ask is left to the plainer fallback."""
    inner = count_question(" ".join(words[owner:]))
    if inner is None or " were there" in inner or " are there" in inner:
        return None
    return f"how many of {' '.join(words[:owner])} {inner.removeprefix('how many ')}"


def _verb_follows(words: Sequence[str], i: int) -> bool:
    """Whether words[i] (after 'who', 'that') is a verb, so that the relative clause is the
    question's own: 'people who took part', not 'people who the police arrested'."""
    while i < len(words) - 1 and adverb(words[i]):
        i += 1
    if i >= len(words):
        return False
    w = fold(words[i])
    if is_aux(words[i]) or verbs.is_past(w):
        return True
    if w in PREPOSITIONS | DETERMINERS | PRONOUNS | CLAUSE_WORDS | COORDINATORS:
        return False
    if _capitalised(words[i]) or not w.isalpha():
        return False
    return i + 1 >= len(words) or not (_verbal(words[i + 1]) or is_aux(words[i + 1]))
