"""Content: what each frame reports. An adjacent quotation (direct), the clause after the
cue (indirect; "that" optional where the verb allows), the clause before "..., X said",
"according to" on either side, objects of naming and stance verbs, to-clauses of
commitments, questions asked; mixed when a quoted phrase sits inside reported speech.
"""

from __future__ import annotations

import re

from annotator.quotes import bounds as bd
from annotator.quotes import lexicon as lx
from annotator.quotes.cues import OBJECT_LEMMAS, SPEECH_LEMMAS, find_cues
from annotator.quotes.frames import (
    BY_END_RE,
    Frame,
    find_frames,
    intro_only,
)
from annotator.quotes.patterns import (
    APP_VERB_RE,
    CLAUSE_START_RE,
    FINITE_RE,
    FRAG,
    INTRO_ONLY_RE,
    LEAD_FRAG_RE,
    LEAD_RE,
    NAMERUN,
    NAMING_OBJ_RE,
    OPEN_END_RE,
    PHONE_CALL_RE,
    PREP_START_RE,
    SPEECH,
    TRIVIAL_TAIL_RE,
    UPPER,
    WEEKDAYS,
    WHO_RE,
    WORD,
    YES_NO_RE,
    QuoteIndex,
    content_kind,
    count_words,
    last_char,
    lead_tail,
    naming_bad,
    opens_upper,
    quote_at,
    skip_intro,
    trim_content,
)
from annotator.quotes.records import QSpan, Raw, Sentence
from annotator.quotes.special import ASKED_RE
from annotator.quotes.subjects import participle_subject

TELL_OBJ_RE = re.compile(
    rf"^\s+(?:the\s+{NAMERUN}(?:['’]s(?:\s+[a-z]+){{1,2}}|\s+\([A-Z]{{2,6}}\))?(?=[\s,.:;]|$)|him|her|them|me|us|reporters|journalists|the\s+(?:{WORD}\s+){{0,3}}?[\w’'\-]+|"
    rf"(?:an?\s+)?(?:{WORD}\s+){{0,2}}?(?:audience|crowd|interviewer|reporter|committee|group|panel|supporters|station|"
    rf"network|newspaper|paper|magazine|channel|outlet|podcast|show|program|programme|website|blog)|"
    rf"{NAMERUN}|(?:the\s+)?{NAMERUN})(?=[\s,.:;]|$)"
)

TELL_TAIL_RE = re.compile(rf"(?:\s+[\w’'\-]+){{1,3}}\s*,\s*(?={SPEECH})")

#: adverbs set off by commas between a cue and its content or quotation ("noted, however, that")
THAT_WORD_RE = re.compile(r"\sthat\s")
STATEMENT_CUES = ("issued", "issues", "released", "releases")

#: a colon that introduces a quotation inside reported content
COLON_QUOTE_RE = re.compile(rf":\s*(?={SPEECH})")

TO_OBJ_RE = re.compile(
    rf"^\s+to\s+(?:him|her|them|me|us|reporters|journalists|(?:the\s+)?{NAMERUN})(?=[\s,.:;]|$)"
)

THAT_RE = re.compile(r"\bthat\b")

PUNCT_END_RE = re.compile(r"[,.!?]\W*$")

ING_TAIL_RE = re.compile(r"\s*,\s*\w+ing\b")

AFTER_SPEECH_RE = re.compile(rf"^\s*,?\s*(?:(?:and|then)\s+)?{SPEECH}")

RIGHT_SPEECH_RE = re.compile(rf"^\s*(?:\w+ly\s*)?(?:,\s*(?:{bd.ASIDES})\s*)?[,:]?\s*(?=({SPEECH}))")

RIGHT_PREP_SPEECH_RE = re.compile(
    rf"^(?:[^{SPEECH}.;]|(?<=\b(?:Mr|Ms|Dr|St))\.|(?<=\bMrs)\.){{1,70}}?[,:]\s*(?=({SPEECH}))"
)

ACC_APP2_RE = re.compile(
    rf"an?\s(?:[^,.;{SPEECH}]|,(?=\d)){{0,60}}?,(?!\d)\s*"
)  # "$2,000": no comma of its own
ACC_SKIP_RE = re.compile(rf"^(?:[^,.;{SPEECH}]|,(?=\d)){{0,60}}?,(?!\d)\s*")

