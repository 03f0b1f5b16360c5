"""Find quotes in an article: the algorithm, one paragraph at a time.

1. `text`: paragraphs, their quotation-mark spans (speech or a quoted term; single marks
   when the article has no double ones), sentences.
2. Per sentence, with its quotations masked: `frames` pairs each reporting cue (`cues`)
   with its speaker (`speakers`), and `content` takes what each frame reports.
3. Speech quotations no frame claimed continue the quote before them (in the paragraph,
   or the previous paragraph when the new one opens with a quotation mark); a frame ending
   in a colon hands its speaker to the next paragraph's quotation.
4. `special`: headlines, "Name: ..." lines, sourceless attributions, questions asked.

Linear-time scanning: every regex runs on one sentence with bounded windows; a quotation
mark left open is capped at the end of its paragraph. The output is a list of `Raw`
candidates with the speaker *mention*; `attribute.py` turns mentions into people.
"""

from __future__ import annotations

import bisect
import re

from annotator.quotes.content import sentence_quotes
from annotator.quotes.cues import SPEECH_LEMMAS, lemma_of
from annotator.quotes.frames import find_frames
from annotator.quotes.records import Mention, QSpan, Raw, Sentence
from annotator.quotes.special import (
    announcing_speaker,
    asked_quotes,
    colon_speaker,
    dash_speaker,
    headline_quotes,
    qa_answer,
    qa_interviewee,
    stative_quotes,
    title_quotes,
    view_quotes,
    voiced_speaker,
)
from annotator.quotes.text import (
    COLON_END_RE,
    mask_sentence,
    paragraphs,
    quotations,
    sentence_index,
    sentences,
    uses_single_marks,
)

#: how a block quotation's paragraph opens: a capital letter and a word (not a list's dash,
#: markup, a number or a caption)
BLOCK_START_RE = re.compile(r"[A-Z][a-z’']*\b(?![:.])")
#: a colon that announces a list or a summary, not someone's words ("found that:", "the following:")
LIST_COLON_RE = re.compile(r"\b(?:that|following|these|this|below)\s*:\s*$")


