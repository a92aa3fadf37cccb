"""Word-level keys for comparing wording across outlets: stems, consonant skeletons, stopwords.

Stemmers merge unrelated Arabic words (ISRI merged قاعدة with مقعد, GUIDE §4), so this only
strips clitics. The *skeleton* goes further for spotting copied text: it drops long vowels and
hamza carriers and folds foreign-sound letters, so agency copy re-spelt by another desk
(الأميركي/الأمريكي, الستراتيجي/الاستراتيجي, البنتاغون/البنتاجون) still counts as the same word.
"""

from __future__ import annotations

import re

_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ف)(?=..)")
_SUFFIX = re.compile(r"(?:ات|ون|ين|ان|ها|هم|هما|هن|كم|نا|ه|ي|ا)$")

#: Function words that carry no claim (matching-key forms).
STOPWORDS = frozenset(
    "في من الي علي عن مع ان او ثم قد لقد كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين "
    "و ما لا لم لن هو هي هم انه انها بين حيث كما بعد قبل عند حتي اي كل بعض غير اذا لكن لكنه "
    "وقال قال قالت وقالت واضاف اضاف وكان وهو وهي الا ايضا فيه فيها منه منها عليه عليها اليه "
    "به بها له لها ذات خلال منذ نحو امس اليوم يوم".split()
)

_SKELETON_DROP = str.maketrans({"ا": "", "و": "", "ي": "", "ء": "", "ى": ""})
_SKELETON_FOLD = str.maketrans({"غ": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "ک": "ك"})


def stem(word_key: str) -> str:
    """Strip one clitic prefix and one suffix from a matching-key word when enough remains."""
    word = _PREFIX.sub("", word_key)
    if len(word) > 4:
        word = _SUFFIX.sub("", word)
    return word


def skeleton(word_key: str) -> str:
    """Consonant skeleton of a matching-key word: spelling variants of one word share it."""
    word = _PREFIX.sub("", word_key)
    return word.translate(_SKELETON_DROP).translate(_SKELETON_FOLD) or word_key


def is_content(word_key: str) -> bool:
    """Words that can carry a claim: not a function word, not a single letter."""
    return len(word_key) > 1 and word_key not in STOPWORDS
