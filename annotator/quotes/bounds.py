"""Where reported content starts and ends: the regular expressions that cut a clause at
the next speaker, a reason, a relative clause's end or a coordinated clause, and that skip
the aside of "As X put it, ..." (used by `annotator.quotes.content`)."""

from __future__ import annotations

import re

from annotator.quotes import lexicon as lx
from annotator.quotes.patterns import QUANT, SPEECH, UPPER

#: what may follow the cue of "As X put it ..., " before the comma: "it", a time, a place, a source
AS_TAIL_RE = re.compile(
    r"(?:\s+it)?(?:\s+(?:in|on|at|to|during|last|this|earlier|recently|once|before|after|when|while)\b"
    r"[^,;:\ue000]{0,60})?\s*,\s*"
)
AS_LEAD_RE = re.compile(r"(?:^|[,;]\s*|\b(?:[Bb]ut|[Aa]nd|[Jj]ust)\s+)[Aa]s(?:\s+[\w’'\-.]+){0,5}\s*$")

WHO_CUE_RE = re.compile(r",\s*who\s+(?:[a-z]+\s+){0,2}$")
MAIN_VERB_AFTER_RE = re.compile(
    r",\s+(?:has|have|had|is|was|were|are|will|would|can|could|also|then|later|now|[a-z]{3,}ed)\s"
)
BECAUSE_CUT_RE = re.compile(r",\s+because\s")
CUT_RE = re.compile(
    r";|(?:\s+[—–-]{1,2}\s*|—\s*)(?="
    + SPEECH
    + r")|,\s+(?:according to|(?!including\b)\w+ing\b|who\s|which\s|whose\s|whom\s|where\s|as\s|"
    r"compared\s|(?:and|but)\s+(?:when|while|then)\s|the\s|an?\s)|\s+by\s+(?!(?:spring|morning|evening|thing|king|ring|string|wing|meeting|building|ruling|hearing|"
    r"funding|spending|opening|beginning|ending|nothing|something|anything|everything|Beijing|Reading)\b)\w+ing\b|"
    r",\s+(?:" + lx.alternation(f for f in lx.VERB_FORMS if f.endswith("ing")) + r")\b|"
    r",\s+(?:said|says|told|tells|added|adds|wrote|writes|argued|noted|insisted|explained)\b|"
    r"(?<=" + SPEECH + r")\s+(?:according to|referring to|(?!including\b)\w+ing\b)"
)

SUBORD_RE = re.compile(
    r"^(?:Because|While|As|When|If|Although|Though|Since|After|Before|Even as|Even though|Whereas|Until|"
    r"Once|Unless)\b[^,]*$"
)

PREP_CONTENT_RE = re.compile(
    r"\s*(?!\s*" + QUANT + r")(?:of|by|in|on|at|for|with|from|as|about|into|onto|over|under|against)\b"
)

NAME_AND_END_RE = re.compile(rf"[^,;]\s[{UPPER}][\w’'\-.]*\s+and\s*$")
GAP_COORD_RE = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$")
