"""The people registry: ids, names, roles, the expert rule, registry files."""

from __future__ import annotations

import pytest

from annotator.errors import InputError
from annotator.quotes.people import People, expert_by_role, slug, split_role, split_title
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ann Kim", "ann-kim"),
        ("Dr. José Núñez-Ortiz", "dr-jose-nunez-ortiz"),
        ("Marta von der Heide", "marta-von-der-heide"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("Dr. Ann Kim", ("Ann Kim", "Dr.")),
        ("Professor Ann Kim", ("Ann Kim", "Professor")),
        ("campaign spokeswoman Jo Park", ("Jo Park", "campaign spokeswoman")),
        ("Commission President Marta von der Heide", ("Marta von der Heide", "Commission President")),
        ("Tom Brisk Jr.", ("Tom Brisk", None)),
        ("Kim", ("Kim", None)),
        # a profession opening the sentence before a two-word name
        ("Hydrologist Mia Holt", ("Mia Holt", "Hydrologist")),
        ("Statistician Tom Brisk", ("Tom Brisk", "Statistician")),
        # a two-word name keeps its first word, whatever its ending
        ("Christian Lind", ("Christian Lind", None)),
        ("Julian Marsh", ("Julian Marsh", None)),
        # an agent noun that is no given name, before a given name and a surname, is a role
        ("Homeowner Greg Lind", ("Greg Lind", "Homeowner")),
        ("Commuter Dana Ruiz", ("Dana Ruiz", "Commuter")),
        # ... but a name of three words stays whole
        ("Mary Ann Lind", ("Mary Ann Lind", None)),
        ("Tyler Ann Kim", ("Tyler Ann Kim", None)),
    ],
)
def test_split_title(mention, expected):
    assert split_title(mention) == expected


@pytest.mark.parametrize(
    "appositive, expected",
    [
        ("a senior lecturer at Harbor College", ("senior lecturer", "Harbor College")),
        ("an expert in urban policy at the Harbor Institute", ("expert in urban policy", "Harbor Institute")),
        ("the leader of the Green Party", ("leader", "Green Party")),
        ("who has studied rents for years", ("studied rents for years", None)),
        ("a retired judge", ("retired judge", None)),
    ],
)
def test_split_role(appositive, expected):
    assert split_role(appositive) == expected


@pytest.mark.parametrize(
    "role, title, expected",
    [
        ("senior lecturer", None, True),
        ("research fellow", None, True),
        ("economist", None, True),
        ("senior country risk adviser", None, True),
        ("former deputy assistant secretary general", None, True),
        ("former ambassador to the alliance", None, True),
        ("former president", None, False),
        ("president", None, False),
        ("campaign spokeswoman", None, False),
        ("senator", None, False),
        (None, "Professor", True),
        (None, "Mr.", False),
        (None, None, False),
    ],
)
def test_expert_rule(role, title, expected):
    assert expert_by_role(role, title) is expected


def test_load_the_seed_registry():
    people = People.load(SEEDS / "experts.yaml")
    experts = people.experts()
    assert len(experts) == 4
    assert all(e.is_expert and e.pronoun and e.role and e.organisation and e.aliases for e in experts)
    assert all(e.id == slug(e.name) for e in experts)
    for e in experts:
        assert people.find(e.aliases[0]).id == e.id


def test_load_json_and_defaults(tmp_path):
    path = tmp_path / "reg.json"
    path.write_text('[{"name": "Ann Kim", "aliases": ["Kim"]}]', encoding="utf-8")
    (e,) = People.load(path).experts()
    assert (e.id, e.is_expert) == ("ann-kim", True)


@pytest.mark.parametrize(
    "content, message",
    [
        ("experts: [", "not valid YAML/JSON"),
        ("experts: 3", "expected a list of experts"),
        ("experts:\n  - role: analyst", "expert #1 has no 'name'"),
        ("experts:\n  - name: Ann Kim\n    pronoun: it", r"expert #1 \(Ann Kim\): pronoun"),
    ],
)
def test_bad_registry(tmp_path, content, message):
    path = tmp_path / "reg.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        People.load(path)


def test_missing_registry(tmp_path):
    with pytest.raises(InputError, match="no such expert registry"):
        People.load(tmp_path / "nope.yaml")
