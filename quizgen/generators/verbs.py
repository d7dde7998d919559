"""English verb forms for figure prompts: which words are verbs, and their base forms, or None."""

from __future__ import annotations

# base, past, participle: irregular verbs whose forms read as verbs in a measure ("year Hallan
# took office", "votes cast"). Forms that are as often nouns (ground, rose, saw, wound, cost,
# bore, lay) are left out: a word not known to be a verb keeps the prompt plain.
_IRREGULAR = """
arise arose arisen; awake awoke awoken; beat beat beaten; become became -; begin began begun;
bend bent bent; bite bit bitten; bleed bled bled; blow blew blown; break broke broken;
breed bred bred; bring brought brought; broadcast broadcast broadcast; build built built;
burn burnt burnt; burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came -; creep crept crept; cut cut cut;
deal dealt dealt; dig dug dug; draw drew drawn; drink drank drunk; drive drove driven;
eat ate eaten; fall fell fallen; feed fed fed; feel felt felt; fight fought fought;
find found found; flee fled fled; fly flew flown; forbid forbade forbidden;
forecast forecast forecast; forget forgot forgotten; forgive forgave forgiven;
freeze froze frozen; get got gotten; give gave given; go went gone; grow grew grown;
hang hung hung; hear heard heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt;
keep kept kept; kneel knelt knelt; know knew known; lead led led; leave left left;
lend lent lent; let let let; light lit lit; lose lost lost; make made made; mean meant meant;
meet met met; overcome overcame -; overtake overtook overtaken; overthrow overthrew overthrown;
pay paid paid; put put put; quit quit quit; read read read; ride rode ridden; ring rang rung;
rise - risen; run ran -; say said said; see - seen; seek sought sought; sell sold sold;
send sent sent; set set set; shake shook shaken; shed shed shed; shine shone shone;
shoot shot shot; show - shown; shrink shrank shrunk; shut shut shut; sing sang sung;
sink sank sunk; sit sat sat; sleep slept slept; slide slid slid; speak spoke spoken;
spend spent spent; spin spun spun; split split split; spread spread spread;
spring sprang sprung; stand stood stood; steal stole stolen; stick stuck stuck;
strike struck struck; swear swore sworn; sweep swept swept; swim swam swum; swing swung swung;
take took taken; teach taught taught; tear tore torn; tell told told; think thought thought;
throw threw thrown; undergo underwent undergone; understand understood understood;
undertake undertook undertaken; uphold upheld upheld; wake woke woken; wear wore worn;
weep wept wept; win won won; withdraw withdrew withdrawn; write wrote written;
die died died; lie lied lied; tie tied tied; add added added; create created created;
guide guided guided; interfere interfered interfered; adhere adhered adhered;
revere revered revered; persevere persevered persevered; intervene intervened intervened;
convene convened convened; postpone postponed postponed; condone condoned condoned;
atone atoned atoned; dethrone dethroned dethroned; enthrone enthroned enthroned;
focus focused focused; bias biased biased; err erred erred; ebb ebbed ebbed;
taste tasted tasted; waste wasted wasted; paste pasted pasted; baste basted basted
"""
_ROWS = [row.split() for row in _IRREGULAR.replace("\n", " ").split(";")]
PAST = {past: base for base, past, _ in _ROWS if past != "-"}
PARTICIPLES = {part: base for base, _, part in _ROWS if part != "-"}
# past forms that are also present forms: past only when the subject is singular ("it burst")
SAME_FORMS = frozenset(past for past, base in PAST.items() if past == base)

AUX_PRESENT = frozenset({
    "is", "are", "am", "has", "have", "does", "do", "will", "can", "may", "must", "shall",
})  # fmt: skip
AUX_PAST = frozenset({"was", "were", "had", "did", "would", "could", "might", "should"})
AUX = AUX_PRESENT | AUX_PAST
_ED_NOUNS = frozenset({
    "hundred", "kindred", "hatred", "sacred", "naked", "wicked", "beloved", "rugged", "ragged",
    "wretched", "crooked", "jagged", "shred", "sled",
})  # fmt: skip
_EED_VERBS = frozenset({"agreed", "freed", "guaranteed", "decreed", "refereed"})
_ING_NOUNS = frozenset({
    "building", "morning", "evening", "meeting", "spring", "string", "thing", "king", "ring",
    "wing", "ceiling", "funding", "housing", "training", "wedding", "offspring", "feeling",
    "painting", "saving", "setting", "beginning", "opening", "ending", "hearing", "spending",
    "bombing", "shooting", "killing", "rating", "ranking", "polling", "landing", "crossing",
    "clothing", "lightning", "sibling", "timing", "heading", "reading", "warning", "finding",
    "ruling", "standing", "recording", "uprising", "offering", "gathering", "being", "nothing",
    "something", "anything", "everything", "during", "mourning", "wellbeing", "swing", "sting",
    "shipping", "parking", "lending", "borrowing", "pricing", "marketing", "flooding", "fighting",
})  # fmt: skip
_VOWELS = frozenset("aeiouy")