#: a verb phrase going on after an aside ("..., according to X, has surged")
VP_START_RE = re.compile(
    r"(?:has|have|had|is|was|were|are|will|would|can|could|should|may|might|must|remains?|remained)\s"
)


LEAD_PUNCT_RE = re.compile(r"^\s*[,:]?\s*")

ASK_OBJ_RE = re.compile(
    r"^\s+(?P<o>)(?:(?!(?:for|about|on|in|at)\b)[\w’'.\-]+\s+){1,7}?"
    r"(?:to\s+(?!(?:the|a|an|his|her|their|its)\b)[a-z]|(?:whether|if|what|why|how|who)\b)"
)

ASK_RE = re.compile(r"^\s*(?=(?:whether|if|why|how|what|which|when|where|who|whom|to|for|about)\b)")

SPACES_RE = re.compile(r"^\s*")

PAREN_RE = re.compile(r"^\s*,(?!\s*(?:who|whom|whose|which)\b)\s*")

# An inverted speaker followed by a relative clause ("..., said X, a lecturer, who has studied it"):
# the clause describes the speaker; the content is on the left.
REL_TAIL_RE = re.compile(r"^\.?\s*,?\s*(?:who|whom|whose|which)\b[^{SPEECH}]*$".replace("{SPEECH}", SPEECH))

LEAD_DET_RE = re.compile(r"\s*(?<![\w’'\-])(?:the|The)$")

SAID_IN_RE = re.compile(
    rf"^(?=\s+\S)(?:\s+(?:in|on|at|during|via)\s+(?:a|an|the|his|her|their|its|one|both|each|all)\s+"
    rf"(?:[\w’'\-]+\s+){{0,3}}?(?:statement|interview|email|e-mail|letter|speech|tweet|post|call|conference|"
    rf"briefing|debate|rally|appearance|memo|release|video|op-ed|column|filing|hearing|listing|posting|message|"
    rf"note|book|blog|ad|report|essay|article)s?)?"
    rf"(?:\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+)?(?:{WEEKDAYS}|night|morning|evening|afternoon|week|month|"
    rf"year|today|yesterday))*\s+(?=(?:he|she|they|it|we|I|the|a|an|his|her|their|its|there|this|that|"
    rf"[{UPPER}][a-z]+\s+(?:is|was|were|are|has|had|will|would|could|should|did|does|must)\b))"
)


#: "by" before a gerund cue, or before a list of gerunds that ends in it ("by raising fees,
#: admitting ...")
BY_BEFORE_RE = re.compile(r"\bby\s+(?:[a-z]+ing\b[^.;:!?\n]{0,100},\s*(?:and\s+)?)?$")


def _nests_in_content(f: Frame) -> bool:
    """A stance frame ("wants", "supports") inside content already taken is part of that content."""
    return f.lemma in OBJECT_LEMMAS and f.lemma not in SPEECH_LEMMAS


#: how far after a cue the rest of a sentence is read for a trivial tail ("..., she said on Monday.")
TAIL_WINDOW = 400


def _trivial_tail(masked: str, a: int, b: int):
    """The words in [a, b) are only a short adverbial and punctuation (TRIVIAL_TAIL_RE), up to
    a semicolon, which closes the clause ("..., analysts say; in 2012 ...")."""
    semi = masked.find(";", a, min(b, a + TAIL_WINDOW))
    if semi >= 0:
        b = semi
    return b - a <= TAIL_WINDOW and TRIVIAL_TAIL_RE.match(masked[a:b])


