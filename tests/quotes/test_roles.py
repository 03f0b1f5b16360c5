"""Roles, organisations and the expert table (annotator.quotes.roles).

Every name and sentence here is invented for the tests."""

from __future__ import annotations

import pytest

from annotator.quotes.roles import EXPERT_RULES, describes_place_or_org, expert_rule, split_role


@pytest.mark.parametrize(
    "appositive, expected",
    [
        ("a senior lecturer at Harbor College", ("senior lecturer", "Harbor College")),
        # an adverb before the role: "now" is dropped, "formerly" makes it former
        ("now a professor of public health at Eastbrook", ("professor of public health", "Eastbrook")),
        # what someone has studied or written is a role the expert table reads
        (
            "who co-wrote one of the largest studies of ferry fares",
            ("co-wrote one of the largest studies of ferry fares", None),
        ),
        ("who has studied road tolls for two decades", ("studied road tolls", None)),
        ("formerly an engineer at Lantern Bank", ("former engineer", "Lantern Bank")),
        # a relative clause says what someone was ("former") or is
        (
            "an economist who served as director of the Tollgate Budget Office and is now president of the "
            "Quarry Policy Forum",
            ("economist; former director; president", "Tollgate Budget Office; Quarry Policy Forum"),
        ),
        # what someone does
        (
            "who teaches maritime law at Eastbrook University in Port Alder",
            ("teaches maritime law", "Eastbrook University"),
        ),
        (
            "a former executive at Lantern Bank, who now runs a research firm",
            ("former executive; runs a research firm", "Lantern Bank"),
        ),
        (
            "who was coordinator for river safety at the Harbor Department from 2009 to 2012",
            ("former coordinator for river safety", "Harbor Department"),
        ),
        # a description of up to three words between "at the" and the name
        (
            "a senior analyst at the energy research firm Brightline Partners",
            ("senior analyst", "Brightline Partners"),
        ),
        # how long is no part of the organisation
        (
            "a professor of law at Eastbrook University for 30 years",
            ("professor of law", "Eastbrook University"),
        ),
        # coordinated roles are kept apart; a place is not the organisation
        (
            "director of Quillfield Writers and an independent political analyst in Port Alder City",
            ("director; independent political analyst", "Quillfield Writers"),
        ),
        (
            "professor of maritime law at Eastbrook and author of a book",
            ("professor of maritime law; author of a book", "Eastbrook"),
        ),
        # roles and organisations are cut where a clause begins
        (
            "a former national security adviser now at the Harbor Group",
            ("former national security adviser", None),
        ),
        (
            "a professor at Eastbrook University who has correctly predicted every vote",
            ("professor", "Eastbrook University"),
        ),
        # an adjective before an organisation's name
        ("elections analyst at the independent Tollgate Report", ("elections analyst", "Tollgate Report")),
        # an organisation first: two words, an acronym or a possessive; a party adjective is part of the role
        ("Acme Corp analyst", ("analyst", "Acme Corp")),
        ("UNESCO's former envoy", ("former envoy", "UNESCO")),
        ("Republican strategist", ("Republican strategist", None)),
        # an affiliation alone
        ("of the Harbor Institute of Technology", (None, "Harbor Institute of Technology")),
        # not a role: an age and a clause, a relative clause that says nothing of a job
        ("56, remained a staunch defender of the plan", (None, None)),
        ("who has studied rents for years", ("studied rents for years", None)),
        # a passive after "was" is not a former role
        ("who was elected in the harbour vote of 2010", (None, None)),
        ("who was appointed by the mayor", (None, None)),
        # a negated "is" says what the person is not
        ("who grows pears and is not related to the director", (None, None)),
        (
            "a soil chemist at the Harbor Institute who was not involved in the survey",
            ("soil chemist", "Harbor Institute"),
        ),
    ],
)
def test_split_role(appositive, expected):
    assert split_role(appositive) == expected