def find_raw(text: str) -> tuple[list[Raw], list[Sentence]]:
    """All quote candidates of an article, in text order, and its sentences."""
    raws: list[Raw] = []
    all_sents: list[Sentence] = []
    sent_ends: list[int] = []  # where each sentence of `all_sents` ends (for look-ups by position)
    prev_para_last: int | None = None  # index in raws of the previous paragraph's last quote
    pending: Raw | None = None  # "X said:" at a paragraph end, waiting for its quote
    announce: tuple[Sentence, str] | None = None  # a paragraph's last sentence that may announce speech
    single = uses_single_marks(text)  # British style: 'single marks' quote
    qa = qa_interviewee(text) if "Q" in text else None  # an interview printed as "Q: / A:"
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        quotes = quotations(text, ps, pe, single)
        sents = sentences(text, ps, pe, quotes)
        para_raws: list[Raw] = []
        sent_quotes: list[list[QSpan]] = []  # the quotations inside each sentence
        sent_masks: list[str] = []  # each sentence with its quotations masked
        qi = 0
        for s in sents:
            while qi < len(quotes) and quotes[qi].end <= s.start:
                qi += 1
            sq = []
            j = qi
            while j < len(quotes) and quotes[j].start < s.end:
                if quotes[j].start >= s.start and quotes[j].end <= s.end:
                    sq.append(quotes[j])
                j += 1
            idx = len(all_sents)
            all_sents.append(s)
            sent_ends.append(s.end)
            sent_quotes.append(sq)
            masked = mask_sentence(text, s, sq)  # one mask a sentence, read by every pass below
            sent_masks.append(masked)
            for r in sentence_quotes(text, s, sq, idx, masked):
                r.para = pi
                para_raws.append(r)
        # a frame ending with a colon and no content: its quote is the next paragraph's
        last_s = sents[-1] if sents else None
        new_pending = None
        if (
            last_s is not None
            and COLON_END_RE.search(text[last_s.start : last_s.end])
            and not any(q for q in quotes if q.start >= last_s.start)
        ):
            masked = mask_sentence(text, last_s, [])
            fr = find_frames(text, masked, last_s.start)
            if fr and fr[-1].mention is not None:
                f = fr[-1]
                new_pending = Raw(
                    0,
                    0,
                    "direct",
                    f.cue,
                    last_s.start + f.cue_start,
                    last_s.start + f.cue_end,
                    f.mention,
                    "frame",
                    None,
                    last_s.start,
                    last_s.end,
                )
        # "Ann Kim continued her remarks." closing a paragraph with no quotation: read only if the
        # next paragraph opens with one
        new_announce = (
            (last_s, sent_masks[-1])
            if new_pending is None
            and last_s is not None
            and not quotes
            and not any(k.sent_start == last_s.start for k in para_raws)
            else None
        )
        # speech quotes no frame claimed: continuations, or unattributed
        unclaimed = [q for q in quotes if q.speech and not q.used]
        first = len(all_sents) - len(sents)
        framed = Neighbours(para_raws) if unclaimed else None  # (built only where it is read)
        last_unclaimed: Raw | None = None
        for q in unclaimed:
            si = sentence_index(sent_ends, q.start, len(all_sents) - len(sents))
            s = all_sents[si]
            r = Raw(
                q.start, q.end, "direct", None, None, None, None, "none", None, s.start, s.end, pi, sent=si
            )
            before = last_unclaimed or framed.last_before(q.start)  # the quote it continues
            after = framed.first_direct_after(q.start) if before is None else None
            # "“...” ― Ann Kim", "Ann Kim replied: “...”", "Fans responded with chants of “...”"
            signed = (
                dash_speaker(text, q, pe)
                or colon_speaker(text, sent_masks[si - first], s, q)
                or voiced_speaker(text, sent_masks[si - first], s, q)
            )
            if signed is None and q.start == s.start and si > first and last_unclaimed is None:
                # "Her friend Jo Marsh chimed in. “...”": the sentence before announces it
                prev = all_sents[si - 1]
                if not any(k.sent_start == prev.start for k in para_raws):
                    ann = announcing_speaker(text, sent_masks[si - 1 - first], prev)
                    if ann is not None:
                        r.mention, r.how, r.cue, r.cue_start, r.cue_end = (
                            ann[0],
                            "frame",
                            ann[1],
                            ann[2],
                            ann[3],
                        )
                        para_raws.append(r)
                        last_unclaimed = r
                        continue
            if pending is None and announce is not None and q.start == ps and signed is None:
                ann = announcing_speaker(text, announce[1], announce[0])
                if ann is not None:
                    s0 = announce[0]
                    pending = Raw(
                        0, 0, "direct", ann[1], ann[2], ann[3], ann[0], "frame", None, s0.start, s0.end
                    )
            if isinstance(signed, Mention):
                r.mention, r.how, r.cue = signed, "frame", "―"
                r.cue_start, r.cue_end = q.end, signed.start
            elif signed is not None and not (pending is not None and q.start == ps):
                r.mention, r.how, r.cue = signed[0], "frame", text[signed[1] : signed[2]]
                r.cue_start, r.cue_end = signed[1], signed[2]
            elif pending is not None and q.start == ps:
                r.cue, r.cue_start, r.cue_end, r.mention, r.how = (
                    pending.cue,
                    pending.cue_start,
                    pending.cue_end,
                    pending.mention,
                    "frame",
                )
            elif before is not None:
                r.how = "continuation"
                r.inherit_raw = before
            elif after is not None:
                r.how = "continuation"
                r.inherit_raw = after
            elif q.start == ps and prev_para_last is not None:
                r.how = "continuation"
                r.inherit_raw = raws[prev_para_last]
            para_raws.append(r)
            last_unclaimed = r
        by_sent: dict[int, list[Raw]] = {}
        for k in para_raws:
            by_sent.setdefault(k.sent_start, []).append(k)
        answer: Raw | None = None  # "Name: ..." opening the paragraph: a transcript's answer
        dropped: set[int] = set()  # frames inside an answer (filtered once: a long paragraph stays linear)
        for i, (s, sq, masked) in enumerate(zip(sents, sent_quotes, sent_masks)):
            si = first + i
            here = by_sent.setdefault(s.start, [])
            extra = (
                headline_quotes(text, s, sq, si, masked) + title_quotes(text, s, sq, si, masked)
                if s.start == ps
                else []
            )
            if answer is not None and not sq and all(_first_person_or_none(k) for k in here):
                # "Ward: Not as a mandate. I would leave it to firms.": the answer goes on
                dropped.update(id(k) for k in here)
                a, b = _trimmed(text, s.start, s.end)
                r = Raw(
                    a,
                    b,
                    answer.kind,
                    None,
                    None,
                    None,
                    None,
                    "continuation",
                    None,
                    s.start,
                    s.end,
                    pi,
                )
                r.sent, r.inherit_raw = si, answer
                by_sent[s.start] = [r]
                para_raws.append(r)
                continue
            answer = None
            found = stative_quotes(text, s, sq, si, masked) + asked_quotes(text, s, sq, si, masked)
            for r in extra + found + view_quotes(text, s, sq, si, masked):
                if not any(k.start < r.end and r.start < k.end for k in here):
                    here.append(r)
                    r.para = pi
                    para_raws.append(r)
                    if r.cue == ":" and r in extra and r.end >= s.end - 2 and len(sents) > 1:
                        answer = r
        if dropped:
            para_raws = [k for k in para_raws if id(k) not in dropped]
        qa_raw = qa_answer(text, ps, pe, qa) if qa is not None else None
        if qa_raw is not None:  # "A: Mostly, yes. ...": the interviewee's words, whole
            qa_raw.para, qa_raw.sent = pi, first
            # the answer's own pieces ("Tenorio: ..." read as a title, and its sentences)
            para_raws = [k for k in para_raws if not (k.start >= qa_raw.start - 2 and _answer_piece(k))]
            para_raws.append(qa_raw)
        if pending is not None and not quotes and not para_raws:
            block = block_quote(text, ps, pe, pending)  # "Kim wrote:" and a paragraph with no marks
            if block is not None:
                block.para, block.sent = pi, first
                para_raws.append(block)
        para_raws.sort(key=lambda r: r.start)
        pending, announce = new_pending, new_announce
        if para_raws:
            raws.extend(para_raws)
            prev_para_last = len(raws) - 1
        else:
            prev_para_last = None
    return raws, all_sents