def sentence_quotes(
    text: str, sent: Sentence, quotes: list[QSpan], sent_index: int, masked: str
) -> list[Raw]:
    """Quotes introduced by reporting frames in one sentence."""
    base = sent.start
    frames = find_frames(text, masked, base)
    index = QuoteIndex(quotes)
    out: list[Raw] = []
    consumed = 0
    n = len(masked)
    inverted: Frame | None = None  # the last inverted frame ("said Ann Kim, a senator who ...")
    for i, f in enumerate(frames):
        if inverted is not None and f.cue_start < inverted.end:
            # a verb inside the appositive: "said Ann Kim, a senator who declined to run" is hers
            if f.inverted or not WHO_RE.search(masked, inverted.cue_end, f.cue_start):
                continue
            f.mention = inverted.mention
        if f.inverted:
            inverted = f
        nxt = frames[i + 1] if i + 1 < len(frames) else None
        if (
            nxt is not None
            and f.cue.lower().startswith(STATEMENT_CUES)
            and not masked[f.end : nxt.start].strip()
        ):
            continue  # "issued a statement saying ...": the participle reports it
        if any(
            r.start <= base + f.cue_start < r.end
            and (
                _nests_in_content(f)
                or (  # "X says she would not recommend it": her own verb inside her reported words
                    f.mention is not None
                    and f.mention.kind == "pronoun"
                    and r.kind != "direct"
                    and f.lemma in OBJECT_LEMMAS
                )
            )
            for r in out[-16:]
        ):
            continue  # "X says she wants to ...": the stance inside reported content is part of it
        if f.inherit:
            prev = next((r.mention for r in reversed(out) if r.mention is not None), None)
            if prev is None:
                prev = participle_subject(text, masked, base, f.cue_start if f.cue.endswith("ing") else 0)
                if prev is None:
                    continue
            f.mention = prev
        limit = n
        if nxt is not None and bd.in_subject_relative(masked, base, f, nxt):
            limit = nxt.cue_start  # "Residents who opposed the levy said ...": before "said"
        elif nxt is not None:
            gap = masked[f.end : nxt.start]
            nested = (
                # "noted that in 1998, he backed the plan": a stance with its own subject inside
                # the reported clause is part of it
                _nests_in_content(nxt)
                and not nxt.inverted
                and not nxt.inherit
                and nxt.mention is not None
                and nxt.mention.start - base > f.end
                and f.lemma in SPEECH_LEMMAS
                and not f.cue.endswith("ing")  # "Besides saying that ..., Kim wants": the main clause
                and not bd.LATER_COORD_RE.search(gap)
            )
            if not nested and (
                nxt.inherit
                # "X said A, and Y said B" (not "said states like Oregon and Idaho will ...": two
                # names joined in one noun phrase)
                or (bd.GAP_COORD_RE.search(gap) and not bd.NAME_AND_END_RE.search(gap))
                or (
                    not nxt.inherit
                    and bd.comma_before(text, masked, base, nxt.start)  # '..., “a mess,” the Ledger reported'
                    and _trivial_tail(masked, nxt.end, n)
                )
            ):
                limit = nxt.start
            else:  # "said he did not expect A, but he said B": past a nested cue, a coordinated frame
                limit = bd.coordinated_start(masked, f.end, frames[i + 2 : i + 4], n)
        parts: list[tuple[int, int, str]] = []  # (a, b, kind) relative
        # the words before the frame, as s[:f.start].rstrip(): its end (`lead_len`) and its last
        # characters (`lead`); never the whole sentence again for every frame
        lead, lead_len = lead_tail(masked, f.start)
        lead_quote = None
        if SPEECH in lead[-120:]:
            lm = LEAD_RE.search(lead[-120:])
            if lm:
                lead_quote = quote_at(index, lead_len - len(lead[-120:]) + lm.end(1), base, ending=True)
        elif FRAG in lead[-120:]:
            lm = LEAD_FRAG_RE.search(lead[-120:])
            if lm:
                lq = quote_at(index, lead_len - len(lead[-120:]) + lm.end(1), base, ending=True)
                if (
                    lq is not None
                    and PUNCT_END_RE.search(text, lq.start, lq.end)
                    and (_trivial_tail(masked, f.end, limit) or ING_TAIL_RE.match(masked, f.end, limit))
                    and f.lemma != "according to"
                ):
                    lead_quote = lq
        pos = f.end
        if lead_quote is not None and lead_quote.start - base >= consumed:
            qa = lead_quote.start - base
            pre_a, pre_b = trim_content(masked, consumed, qa)
            pre = masked[pre_a:qa]
            if (
                pre_b > pre_a
                and count_words(pre) >= 3
                and SPEECH not in pre
                and not bd.STOP_PUNCT_RE.search(pre)
                and last_char(masked, qa) not in (",", ":", "—", "–")
                and CLAUSE_START_RE.match(pre)
            ):
                # "The plan is a “good thing,” X said": the clause around the quotation is the content
                parts.append((skip_intro(masked, pre_a, qa), lead_quote.end - base, "mixed"))
            else:
                parts.append((qa, lead_quote.end - base, "direct"))
            after = masked[f.end : limit]
            m2 = AFTER_SPEECH_RE.match(after)
            if m2:
                q2 = quote_at(index, f.end + m2.end() - 1, base, ending=False)
                q2 = q2 or next((q for q in index.within(base + f.end, base + n) if q.speech), None)
                if q2 is not None:
                    parts.append((q2.start - base, q2.end - base, "direct"))
        else:
            if (not f.inverted and f.mention is not None) or f.inherit:
                if f.lemma == "tell":
                    t = TELL_OBJ_RE.match(masked[pos : pos + 120])
                    if t:
                        pos += t.end()
                        tt = TELL_TAIL_RE.match(masked, pos, min(n, pos + 80))
                        if tt:  # "told the news agency simply, “...”": the rest of the object
                            pos = tt.end()
            that_pos = pos
            if (not f.inverted and f.mention is not None) or f.inherit:
                t = TO_OBJ_RE.match(masked[pos : pos + 120])
                if t:
                    pos += t.end()
            right = masked[pos : min(limit, pos + TAIL_WINDOW)]
            m_sp = RIGHT_SPEECH_RE.match(right) or (
                (PREP_START_RE.match(right) or bd.OF_START_RE.match(right))
                and RIGHT_PREP_SPEECH_RE.match(right)
            )  # "said of the vote, “...”"
            content: tuple[int, int] | None = None
            as_tail = (
                bd.AS_TAIL_RE.match(right)
                if not f.inverted
                and f.mention is not None
                and f.lemma in SPEECH_LEMMAS
                and f.lemma != "according to"
                and bd.AS_LEAD_RE.search(lead)
                else None
            )
            if as_tail is not None:
                # "As X put it in a report last spring, the gains are “real but uneven.”", "As X
                # said last week, “...”": the clause (or quotation) after the aside is hers
                q = quote_at(index, pos + as_tail.end(), base, ending=False)
                if q is not None and q.speech:
                    parts.append((q.start - base, q.end - base, "direct"))
                elif CLAUSE_START_RE.match(right[as_tail.end() :]):
                    content = (pos + as_tail.end(), limit)
            elif m_sp and f.lemma != "according to":
                q = quote_at(index, pos + m_sp.end(), base, ending=False)
                if q is not None and q.speech:
                    parts.append((q.start - base, q.end - base, "direct"))
            elif (
                (f.lemma in lx.NAMING_VERBS or f.cue.lower() in lx.NAMING_VERBS)
                and (f.inherit or not f.cue.endswith("ing"))
                and NAMING_OBJ_RE.match(masked, pos, limit)
                and not naming_bad(masked, pos, limit)
                and not f.inverted
                and not (
                    f.mention is not None
                    and f.mention.kind == "np"
                    and re.match(r"(?:an?|An?)\s", f.mention.text)
                )
                and not (f.cue.lower().startswith("call") and PHONE_CALL_RE.match(masked, pos, limit))
            ):
                # "X called the plan a disaster", "Y described it as “a mess”": object and complement
                # (not "with critics describing it as ...", a circumstance with its own subject)
                content = (pos, limit)
            elif f.lemma in lx.NAMING_VERBS or f.cue.lower() in lx.NAMING_VERBS:
                for q in index.within(base + pos, base + limit):
                    if q.speech and not q.unclosed:
                        gap = masked[pos : q.start - base]
                        if len(gap) < 80 and SPEECH not in gap:
                            parts.append((q.start - base, q.end - base, "mixed"))
                        break
            elif f.lemma == "according to":
                # "According to X, content." (content after the speaker)
                lead0 = masked[: f.start].strip(" ,—–-(") if f.start <= TAIL_WINDOW else lead
                # "Over the next decade, according to X, content.": a short adverbial before it
                short_intro = bool(lead0) and lead.endswith(",") and intro_only(lead0)
                # "It did not go unnoticed: according to X, ...": a colon ends what went before
                if (
                    f.start == 0
                    or not lead0
                    or INTRO_ONLY_RE.match(lead0)
                    or short_intro
                    or lead0[-1] in ":;"
                ):
                    r = ACC_SKIP_RE.match(right)
                    if r:
                        skip = r.end()
                        r2 = ACC_APP2_RE.match(right, skip)
                        if r2 and not r.group().strip(" ,") and not APP_VERB_RE.search(r2.group()):
                            # "according to X, an economist at Y, a research group in Z, the
                            # content": the description of her organisation goes too
                            skip = r2.end()
                        content = (pos + skip, limit)
                        if short_intro and not INTRO_ONLY_RE.match(lead0) and count_words(lead0) >= 2:
                            a0, b0 = trim_content(masked, 0, lead_len)
                            parts.append((a0, b0, content_kind(masked, a0, b0)))
            else:
                right0 = masked[that_pos : min(limit, that_pos + 160)]
                tm = THAT_RE.search(right0[:160])
                if tm is not None and bd.that_gap_ok(right0[: tm.start()], f.lemma):
                    content = (that_pos + tm.end(), limit)
                if (
                    content is None
                    and f.lemma in lx.BARE_CLAUSE
                    and (f.lemma not in lx.THAT_ONLY or bd.bare_clause(masked, that_pos))
                    and f.lemma not in lx.QUOTE_ONLY
                    and not f.inverted
                ):
                    r = LEAD_PUNCT_RE.match(right)
                    rest = right[r.end() :]
                    if (
                        f.cue.endswith("ing")
                        and f.lemma in lx.OTHER_SENSE
                        and BY_BEFORE_RE.search(masked, max(0, f.cue_start - 120), f.cue_start)
                        and not FINITE_RE.search(rest[:100])
                    ):
                        # "make up the shortfall by raising fees, admitting more students": a
                        # means, not speech; after "by", such a gerund's bare content needs a verb
                        rest = ""
                    as_lead = right[: r.end()].strip() == "," and bd.AS_LEAD_RE.search(lead)
                    if (
                        f.lemma in lx.WRITING
                        and count_words(re.split(r"[,;.:!?]", rest, maxsplit=1)[0]) <= 3
                        and not FINITE_RE.search(rest[:60])
                        and SPEECH not in rest[:60]
                    ):
                        rest = ""  # "who wrote the bill": a thing made, not words reported
                    if (
                        rest
                        and CLAUSE_START_RE.match(rest)
                        and not PREP_START_RE.match(rest)
                        and (
                            as_lead  # "As Ann Kim explained, three taxes were postponed": the clause is hers
                            or not (
                                right[: r.end()].strip() == "," and f.mention is not None and not f.inherit
                            )
                        )
                    ):
                        content = (pos + r.end(), limit)
                    elif rest and not f.inherit:
                        pm = SAID_IN_RE.match(right)  # "said in a statement on Thursday they would ..."
                        if pm and pm.end() > len(right) - len(right.lstrip()):
                            content = (pos + pm.end(), limit)
            if content is None and not parts and f.lemma == "ask" and not f.inverted:
                t = TELL_OBJ_RE.match(masked[that_pos : that_pos + 120])
                p2 = that_pos + (t.end() if t else 0)
                am = ASK_RE.match(masked[p2 : min(limit, p2 + 200)])
                ao = ASK_OBJ_RE.match(masked[that_pos : min(limit, that_pos + 200)])
                if am:
                    content = (p2 + am.end(), limit)
                elif ao:  # "asked the board to delay the vote": the person asked and the request
                    content = (that_pos + ao.start("o"), limit)
            if (
                content is None
                and not parts
                and f.lemma in OBJECT_LEMMAS
                and not f.inverted
                and f.lemma != "according to"
            ):
                rest = masked[that_pos : min(limit, that_pos + 200)]
                r = SPACES_RE.match(rest)
                body = rest[r.end() :]
                if (
                    body
                    and (CLAUSE_START_RE.match(body) or body.startswith(("to ", FRAG)))
                    and not PREP_START_RE.match(body if not body.startswith("to ") else "x")
                ):
                    content = (that_pos + r.end(), bd.object_end(masked, that_pos + r.end(), limit))
            if content is None and not parts and f.lemma in lx.TO_CLAUSE and not f.inverted:
                # "X vowed to repeal the law", "Y threatened to sue": the promised act is the content
                p2 = bd.WHEN_SKIP_RE.match(masked, that_pos).end()  # "pledged Saturday to ..."
                if bd.promised_act(masked, p2, f.lemma):
                    content = (p2, limit)
            if content is not None and bd.prep_content(masked, content[0]):
                content = None
            if content is not None:
                a, b = content
                b = bd.content_end(
                    index, text, base, masked, a, b, cue_start=f.cue_start, lemma=f.lemma, cue=f.cue
                )
                b = bd.subordinate_end(text, base, masked, a, b, f.start, f.end, f.cue)
                a2, b2 = trim_content(masked, a, b)
                colon = COLON_QUOTE_RE.search(masked, a2, b2)
                if colon and count_words(masked[a2 : colon.start()]) >= 3:
                    # "X said that a deal might be possible: “...”": the reported clause, then
                    # the quotation the colon introduces, each a part of its own
                    q = quote_at(index, colon.end(), base, ending=False)
                    if q is not None and q.speech and q.end - base >= b2 - 1:
                        c2, d2 = trim_content(masked, a2, colon.start())
                        parts.append((c2, d2, content_kind(masked, c2, d2)))
                        parts.append((q.start - base, q.end - base, "direct"))
                        a2 = b2
                nw2 = count_words(text[base + a2 : base + b2])  # "Kim said no": a one-word answer
                if a2 < b2 and (
                    nw2 >= 2
                    or YES_NO_RE.fullmatch(masked, a2, b2)
                    or bd.one_word_object(_nests_in_content(f), masked, a2, b2)
                ):
                    q = quote_at(index, a2, base, ending=False)
                    if q is not None and q.end - base >= b2 - 1 and q.speech:
                        parts.append((q.start - base, q.end - base, "direct"))
                    else:
                        parts.append((a2, b2, content_kind(masked, a2, b2)))
            acc_lead = f.lemma == "according to" and (
                lead.endswith(("—", "–"))
                or (count_words(lead) >= 4 and lead[-1:].isalnum() and not BY_END_RE.search(lead))
            )
            det = LEAD_DET_RE.search(lead)
            if det and not f.inverted and lead[: det.start()].endswith(","):
                # "..., the Harbor Times reported": the article belongs to the speaker
                lead_len -= len(lead) - det.start()
                lead = lead[: det.start()]
            # (not "Despite the coverage, Kim said that “...”": "that" opens all she said)
            right_quote = len(parts) == 1 and parts[0][2] == "direct" and parts[0][0] >= f.end
            right_quote = right_quote and not re.match(r"\s*that\b", masked[f.end : parts[0][0]])
            if (
                (not parts or right_quote)
                and f.lemma not in lx.QUOTE_ONLY
                and (f.inverted or f.mention is not None)
                and (lead.endswith(",") or acc_lead)
                and lead_len > consumed
                # "..., with many marchers chanting “...”": an aside with its own speakers
                and not (f.mention is not None and f.mention.text[:5].lower() == "with ")
            ):
                tail_at = f.end
                if f.lemma == "tell" and not f.inverted:
                    t = TELL_OBJ_RE.match(
                        masked[f.end : min(limit, f.end + 120)]
                    )  # "..., Brisk told the paper."
                    if t:
                        tail_at += t.end()
                tail = masked[tail_at : min(limit, tail_at + TAIL_WINDOW)]
                paren = PAREN_RE.match(tail)
                trivial = _trivial_tail(masked, tail_at, limit) or (
                    limit - tail_at <= TAIL_WINDOW
                    and REL_TAIL_RE.match(tail)
                    # "..., she noted, which could explain ...": a comment on the content before
                    and (f.inverted or tail.lstrip(" ,").startswith("which"))
                )
                if right_quote:  # "In short, she said, “...”": the words before the cue are content too
                    trivial, paren = None, None
                    a2, b2 = trim_content(masked, consumed, lead_len)
                    head = masked[a2:b2]
                    if (
                        SPEECH not in head
                        and count_words(head) >= 1
                        and not INTRO_ONLY_RE.match(head)
                        and not f.inherit  # "X stepped up his focus, saying, “...”": no content before
                        and not (
                            bd.DESC_HEAD_RE.match(head)
                            and count_words(head) <= 8
                            and not FINITE_RE.search(head)
                            and not THAT_WORD_RE.search(head)
                        )  # "Another user, Tom Z," (but "The figures assume that ..., he said, “...”")
                        # "Even before she took the stage, X said, “We ...”" (but "When we win, she
                        # said, “we rebuild”" is one sentence of hers)
                        and not (
                            bd.SUBORD_HEAD_RE.match(head)
                            and opens_upper(text, base + parts[0][0])
                            and not find_cues(head.split(None, 1)[0].lower())  # "Noting that ...": a cue
                        )
                        and not PREP_START_RE.match(head[:1].lower() + head[1:])  # "Here in Lakeside,"
                        and not bd.ASKED_HEAD_RE.match(
                            head
                        )  # "Asked about the plan, X said, “...”": the question
                    ):
                        parts.insert(0, (a2, b2, "indirect"))
                if bd.holds_reports(out, masked, base, lead_len, f.start, f.lemma, trivial):
                    out.clear()  # "Two others pledged to back her, according to X": X's report holds theirs
                    consumed = 0
                if trivial or paren:
                    a2, b2 = trim_content(masked, consumed, lead_len)
                    a2 = skip_intro(masked, a2, b2)
                    if ASKED_RE.match(masked[a2:b2]) or (trivial and bd.circumstance_only(masked, a2, b2)):
                        a2 = b2  # "Asked if ..., X said", "In a speech in May, X said:": not X's words
                    nw = count_words(text[base + a2 : base + b2])
                    left_ok = (nw >= 3 or (not trivial and nw >= 1)) and not INTRO_ONLY_RE.match(
                        masked[a2:b2]
                    )
                    open_end = OPEN_END_RE.search(masked, a2, b2)  # "..., because, according to X, ..."
                    left_ok = left_ok and not open_end
                    if left_ok:
                        q = quote_at(index, a2, base, ending=False)
                        if q is not None and q.end - base >= b2 - 1 and q.speech:
                            parts.append((q.start - base, q.end - base, "direct"))
                        else:
                            parts.append((a2, b2, content_kind(masked, a2, b2)))
                    if (
                        paren
                        and not trivial
                        and (
                            f.lemma != "according to"
                            # "Ridership, according to the port, has surged": the clause goes on
                            or VP_START_RE.match(masked, tail_at + paren.end(), limit)
                            or open_end
                        )
                    ):
                        c, d = tail_at + paren.end(), limit
                        cut = bd.CUT_RE.search(masked, c, d)
                        if cut:
                            d = cut.start()
                        c, d = trim_content(masked, c, d)
                        if count_words(text[base + c : base + d]) >= 2:
                            parts.append((c, d, content_kind(masked, c, d)))
        if not parts:
            continue
        for q in index.within(base + f.start, base + f.end):  # a quotation inside the frame ("X, citing
            if q.end - base <= f.end:  # “...,” said") is not a quote of its own
                q.used = True
        group = f"s{sent_index}f{i}" if len(parts) > 1 else None
        for a, b, kind in parts:
            for q in index.within(base + a, base + b):
                if q.end - base <= b:
                    q.used = True
            out.append(
                Raw(
                    base + a,
                    base + b,
                    kind,
                    f.cue,
                    base + f.cue_start,
                    base + f.cue_end,
                    f.mention,
                    "frame",
                    group,
                    sent.start,
                    sent.end,
                    sent=sent_index,
                )
            )
            consumed = max(consumed, b)
        consumed = max(consumed, f.end)
    return out
