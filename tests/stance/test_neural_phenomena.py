"""The neural engine reads what counting words cannot: negation, contrast, hedges, rhetorical
questions, questions worded against their target, and text that is not about the question.

Every sentence is invented for these tests; each is one a careful reader labels at once.
Labels are the `annotator stance --pairs` labels: support, oppose, neutral (= no side)."""

from __future__ import annotations

import pytest

from annotator.models import Pair
from annotator.stance.neural.runtime import NeuralEngine
from annotator.stance.predict import predict_pairs


@pytest.fixture(scope="module")
def engine() -> NeuralEngine:
    return NeuralEngine.load()


CASES = {
    "plain": [
        (
            "Should cities ban cars from their centres?",
            "Banning cars from the centre would make the streets safer.",
            "support",
        ),
        (
            "Should cities ban cars from their centres?",
            "A car ban would ruin the shops in the centre.",
            "oppose",
        ),
    ],
    "negation": [
        ("Is the new levy fair to small farms?", "The levy is not fair to small farms at all.", "oppose"),
        ("Would a four-day week hurt productivity?", "A four-day week doesn't hurt productivity.", "oppose"),
        (
            "Is the river safe to swim in?",
            "There is no safer place to swim in the region than this river.",
            "support",
        ),
        (
            "Should the council keep the night buses?",
            "There's no way the late shift workers get home without them.",
            "support",
        ),
    ],
    "double_negation": [
        (
            "Does the new bridge help commuters?",
            "It is not true that the bridge does not help commuters.",
            "support",
        ),
        (
            "Is the vaccine programme working?",
            "No one can seriously deny that the programme is working.",
            "support",
        ),
        # a negated verb of opposing (litotes; the engine alone reads these as oppose, so
        # `reading.read_litotes` gives it the side they take)
        (
            "Should lorries be banned from the old quay?",
            "I would not oppose a ban on lorries at the quay.",
            "support",
        ),
        (
            "Should the council raise the tourist levy?",
            "The council isn't opposed to raising the levy.",
            "support",
        ),
    ],
    "contrast": [
        (
            "Should the city build a new stadium?",
            "I used to think a stadium would help the city, but it would drain money from schools.",
            "oppose",
        ),
        (
            "Should the city build a new stadium?",
            "The stadium will be expensive, but it will bring thousands of jobs to the area.",
            "support",
        ),
    ],
    "concession": [
        (
            "Should the tax on sugary drinks be raised?",
            "While the tax hurts some shops, it is the best tool we have against childhood obesity.",
            "support",
        ),
        (
            "Should the tax on sugary drinks be raised?",
            "Although the tax has good intentions, it hits the poorest families hardest.",
            "oppose",
        ),
        # "even without X, ... still ...": what holds without X (the engine alone reads the
        # concession as doubt, so `reading.read_litotes` gives it the plain claim)
        (
            "Can the village school stay open without county money?",
            "Even without county money, the school could still keep its doors open.",
            "support",
        ),
    ],
    "correction": [
        # "X, not Y, ...": the speaker affirms X and denies Y (`reading.read_correction`)
        (
            "Should the county spend more on its clinics?",
            "Better clinics, not new car parks, will keep the town healthy.",
            "support",
        ),
        (
            "Should the county build new car parks?",
            "Better clinics, not new car parks, will keep the town healthy.",
            "oppose",
        ),
        # what is not so, then what is, in two sentences of one frame (`reading.read_not_then_is`)
        (
            "Should the village adopt the parking levy?",
            "I am not against the levy. I am against pretending it will pay for the new bridge.",
            "support",
        ),
        (
            "Will the levy pay for the new bridge?",
            "I am not against the levy. I am against pretending it will pay for the new bridge.",
            "oppose",
        ),
    ],
    "hedge": [
        # doubt in words the engine read as assent (`reading.read_litotes`)
        (
            "Will the new speed cameras cut accidents?",
            "It is far from clear that the cameras will cut accidents.",
            "oppose",
        ),
        (
            "Will the new library open before winter?",
            "I doubt the library will be ready to open before the spring.",
            "oppose",
        ),
        (
            "Will the new library open before winter?",
            "I'm fairly confident the builders will have the library open by November.",
            "support",
        ),
    ],
    "superlative_and_urgency": [
        # "hard to imagine a better ...", "long overdue": praise and a call to act, which the
        # engine read as doubt (`reading.read_litotes`)
        (
            "Should the council fund the reading room?",
            "It's hard to think of a better investment than the reading room.",
            "support",
        ),
        (
            "Should the state raise the minimum wage?",
            "Raising the minimum wage is long overdue.",
            "support",
        ),
    ],
    "idiom": [
        # idioms read in their plain form (`idioms.IDIOMS`)
        (
            "Should the county keep its late-night library hours?",
            "The late hours worked better than the skeptics feared.",
            "support",
        ),
        (
            "Should the port keep its electric ferry?",
            "The electric ferry has done much worse than its backers promised.",
            "oppose",
        ),
        (
            "Will the ferry company be sold this year?",
            "I'd be surprised if the ferry company found a buyer this year.",
            "oppose",
        ),
        (
            "Should the town add a second runway?",
            "A second runway is the last thing this town needs.",
            "oppose",
        ),
        (
            "Should the harbor be dredged?",
            "Dredging the harbor is the last thing the town should do.",
            "oppose",
        ),
        (
            "Would a bottle deposit reduce litter?",
            "A deposit is the only measure that has ever reduced litter on our beaches.",
            "support",
        ),
        (
            "Would a second reservoir end the water shortages?",
            "A second reservoir is a short-term fix at best.",
            "oppose",
        ),
        (
            "Should the county buy the old rail line?",
            "Frankly, I wouldn't say no to buying the rail line.",
            "support",
        ),
        (
            "Should the state fund a new ferry terminal?",
            "I urge the governor to own the issue of a new ferry terminal.",
            "support",
        ),
        (
            "Should the city build the cable car?",
            "The council should pull the plug on the cable car.",
            "oppose",
        ),
        (
            "Would the new zoning rules hurt corner shops?",
            "These rules simply give up on corner shops.",
            "support",
        ),
        (
            "Are the new bike lanes safe?",
            "The lanes are safe for nearly everyone -- but then there are always outliers.",
            "support",
        ),
        (
            "Should the county fund a new public library?",
            "Who would seriously argue against a new library?",
            "support",
        ),
        (
            "Is the harbor cleanup plan good enough?",
            "The cleanup plan falls well short.",
            "oppose",
        ),
        (
            "Would the new weir harm the trout?",
            "The harm to the trout is not trivial.",
            "support",
        ),
        (
            "Would closing the footbridge put pupils at risk on the way to school?",
            "Closing the footbridge could hurt pupils on their way to school.",
            "support",
        ),
        (
            "Should the county repair the old dam?",
            "The county can't afford not to repair the dam.",
            "support",
        ),
        (
            "Can the city repair the footbridge quickly?",
            "Repairing the deck doesn't take a whole lot of time.",
            "support",
        ),
        (
            "Will the ferry service be restored this year?",
            "I wouldn't rule out the ferry coming back this year.",
            "support",
        ),
        (
            "Should the state cut the fuel tax?",
            "There has never been a better time to cut the fuel tax.",
            "support",
        ),
        (
            "Will farmers cope with the new rules?",
            "Farmers won't have much difficulty following the new rules.",
            "support",
        ),
        (
            "Is the new ferry safe?",
            "The new ferry couldn't be safer.",
            "support",
        ),
        (
            "Should the state raise the fuel tax?",
            "Few economists think a higher fuel tax would hurt growth.",
            "support",
        ),
        (
            "Has automation been good for warehouse staff?",
            "No amount of retraining will bring those jobs back.",
            "oppose",
        ),
    ],
    "rhetorical_question": [
        (
            "Should schools teach coding?",
            "Who could deny that every child needs to learn to code?",
            "support",
        ),
        (
            "Should schools teach coding?",
            "Does anyone really believe ten-year-olds need to learn to code?",
            "oppose",
        ),
    ],
    "direction": [
        # a change said the other way round (`direction.read_direction`)
        ("Will bus fares rise next year?", "Bus fares will fall next year.", "oppose"),
        ("Does the new pier cost more than a bridge?", "The pier is cheaper than a bridge.", "oppose"),
        (
            "Will the new rules make the crossing safer?",
            "The new rules will make the crossing more dangerous.",
            "oppose",
        ),
        ("Is the old footbridge safe?", "The old footbridge is unsafe.", "oppose"),
        ("Should the town close the old pool?", "The town should keep the old pool open.", "oppose"),
        ("Should the town demolish the old pier?", "The town should preserve the old pier.", "oppose"),
        ("Will the court uphold the toll?", "The court will strike down the toll.", "oppose"),
        ("Is the case for the new marina strong?", "The case for the marina is weak.", "oppose"),
        ("Was the ferry pilot successful?", "By every measure, the ferry pilot was unsuccessful.", "oppose"),
    ],
    "question_against_target": [
        (
            "Should handheld phones be banned in classrooms?",
            "Banning phones in class would let pupils concentrate again.",
            "support",
        ),
        (
            "Should the old harbour wall be demolished?",
            "The harbour wall must be preserved for future generations.",
            "oppose",
        ),
        # asked in its positive form ("worth the money?") and read back (`asking.AGAINST_TARGET`)
        (
            "Is the new ice rink a waste of money?",
            "The rink will pay for itself within a decade.",
            "oppose",
        ),
    ],
    "denied_harm": [
        # "did X without hurting Y": the harm after "without" is denied (`idioms._without`);
        # the engine alone read it as said
        (
            "Will the late-night ferry hurt the harbor's fishing fleet?",
            "Other ports ran night ferries for years without hurting their fishing fleets.",
            "oppose",
        ),
        (
            "Would the new fare system raise costs for commuters?",
            "Cities that adopted the same fare system did so without raising costs for commuters.",
            "oppose",
        ),
    ],
    # a removal denied or called wrong, on a question of keeping (`removal.read_kept`: the
    # engine alone reads these as oppose whatever the question asks)
    "denied_removal": [
        (
            "Should the town keep its summer night market?",
            "It would be foolish to scrap the night market now.",
            "support",
        ),
        (
            "Should the state renew the apprenticeship grants?",
            "There is no good argument for cancelling the grants.",
            "support",
        ),
        (
            "Should the state renew the apprenticeship grants?",
            "Ending the grants would be a terrible idea.",
            "support",
        ),
    ],
    "wish_with_doubt": [
        # a wish, then a doubt that it can be had: on a "should" question the wish is the
        # stance (`reading.read_wish`); the engine alone read the doubt as opposition
        (
            "Should the regional board keep lobbying for a night bus?",
            "Ideally the province would fund a night bus outright, that would be optimal -- but "
            "asking for it this year may be overly ambitious.",
            "support",
        ),
        (
            "Should the marina be dredged?",
            "Dredging the marina would be wonderful, though it is probably unrealistic on this budget.",
            "support",
        ),
    ],
    "off_topic": [
        (
            "Should the wealth tax be raised?",
            "The choir gives its spring concert on Sunday afternoon.",
            "neutral",
        ),
        (
            "Should cities ban cars from their centres?",
            "She grew up on a farm and studied chemistry in college.",
            "neutral",
        ),
    ],
}


