"""People who speak in the articles: canonical names, ids, roles, and the expert rule.

`People` is the registry of one run. It starts from an optional registry file (a YAML or
JSON list of experts, as in seeds/experts.yaml) and learns every named speaker it meets, so
one person has one canonical name and id across all articles of a run. Ids are slugs of the
full name ("first-last"): the same name gives the same id in every run.

Expert rule (documented in the README): a speaker is an expert when the registry says so
(`is_expert`), or when their role, organisation and title match an expert row of the table
in `annotator.quotes.roles` (scholars, analysts, heads of research organisations, former
non-elected officials); politicians, spokespeople, campaign and company staff are not.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from annotator.errors import InputError
from annotator.models import Expert
from annotator.quotes import lexicon as lx
from annotator.quotes.given_names import is_given_name
from annotator.quotes.roles import expert_by_role, split_role

ORG_WORDS = {
    "house",
    "department",
    "ministry",
    "party",
    "committee",
    "council",
    "university",
    "institute",
    "campaign",
    "post",
    "times",
    "news",
    "journal",
    "network",
    "inc",
    "corp",
    "commission",
    "agency",
    "office",
    "court",
    "senate",
    "congress",
    "pentagon",
    "kremlin",
    "administration",
    "association",
    "foundation",
    "center",
    "centre",
    "bureau",
    "service",
    "group",
    "union",
    "bank",
    "fund",
    "organization",
    "organisation",
    "board",
    "company",
    "corporation",
    "club",
    "college",
    "school",
    "church",
    "government",
    "parliament",
    "assembly",
    "embassy",
    "tribune",
    "herald",
    "telegraph",
    "guardian",
    "gazette",
    "review",
    "magazine",
    "press",
    "radio",
    "television",
    "tv",
    "media",
    "reuters",
    "associated",
    "project",
    "coalition",
    "alliance",
    "federation",
    "league",
    "society",
    "trust",
    "forum",
    "initiative",
    "watch",
    "airlines",
    "motors",
    "systems",
    "technologies",
    "labs",
    "capital",
    "partners",
    "fox",
    "police",
    "army",
    "navy",
    "force",
    "guard",
    "republicans",
    "democrats",
    "gop",
    "state",
    "states",
    "city",
    "county",
    "district",
    "street",
    "hall",
    "hospital",
    "museum",
    "library",
}


@lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """ "Dr. Ana María López-Ortiz" -> "ana-maria-lopez-ortiz"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[’']s\b", "", s.lower())
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "unknown"


def _key(name: str) -> str:
    return slug(name)


#: the endings of profession nouns ("hydrologist", "statistician", "demographer")
PROFESSION_RE = re.compile(r"(?:ologist|nomist|ist|ician|grapher|nomer)$")
#: the endings of nouns for what a person does or is ("homeowner", "resident", "shopkeeper")
AGENT_NOUN_RE = re.compile(r"..(?:er|or|ist|ian|ant|ent|man|woman)$")


@lru_cache(maxsize=4096)
def split_title(mention: str) -> tuple[str, str | None]:
    """("Dr. Ana Smith") -> ("Ana Smith", "Dr."); titles and role words before a name are
    split off; a trailing possessive and suffixes are dropped."""
    tokens = mention.replace("\u00a0", " ").split()
    tokens = [t for t in tokens if t]
    if tokens and re.search(r"[’']s$", tokens[-1]):
        tokens[-1] = tokens[-1][:-2]
    cut = 0
    for i, t in enumerate(tokens[:-1]):
        low = t.lower()
        if low in lx.NAME_PARTICLES and i > 0:
            continue
        if (
            low.rstrip(".") in lx.TITLES
            or low in lx.TITLES
            or not t[:1].isupper()
            or re.search(r"[’']s$", t)
            # a role word that is also a given name before one more word is the given name
            # ("Dean Fowler"; "Dean Ann Kim" is a dean)
            or (low in lx.ROLE_WORDS and not (len(tokens) - i == 2 and is_given_name(t)))
            # "Hydrologist Grace Osei": a profession opening the sentence, then the name
            or (len(tokens) - i > 2 and len(low) > 5 and PROFESSION_RE.search(low))
            # "Homeowner Greg Lind", "Resident Ann Kim": an agent noun that is no given name,
            # then a given name and more
            or (
                i == 0
                and len(tokens) >= 3
                and AGENT_NOUN_RE.search(low)
                and not is_given_name(t)
                and is_given_name(tokens[1])
            )
        ):
            cut = i + 1
    title = " ".join(tokens[:cut]) or None
    rest = tokens[cut:]
    while len(rest) > 1 and rest[-1].lower().rstrip(".,") in lx.NAME_SUFFIXES:
        rest.pop()
    return " ".join(rest), title


@lru_cache(maxsize=4096)
def is_organisation(name: str) -> bool:
    words = name.replace("’", "'").split()
    if any(w.lower().strip(".,'s") in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()


@dataclass
class Person:
    """A mutable record while a run learns about someone; `expert()` freezes it."""

    id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    organisation: str | None = None
    pronoun: str | None = None
    kind: str = "person"
    is_expert: bool | None = None
    registered: bool = False
    title: str | None = None
    articles: list[str] = field(default_factory=list)

    @property
    def expert_flag(self) -> bool:
        if self.is_expert is not None:
            return self.is_expert
        return self.kind == "person" and expert_by_role(self.role, self.title, self.organisation)

    def expert(self) -> Expert:
        return Expert(
            id=self.id,
            name=self.name,
            aliases=sorted(self.aliases - {self.name}),
            role=self.role,
            organisation=self.organisation,
            pronoun=self.pronoun,
            kind=self.kind,  # type: ignore[arg-type]
            is_expert=self.expert_flag,
            articles=list(self.articles),
        )


class People:
    """The people of a run: a registry file's experts plus every named speaker met."""

    MAX_ARTICLES_KEPT = 1000  # per person; memory must not grow with the corpus

    def __init__(self, experts: Iterable[Expert] = ()) -> None:
        self._by_id: dict[str, Person] = {}
        self._alias: dict[str, str] = {}
        self._surname: dict[str, set[str]] = {}
        for e in experts:
            p = Person(
                id=e.id,
                name=e.name,
                aliases=set(e.aliases),
                role=e.role,
                organisation=e.organisation,
                pronoun=e.pronoun,
                kind=e.kind,
                is_expert=e.is_expert if e.is_expert else None,
                registered=True,
                articles=list(e.articles),
            )
            self._add(p)

    @classmethod
    def load(cls, path: Path | str) -> People:
        """Read a registry: YAML or JSON, a list of experts or {"experts": [...]}. Each needs
        `name`; `id` defaults to the slug of the name; `is_expert` defaults to true."""
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"{path}: no such expert registry; check the --experts path") from None
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read the expert registry ({e})") from None
        try:
            if path.suffix.lower() == ".json":
                data = json.loads(raw)
            else:
                import yaml

                data = yaml.safe_load(raw)
        except (ValueError, ImportError) as e:  # json.JSONDecodeError is a ValueError
            raise InputError(
                f"{path}: not valid YAML/JSON ({str(e).splitlines()[0]}); fix the syntax"
            ) from None
        except Exception as e:  # noqa: BLE001 - yaml.YAMLError and its subclasses
            raise InputError(
                f"{path}: not valid YAML/JSON ({str(e).splitlines()[0]}); fix the syntax"
            ) from None
        if isinstance(data, dict):
            data = data.get("experts", data.get("people"))
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a list of experts (or a mapping with an 'experts' list)")
        experts = []
        seen_ids: dict[str, int] = {}
        seen_names: dict[str, int] = {}
        for i, item in enumerate(data, 1):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("name"), str)
                or not item["name"].strip()
            ):
                raise InputError(f"{path}: expert #{i} has no 'name'; every entry needs at least a name")
            item = dict(item)
            item.setdefault("id", slug(item["name"]))
            item.setdefault("is_expert", True)
            try:
                expert = Expert.model_validate(item)
            except ValidationError as e:
                from annotator.io import describe_validation

                raise InputError(f"{path}: expert #{i} ({item['name']}): {describe_validation(e)}") from None
            for seen, key, what in ((seen_ids, expert.id, "id"), (seen_names, slug(expert.name), "name")):
                if key in seen:
                    first = data[seen[key] - 1]
                    raise InputError(
                        f"{path}: experts #{seen[key]} ({first['name']}) and #{i} ({expert.name}) have "
                        f"the same {what} '{expert.id if what == 'id' else expert.name}'; one person "
                        "needs one entry (give the other its own id, or merge them)"
                    )
                seen[key] = i
            experts.append(expert)
        return cls(experts)

    def _add(self, p: Person) -> None:
        self._by_id[p.id] = p
        for a in {p.name, *p.aliases}:
            self._alias.setdefault(_key(a), p.id)
            bare, _ = split_title(a)
            self._alias.setdefault(_key(bare), p.id)
        parts = split_title(p.name)[0].split()
        if len(parts) >= 2 and p.kind == "person":
            self._surname.setdefault(parts[-1].lower(), set()).add(p.id)

    def experts(self) -> list[Expert]:
        """Everyone known, registry first, then in the order met."""
        return [p.expert() for p in self._by_id.values()]

    def get(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def find(self, name: str) -> Person | None:
        """A person by full name or alias (titles ignored)."""
        pid = self._alias.get(_key(name)) or self._alias.get(_key(split_title(name)[0]))
        return self._by_id.get(pid) if pid else None

    def by_surname(self, surname: str) -> Person | None:
        """The one person with this surname, if exactly one is known."""
        ids = self._surname.get(surname.lower())
        if ids and len(ids) == 1:
            return self._by_id[next(iter(ids))]
        return None

    def meet(
        self,
        name: str,
        *,
        kind: str = "person",
        role: str | None = None,
        organisation: str | None = None,
        title: str | None = None,
        pronoun: str | None = None,
        alias: str | None = None,
        article_id: str | None = None,
    ) -> Person:
        """The person with this canonical name, created or updated with what this mention says."""
        p = self.find(name)
        if p is None:
            pid = slug(name)
            if pid in self._by_id:  # another spelling of the same slug
                p = self._by_id[pid]
            else:
                p = Person(id=pid, name=name, kind=kind)
                self._add(p)
        if role and not p.role:
            p.role = role
        if organisation and not p.organisation:
            p.organisation = organisation
        if title and not p.title:
            p.title = title
        if pronoun and not p.pronoun:
            p.pronoun = pronoun
        if alias and alias != p.name and len(p.aliases) < 20:
            if alias not in p.aliases:
                p.aliases.add(alias)
                self._alias.setdefault(_key(alias), p.id)
        if (
            article_id
            and (not p.articles or p.articles[-1] != article_id)
            and len(p.articles) < self.MAX_ARTICLES_KEPT
        ):
            if article_id not in p.articles[-5:]:
                p.articles.append(article_id)
        return p


__all__ = [
    "ORG_WORDS",
    "People",
    "Person",
    "expert_by_role",
    "is_organisation",
    "slug",
    "split_role",
    "split_title",
]