def _plain(word: str) -> bool:
    return word.isalpha() and word.islower()


def regular_past(word: str) -> bool:
    """Whether a word looks like a regular past form or participle: 'scored', 'injured'."""
    if not _plain(word) or len(word) < 4 or not word.endswith("ed") or word in _ED_NOUNS:
        return False
    return not word.endswith("eed") or word in _EED_VERBS


def is_past(word: str) -> bool:
    """A past tense form: 'took', 'scored'."""
    return word in PAST or regular_past(word)


def is_participle(word: str) -> bool:
    """A past participle ('killed', 'sent', 'left') or a present one ('calling'), not a noun."""
    if word in PARTICIPLES or regular_past(word):
        return True
    return _plain(word) and len(word) > 4 and word.endswith("ing") and word not in _ING_NOUNS


def present_s(word: str) -> bool:
    """Whether a word could be a third-person present form: 'ends', 'takes' (or a plural)."""
    return (
        _plain(word) and len(word) > 2 and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )  # fmt: skip


def base_of_present(word: str) -> str:
    """'takes' -> 'take', 'goes' -> 'go', 'carries' -> 'carry', 'has' -> 'have'."""
    if word in {"has", "does", "is"}:
        return {"has": "have", "does": "do", "is": "be"}[word]
    if word.endswith("ies") and len(word) > 4 and word[-4] not in _VOWELS:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        return word[:-2]
    return word[:-1]


def _syllables(stem: str) -> int:
    """Vowel groups, 'qu' counting as a consonant: 'scor' 1, 'travell' 2, 'requir' 2."""
    count, previous = 0, False
    for n, letter in enumerate(stem):
        vowel = letter in _VOWELS and not (letter == "u" and n and stem[n - 1] == "q")
        count += vowel and not previous
        previous = vowel
    return count


def _vowel(stem: str, n: int) -> bool:
    """Whether the letter at n (negative from the end) is a vowel; the u of 'qu' is not."""
    n %= len(stem)
    letter = stem[n]
    return letter in _VOWELS and not (letter == "u" and n > 0 and stem[n - 1] == "q")


_PLUS_E = ("at", "ut", "id", "ud", "ad", "od", "ar", "ur", "ir", "um", "ul", "in", "ed", "ol",
           "il", "ok", "ik")  # fmt: skip
_AS_IS = ("er", "en", "on", "op", "el")


def base_of_past(word: str) -> str | None:
    """The base form of a past tense ('took' -> 'take', 'scored' -> 'score', 'travelled' ->
    'travel'); None when spelling alone cannot tell ('visited': visit, but 'united': unite)."""
    if word in PAST:
        return PAST[word]
    if not regular_past(word):
        return None
    if word.endswith("ied"):
        return word[:-3] + "y" if len(word) > 4 else None
    if word.endswith("eed"):
        return word[:-1]
    stem = word[:-2]
    last = stem[-1]
    if last in "wxy":
        return stem
    if last in "ou":
        return stem + ("e" if last == "u" else "")
    if last in _VOWELS:
        return None
    if len(stem) > 2 and stem[-2] == last:  # a doubled consonant
        if last in "sfz":
            return stem
        if last == "l":
            if _syllables(stem) == 1 or stem.endswith("all"):
                return stem
            return None if stem.endswith("ill") else stem[:-1]
        return stem[:-1] if last in "bdgmnprt" else None
    if last in "cvzs":
        return stem + "e"
    if last == "g":
        return None if stem.endswith("ng") else stem + "e"
    if last == "h":
        return None if stem.endswith("th") or not stem.endswith(("ch", "sh", "gh", "ph")) else stem
    if not _vowel(stem, -2):  # a consonant cluster: 'start', 'handl', 'centr', 'last'
        if last == "l" and stem[-2] not in "rwl":
            return stem + "e"
        if last == "r":
            return None
        return stem
    if len(stem) > 2 and _vowel(stem, -3):  # two vowels: 'claim', 'treat', 'initiat'
        return stem + "e" if stem.endswith(("iat", "uat", "uad")) else stem
    if _syllables(stem) == 1:  # 'scor', 'vot': a short vowel would have doubled the consonant
        return stem + "e"
    if stem.endswith(_PLUS_E):
        return stem + "e"
    return stem if stem.endswith(_AS_IS) else None