@pytest.mark.parametrize(
    "role, organisation, title, why, verdict",
    [
        ("campaign spokeswoman", None, None, "speaks for an organisation", False),
        ("former governor of the central bank", None, None, "former central or public banker", True),
        (
            "former governor of the regional development bank",
            None,
            None,
            "former central or public banker",
            True,
        ),
        ("former executive at an investment bank", None, None, "company staff", False),
        ("associate professor", "Eastbrook University", None, "scholar", True),
        ("teaches maritime law", None, None, "scholar", True),
        ("senior fellow; Democratic superdelegate", "Quarry Institution", None, "scholar", True),
        ("deputy campaign manager", None, None, "campaign staff", False),
        ("Harbor Party National Committee research director", None, None, "campaign staff", False),
        ("banking analyst", "Lantern Securities", None, "analyst", True),
        ("senior country risk adviser", "Harbor Development Institute", None, "analyst", True),
        ("advises the Harbor Energy Institute", None, None, "analyst", True),
        ("studied road tolls", None, None, "analyst", True),
        ("co-wrote one of the largest studies of ferry fares", None, None, "analyst", True),
        ("advises the governor on ports", None, None, "politician", False),
        ("retired engineer; advised the state's harbor commission", None, None, "analyst", True),
        ("advised the governor on ports", None, None, "politician", False),
        ("president of a think tank", None, None, "heads a research organisation", True),
        (
            "former executive; runs a research firm",
            "Lantern Bank",
            None,
            "heads a research organisation",
            True,
        ),
        ("former coordinator for river safety", "Harbor Department", None, "former official", True),
        ("former ambassador", None, None, "former official", True),
        ("retired judge", None, None, "former official", True),
        ("senator", None, None, "politician", False),
        ("former president", None, None, "politician", False),
        ("head of the federal police agency", None, None, "serving official", False),
        ("national security adviser", None, None, "serving official", False),
        ("chief operating officer", "Lantern Bank", None, "company staff", False),
        ("civil engineer", "Eastbrook University", None, "engineer at a research organisation", True),
        ("research associate", "Harbor Institute", None, "scholar", True),
        ("engineer", "Lantern Motors", None, "company staff", False),
        ("vice president", "Acme Corp", None, "politician", False),
        (None, None, "Professor", "academic title", True),
        (None, "Harbor Institute of Technology", None, "research affiliation", True),
        ("hydrologist", None, None, "analyst", True),
        ("head teacher", "Harbor Academy", None, "school staff", False),
        ("report’s author", None, None, "analyst", True),
        ("statistician", "Harbor Bank", None, "analyst", True),
        (None, "Eastbrook University", "Ms.", "research affiliation", True),
    ],
)
def test_expert_table(role, organisation, title, why, verdict):
    rule = expert_rule(role, title, organisation)
    assert rule is not None and (rule.why, rule.verdict) == (why, verdict)


def test_no_role_is_no_expert():
    assert expert_rule(None) is None
    assert expert_rule("wrote a letter to the council") is None  # writing is no research
    assert expert_rule("neighbour") is None
    assert expert_rule(None, "Mr.") is None
    # an organisation that does no research, named with no role, makes no expert
    assert expert_rule(None, None, "Lantern Bank") is None
    # a role the table does not name is not overruled by a research organisation
    assert expert_rule("student", None, "Eastbrook University") is None


def test_every_rule_is_reachable_and_named_once():
    whys = [r.why for r in EXPERT_RULES]
    assert len(whys) == len(set(whys))
    assert all(r.any_of for r in EXPERT_RULES)


@pytest.mark.parametrize(
    "appositive, expected",
    [
        ("a state that she hoped to win easily", True),
        ("the company's parent", False),
        ("a company based in Port Alder", True),
        ("a senior lecturer at Harbor College", False),
        ("of the Harbor Institute of Technology", False),
        (None, False),
    ],
)
def test_places_and_organisations(appositive, expected):
    assert describes_place_or_org(appositive) is expected
