"""What a run knows across articles, linked in the parent in input order after the
per-article work: a speaker an article names only by surname is the person of that surname
named in full earlier (or in the registry), and every quote of a person carries the run's
record of them (role, organisation, expert flag). Deterministic and independent of the
number of processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from annotator.models import Quote
from annotator.quotes.people import People, is_organisation


def link_across_articles(quotes: Iterable[Quote], people: People) -> Iterator[Quote]:
    """Parent side, in input order, after the per-article work: what the run knows across
    articles. A speaker an article names only by surname ("Valdivia said") is linked to
    the one person of that surname named in full in an earlier article or the registry;
    every person's quote then carries the run's record of them (role, organisation,
    expert flag), as when one process meets the articles in order. Deterministic and
    independent of the number of processes."""
    seen: dict[tuple, Any] = {}  # (article, speaker, id, role, organisation) -> (name, id, person)
    for q in quotes:
        name = q.speaker
        if not name or not q.speaker_id or q.attribution == "group":
            yield q
            continue
        key = (q.article_id, name, q.speaker_id, q.role, q.organisation)
        hit = seen.get(key)
        if hit is None:
            if is_organisation(name):
                hit = seen[key] = (name, q.speaker_id, None)
            else:
                pid = q.speaker_id
                if len(name.split()) == 1:
                    known = people.find(name) or people.by_surname(name)
                    if known is not None and known.kind == "person" and known.id != pid:
                        name, pid = known.name, known.id
                p = people.meet(name, role=q.role, organisation=q.organisation, article_id=q.article_id)
                hit = seen[key] = (name, pid, p if p.kind == "person" else None)
            if len(seen) > 10_000:
                seen.clear()
        name, pid, p = hit
        update: dict = {}
        if (name, pid) != (q.speaker, q.speaker_id):
            update.update(speaker=name, speaker_id=pid)
        if p is not None:
            expert = bool(q.speaker_is_expert or p.expert_flag)
            if (p.role, p.organisation, expert) != (q.role, q.organisation, q.speaker_is_expert):
                update.update(role=p.role, organisation=p.organisation, speaker_is_expert=expert)
        yield _replace(q, update) if update else q


def _replace(record: Any, update: dict) -> Any:
    """A copy with some fields changed (values already valid), without validating again.
    Unlike `model_copy`, also for records built with `model_construct(_fields_set=frozenset(...))`;
    a shallow copy of the field values, as `model_copy` makes (the parent does this for
    every quote it relinks, so it is kept cheap)."""
    new = record.__copy__()
    new.__dict__.update(update)
    object.__setattr__(new, "__pydantic_fields_set__", set(record.model_fields_set) | set(update))
    return new


__all__ = ["link_across_articles"]