def block_quote(text: str, ps: int, pe: int, pending: Raw) -> Raw | None:
    """A paragraph after "Ann Kim wrote:" that has no quotation marks and no frame of its own:
    a block quotation whose marks were lost (scraped text drops a `<blockquote>`'s), hers
    whole. Only a speech verb's colon hands it on ("the report found:", "the list:" do not)."""
    a, b = _trimmed(text, ps, pe)
    if lemma_of(pending.cue or "") not in SPEECH_LEMMAS or not BLOCK_START_RE.match(text, a, b):
        return None
    if len(text[a:b].split()) < 6 or text[a:b].endswith(":"):
        return None  # a short line, or a paragraph that announces one of its own
    if LIST_COLON_RE.search(text, pending.sent_start, pending.sent_end):
        return None  # "found that:", "said the following:": a list or a summary follows
    return Raw(
        a, b, "direct", pending.cue, pending.cue_start, pending.cue_end, pending.mention, "frame", None, a, b
    )


def _answer_piece(r: Raw) -> bool:
    """A piece of an interview answer found on its own: the "Name:" line read as a title, and
    its continuations (frames inside the answer, "I think ...", stay quotes of their own)."""
    return r.cue == ":" or r.how == "continuation"


def _first_person_or_none(r: Raw) -> bool:
    """A frame whose speaker is "I"/"we" or nobody: inside a transcript's answer, the answerer."""
    m = r.mention
    return m is None or (m.kind == "pronoun" and m.text.lower() in ("i", "we"))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without edge spaces and its closing full stop."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?"):
        b -= 1
    return a, b


class Neighbours:
    """A paragraph's framed quotes, for a quotation no frame claimed: the last of them (in
    the order found) that starts before it, or the first direct one after it, each found in
    O(log n) (a paragraph of 10^5 quotes stays linear)."""

    def __init__(self, raws: list[Raw]):
        self.raws = list(raws)
        order = sorted(range(len(self.raws)), key=lambda i: self.raws[i].start)
        self.starts = [self.raws[i].start for i in order]
        self.latest: list[int] = []  # the largest index among the first k+1 by start
        for i in order:
            self.latest.append(max(i, self.latest[-1]) if self.latest else i)
        direct = sorted((r.start, i) for i, r in enumerate(self.raws) if r.kind == "direct")
        self.direct_starts = [a for a, _ in direct]
        self.earliest: list[int] = [0] * len(direct)  # the smallest index among the k-th and later by start
        for k in range(len(direct) - 1, -1, -1):
            i = direct[k][1]
            self.earliest[k] = min(i, self.earliest[k + 1]) if k + 1 < len(direct) else i

    def last_before(self, pos: int) -> Raw | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        return self.raws[self.latest[k]] if k >= 0 else None

    def first_direct_after(self, pos: int) -> Raw | None:
        k = bisect.bisect_right(self.direct_starts, pos)
        return self.raws[self.earliest[k]] if k < len(self.direct_starts) else None
