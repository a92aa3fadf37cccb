"""Word-level keys for comparing wording across outlets: stems, consonant skeletons, stopwords.

Stemmers merge unrelated Arabic words (ISRI merged قاعدة with مقعد, GUIDE §4), so this only
strips clitics. The *skeleton* goes further for spotting copied text: it drops long vowels and
hamza carriers and folds foreign-sound letters, so agency copy re-spelt by another desk
(الأميركي/الأمريكي, الستراتيجي/الاستراتيجي, البنتاغون/البنتاجون) still counts as the same word.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ف)(?=..)")
#: Every proclitic a name can carry: conjunction, preposition, article ("ولأسوشيتد", "بالأناضول").
_PROCLITICS = re.compile(r"^[وف]?[بلك]?(?:ال)?(?=...)")

#: Function words that carry no claim (matching-key forms).
STOPWORDS = frozenset(
    "في من الي علي عن مع ان او ثم قد لقد كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين "
    "و ما لا لم لن هو هي هم انه انها بين حيث كما بعد قبل عند حتي اي كل بعض غير اذا لكن لكنه "
    "وقال قال قالت وقالت واضاف اضاف وكان وهو وهي الا ايضا فيه فيها منه منها عليه عليها اليه "
    "به بها له لها ذات خلال منذ نحو امس اليوم يوم".split()
)

_SKELETON_DROP = str.maketrans({"ا": "", "و": "", "ي": "", "ء": "", "ى": ""})
_SKELETON_FOLD = str.maketrans({"غ": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "ک": "ك"})


def consonants(word_key: str) -> str:
    """A word without long vowels and hamza seats, foreign-sound letters folded: the part of a
    spelling that desks agree on (اميركي/امريكي, البنتاغون/البنتاجون)."""
    return word_key.translate(_SKELETON_DROP).translate(_SKELETON_FOLD)


@lru_cache(maxsize=1 << 16)
def skeleton(word_key: str) -> str:
    """Consonant skeleton of a matching-key word: spelling variants of one word share it.
    Memoised: alignment asks for every token of every sentence, and news repeats its words."""
    return consonants(_PREFIX.sub("", word_key)) or word_key


_DERIVED_PREFIX = re.compile(r"^(?:ست|ن|ت|م|ي)(?=...)")
_INFLECTED_SUFFIX = re.compile(r"(?:ات|ين|ون|هم|ها|تم|ته|ت|ه|ن)$")


@lru_cache(maxsize=1 << 16)
def root(word_key: str) -> str:
    """A rough root of a content word: its skeleton without one derivational prefix and one
    inflectional suffix, so verb, passive and verbal noun meet (أُخليت/أخلت/إخلاء, اندلعت/اندلاع).
    Coarse on purpose: alignment weighs it as weak evidence, never as a match on its own."""
    skel = skeleton(word_key)
    if len(skel) >= 3:
        stripped = _INFLECTED_SUFFIX.sub("", skel)
        skel = stripped if len(stripped) >= 2 else skel
    if len(skel) > 3:
        skel = _DERIVED_PREFIX.sub("", skel)
    return skel


def name_forms(word_key: str) -> set[str]:
    """Forms a word can take as part of a proper name: its key and skeleton, as written and
    without its proclitics, so "لأسوشيتيد" (for AP) meets the name "أسوشيتد". Only for matching
    against known names (see :func:`name_form`): on ordinary words the bare form over-strips."""
    bare = _PROCLITICS.sub("", word_key)
    return {word_key, bare, skeleton(word_key), skeleton(bare)}


def name_form(word_key: str) -> str:
    """The form a known name's word is matched by: its skeleton, robust to spelling, unless the
    skeleton is too short to tell names apart (إرنا and إيران share "رن"): then the key itself."""
    skel = skeleton(word_key)
    return skel if len(skel) >= 3 else word_key


def is_content(word_key: str) -> bool:
    """Words that can carry a claim: not a function word, not a single letter."""
    return len(word_key) > 1 and word_key not in STOPWORDS