#: what the shipped engine still gets wrong (README, "Stance"): kept as strict expected
#: failures, so that the table shows them and a better engine turns them into passes
KNOWN_MISREADINGS: dict[str, str] = {}  # none today: all read right


def _case(ph: str, q: str, t: str, e: str):
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_MISREADINGS[t])] if t in KNOWN_MISREADINGS else []
    return pytest.param(ph, q, t, e, marks=marks)


@pytest.mark.parametrize(
    "phenomenon, question, text, expected",
    [_case(ph, q, t, e) for ph, rows in CASES.items() for q, t, e in rows],
)
def test_the_engine_reads_the_words(engine, phenomenon, question, text, expected):
    pred = predict_pairs([Pair(id="x", question=question, text=text)], engine)[0]
    assert pred.stance == expected, f"{phenomenon}: {text!r} -> {pred.stance} ({pred.confidence})"


def test_the_engine_reads_most_of_the_table(engine):
    """Of all the sentences above, the engine gets at least 70 of 71 right (today: 71)."""
    rows = [(q, t, e) for cases in CASES.values() for q, t, e in cases]
    preds = predict_pairs([Pair(id=str(n), question=q, text=t) for n, (q, t, _) in enumerate(rows)], engine)
    right = sum(p.stance == e for p, (_, _, e) in zip(preds, rows))
    assert len(rows) == 71 and right >= 70, f"{right}/{len(rows)}"


def test_the_engine_reads_wants_where_it_misreads_pushing_for(engine):
    """Why `reading.stance_text` shows an advocacy verb as "wants": on invented probes the
    engine reads "pushing for a ban" as opposition and "wants a ban" as support."""
    pairs = [
        Pair(id="1", question="Should the town ban leaf blowers?", text="wants a ban on leaf blowers"),
        Pair(id="2", question="Should the state cut fuel taxes?", text="wants fuel tax cuts"),
    ]
    assert [p.stance for p in predict_pairs(pairs, engine)] == ["support", "support"]
