"""One stance interface for every engine: loading by name or file, refusing damaged files,
the cascade (only pairs that may be addressed reach the transformer), and learning from
reviews with a head. Every sentence is invented for these tests."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from annotator.errors import ModelError
from annotator.models import Article, Codebook, Question, Quote, quote_id
from annotator.stance.engine import StanceEngine, engine_kind, load_engine
from annotator.stance.model import StanceModel
from annotator.stance.neural.runtime import NeuralEngine
from annotator.stance.predict import predict_quotes


@pytest.fixture(scope="module")
def neural() -> NeuralEngine:
    return NeuralEngine.load()


def test_both_engines_load_by_name_and_share_the_interface(neural):
    fast = load_engine("fast")
    assert isinstance(fast, StanceModel) and fast.name == "fast"
    assert load_engine().name == "neural"
    for engine in (fast, neural):
        assert isinstance(engine, StanceEngine)
        p = engine.pair_probs(
            [
                ("Should the town build a bypass?", "A bypass would end the traffic jams."),
                ("Should the town build a bypass?", "The bakery opens at six."),
            ]
        )
        assert p.shape == (2, 3)
        assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
        assert engine.version


def test_engine_files_are_recognised_and_checked(tmp_path, neural):
    fast_file = StanceModel.load().save(tmp_path / "fast.npz")
    neural_file = neural.save(tmp_path / "neural.zip")
    assert engine_kind(fast_file) == "fast" and engine_kind(neural_file) == "neural"
    assert load_engine(model=neural_file).name == "neural"
    assert load_engine(model=fast_file).name == "fast"
    with pytest.raises(ModelError, match="is a fast model, not neural"):
        load_engine("neural", fast_file)
    with pytest.raises(ModelError, match="unknown stance engine 'bert'"):
        load_engine("bert")
    with pytest.raises(ModelError, match="no such model file"):
        load_engine(model=tmp_path / "missing.zip")
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    with pytest.raises(ModelError, match="not a stance model file"):
        load_engine(model=tmp_path / "junk.zip")


def test_a_changed_engine_file_is_refused(tmp_path, neural):
    path = neural.save(tmp_path / "neural.zip")
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    onnx = bytearray(members["model.onnx"])
    onnx[len(onnx) // 2] ^= 0xFF
    members["model.onnx"] = bytes(onnx)
    with zipfile.ZipFile(tmp_path / "changed.zip", "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with pytest.raises(ModelError, match="does not match its checksum"):
        NeuralEngine.load(tmp_path / "changed.zip")


def test_saved_engine_gives_the_same_probabilities(tmp_path, neural):
    pairs = [("Should the ferry run at night?", "Night ferries would help shift workers get home.")]
    again = NeuralEngine.load(neural.save(tmp_path / "copy.zip"))
    assert np.allclose(again.pair_probs(pairs), neural.pair_probs(pairs), atol=1e-6)
    assert again.version == neural.version


def test_the_training_sets_lean_between_the_sides_is_taken_out(tmp_path, neural):
    """The shipped engine's manifest counts its training labels, and the run time moves the two
    sides' logits by half their log ratio each: P(support) / P(oppose) loses the training
    set's lean exactly, and an engine without counts is read as it is."""
    counts = neural.manifest["training_labels"]
    assert set(counts) == {"none", "oppose", "support"}
    assert sum(counts.values()) == neural.manifest["augmented_pairs"]
    bare = NeuralEngine.load(neural.save(tmp_path / "bare.zip"))
    bare.manifest = {k: v for k, v in bare.manifest.items() if k != "training_labels"}
    assert not bare.side_offsets.any()
    pairs = [
        ("Should the ferry run at night?", "Night ferries would help shift workers get home."),
        ("Should the ferry run at night?", "A night ferry would be a waste of fuel."),
    ]
    raw, fixed = bare.pair_probs(pairs), neural.pair_probs(pairs)
    lean = counts["support"] / counts["oppose"]
    assert np.allclose((fixed[:, 2] / fixed[:, 1]) * lean, raw[:, 2] / raw[:, 1], rtol=1e-4)
    assert np.allclose(fixed[:, 0], raw[:, 0], atol=0.01)  # P(none) barely moves


def test_the_training_labels_are_made_again_from_the_recipe_and_checked(tmp_path):
    from annotator.errors import InputError
    from annotator.stance.neural.train import file_sha256, recipe_label_counts

    pairs = tmp_path / "pairs.jsonl"
    rows = [
        ("Should the ferry run at night?", "Night ferries help shift workers.", "support"),
        ("Should the ferry run at night?", "Night crossings waste fuel.", "oppose"),
        ("Should the park close at dusk?", "Closing at dusk keeps the lawns quiet.", "support"),
    ]
    pairs.write_text(
        "".join(f'{{"question": "{q}", "text": "{t}", "stance": "{s}"}}\n' for q, t, s in rows),
        encoding="utf-8",
    )
    manifest = {"data_sha256": {"pairs.jsonl": file_sha256(pairs)}, "config": {"seed": 3, "augment": {}}}
    from annotator.stance.neural.augment import augment
    from annotator.stance.neural.train import read_examples

    made = augment(read_examples(pairs), seed=3)
    manifest["augmented_pairs"] = len(made)
    counts = recipe_label_counts(manifest, [pairs])
    assert sum(counts.values()) == len(made) and counts["support"] >= 2 and counts["oppose"] >= 1
    with pytest.raises(InputError, match="do not match the engine's training data"):
        recipe_label_counts({**manifest, "data_sha256": {"pairs.jsonl": "0" * 64}}, [pairs])
    with pytest.raises(InputError, match="was not made by this recipe"):
        recipe_label_counts({**manifest, "augmented_pairs": len(made) + 1}, [pairs])


class Counting:
    """The neural engine, counting the pairs it is asked to read."""

    name = "neural"

    def __init__(self, engine):
        self.engine, self.read = engine, []

    @property
    def version(self):
        return self.engine.version

    def pair_probs(self, pairs):
        self.read.extend(pairs)
        return self.engine.pair_probs(pairs)

    def save(self, path):  # pragma: no cover - not used
        return self.engine.save(path)


def _quote(text: str, article: str = "a") -> Quote:
    return Quote(
        id=quote_id(article, 0, len(text)),
        article_id=article,
        start=0,
        end=len(text),
        text=text,
        kind="direct",
        speaker="Ann Kim",
    )


def test_the_cascade_reads_only_pairs_that_may_be_addressed(neural):
    book = Codebook(
        questions=[
            Question(
                id="bypass",
                text="Should the town build a bypass road?",
                target="a bypass road",
                keywords=["bypass", "ring road"],
            ),
            Question(
                id="library",
                text="Should the library open on Sundays?",
                target="Sunday opening of the library",
                keywords=["library", "Sunday opening"],
            ),
        ]
    )
    on_topic = _quote("“A bypass road would finally take the lorries out of the high street,”")
    off_topic = _quote("“My grandmother taught me to bake bread when I was six,”", "b")
    engine = Counting(neural)
    out = predict_quotes([on_topic, off_topic], book, engine)
    assert [q for q, _ in engine.read] == ["Should the town build a bypass road?"]
    assert (
        out[0].stances["bypass"].label != "not_addressed"
    )  # read: on the question (its side: the phenomena tests)
    assert all(s.label == "not_addressed" for s in out[1].stances.values())
    assert out[0].stances["library"].label == "not_addressed"
    assert all(s.source == "model" and s.model_version == neural.version for s in out[0].stances.values())


def test_human_labels_are_kept(neural):
    from annotator.models import StancePrediction

    q = _quote("“A bypass road would finally take the lorries out of the high street,”")
    q = q.model_copy(
        update={"stances": {"bypass": StancePrediction(label="oppose", confidence=1.0, source="annotator")}}
    )
    book = Codebook(
        questions=[Question(id="bypass", text="Should the town build a bypass road?", keywords=["bypass"])]
    )
    assert predict_quotes([q], book, neural)[0].stances["bypass"].label == "oppose"


def test_a_one_word_keyword_puts_a_quote_on_its_question_however_common_the_word(neural):
    # "cut" is a common word (low rarity), but the journalist listed it for this question
    book = Codebook(
        questions=[
            Question(id="cut", text="Should the port authority cut its fees now?", keywords=["cut", "fees"]),
            Question(id="dredge", text="Should the harbour be dredged?", keywords=["dredging", "silt"]),
        ]
    )
    q = _quote("“Cutting now would be a mistake,”")
    out = predict_quotes([q], book, Counting(neural))[0]
    assert out.stances["cut"].label == "oppose"
    assert out.stances["dredge"].label == "not_addressed"


def test_the_keyword_floor_is_for_the_journalists_keywords_not_the_questions_words():
    from annotator.stance.relevance import Weights, bundled_idf, question_profiles

    listed = Codebook(
        questions=[Question(id="a", text="Should the port cut its fees now?", keywords=["cut"])]
    )
    bare = Codebook(questions=[Question(id="a", text="Should the port cut its fees now?")])
    weights = Weights()
    [with_kw] = question_profiles(listed, bundled_idf(), weights)
    [without] = question_profiles(bare, bundled_idf(), weights)
    assert with_kw.score({"cut"}) == weights.keyword_floor
    assert without.score({"cut"}) < weights.keyword_floor


def test_context_makes_a_pointing_back_quote_relevant(neural):
    book = Codebook(
        questions=[
            Question(
                id="bypass",
                text="Should the town build a bypass road?",
                target="a bypass road",
                keywords=["bypass"],
            )
        ]
    )
    text = "The council wants a bypass road around the old town. “That would be a disaster for the shops,” she said."
    start = text.index("“")
    end = text.index("”") + 1
    q = Quote(
        id=quote_id("a", start, end),
        article_id="a",
        start=start,
        end=end,
        text=text[start:end],
        kind="direct",
        speaker="Ann Kim",
    )
    out = predict_quotes([q], book, neural, articles={"a": Article(id="a", text=text)})
    assert out[0].stances["bypass"].label == "oppose"


def test_the_int8_products_are_exact_on_every_x86_cpu(neural):
    # On a CPU with AVX2 but no VNNI, onnxruntime's int8 kernels add pairs of products in
    # 16 bits, which saturate: the same engine gave other labels there (seed quote-level
    # stance 0.890 against 0.921). The session asks for the exact 32-bit products everywhere.
    opts = neural.session.get_session_options()
    assert opts.get_session_config_entry("session.x64quantprecision") == "1"


def test_a_pairs_probabilities_do_not_depend_on_the_pairs_beside_it(neural):
    # the int8 model quantises activations per run: a pair is run alone, so its label is the
    # same whatever else the article holds
    q = "Should the town close the old quay to lorries?"
    pair = (q, "Closing the quay to lorries would make the harbour safer for children.")
    others = [
        (q, "The harbour master expects traffic to fall by half, which suits nearly everyone here.")
    ] * 9
    alone = neural.pair_probs([pair])[0]
    together = neural.pair_probs([pair, *others])[0]
    assert np.array_equal(alone, together)


def test_a_verb_that_takes_a_side_is_read_with_its_content():
    from annotator.stance.reading import stance_text

    text = "Ann Kim did not support the levy on second homes."
    cue_at = text.index("support")
    base = dict(article_id="a", start=cue_at + 8, end=len(text) - 1, kind="indirect", context=text)
    quote = Quote(
        id="q1", text="the levy on second homes", cue="support", cue_start=cue_at, context_start=0, **base
    )
    assert stance_text(quote) == "did not support the levy on second homes"
    said_text = "Ann Kim said the levy on second homes."
    said = quote.model_copy(
        update={"cue": "said", "cue_start": said_text.index("said"), "context": said_text}
    )
    assert stance_text(said) == "the levy on second homes"
    direct = quote.model_copy(update={"kind": "direct", "text": "“We back the levy.”"})
    assert stance_text(direct) == "We back the levy."


def _reported(sentence: str, cue: str, content: str, kind: str = "indirect") -> Quote:
    """A reported quote of `content` after `cue` in `sentence` (its context)."""
    start = sentence.index(content)
    return Quote(
        id="q",
        article_id="a",
        start=start,
        end=start + len(content),
        kind=kind,
        text=content,
        cue=cue,
        cue_start=sentence.index(cue),
        context=sentence,
        context_start=0,
    )


def test_a_mixed_quote_is_read_without_its_inner_marks():
    """'said the plan would “wipe out” the oyster beds': all of it is her claim; the engine
    read the marked words as distanced (invented probe: harm read as no harm)."""
    from annotator.stance.reading import stance_text

    q = _reported(
        "Ann Kim said the plan would “wipe out” the last oyster beds.",
        "said",
        "the plan would “wipe out” the last oyster beds",
        kind="mixed",
    )
    assert stance_text(q) == "the plan would wipe out the last oyster beds"
    direct = q.model_copy(update={"kind": "direct", "text": "“The plan is ‘bold’, and it will “work”.”"})
    assert stance_text(direct) == "The plan is ‘bold’, and it will “work”."


def test_a_negated_reporting_verb_is_read_with_its_content():
    from annotator.stance.reading import stance_text

    # "does not think X": the speaker holds the opposite of X, so the negation is read with it
    q = _reported("Ann Kim does not think the levy will cut rents.", "think", "the levy will cut rents")
    assert stance_text(q) == "does not think the levy will cut rents"
    q = _reported("Ann Kim never believed that the levy would pass.", "believed", "the levy would pass")
    assert stance_text(q) == "never believed the levy would pass"
    # without a negation a neutral verb of thinking or saying is not read
    q = _reported("Ann Kim thinks the levy will cut rents.", "thinks", "the levy will cut rents")
    assert stance_text(q) == "the levy will cut rents"
    # a verb that asserts its clause is not shown: "argued that X" holds X as "X" does
    q = _reported("Ann Kim argued that the levy will cut rents.", "argued", "the levy will cut rents")
    assert stance_text(q) == "the levy will cut rents"
    # ... unless negated
    q = _reported("Ann Kim never argued that the levy will cut rents.", "argued", "the levy will cut rents")
    assert stance_text(q) == "never argued the levy will cut rents"
    # a refusal is read with its verb: "to take a position" alone is not a position
    q = _reported(
        "Ann Kim declined to take a position on the levy.", "declined", "to take a position on the levy"
    )
    assert stance_text(q) == "declined to take a position on the levy"


@pytest.mark.parametrize(
    "text, read",
    [
        ("I would not oppose a ban on lorries.", "I would support a ban on lorries."),
        ("I'm not against raising the levy.", "I'm for raising the levy."),
        ("We don't object to the levy.", "We do accept the levy."),
        ("The council isn't opposed to raising it.", "The council is in favour of raising it."),
        ("They never opposed the merger.", "They supported the merger."),
        # a hedge between the negation and the verb is left for the engine
        ("I am not entirely against it.", "I am not entirely against it."),
        # "not far enough" wants more of the same
        ("The cuts may not go far enough.", "The cuts should go further."),
        ("The levy doesn't go nearly far enough.", "The levy should go further."),
        # an idiom that reads like a negation
        ("Selling it is a no-brainer.", "Selling it is an obvious choice."),
        # a plain opposition stays as it is
        ("The council is opposed to raising it.", "The council is opposed to raising it."),
        # a concession "even without X, ... still ...": the plain claim
        (
            "Even without county money, the school could still stay open.",
            "Without county money, the school could stay open.",
        ),
        (
            "The ferry can still run, even in the absence of a subsidy.",
            "The ferry can run, in the absence of a subsidy.",
        ),
        # doubt, a superlative and urgency in plain words
        ("It is far from clear that the ban will help.", "It is doubtful that the ban will help."),
        ("It's hard to imagine a better use of the money.", "There is no better use of the money."),
        ("A new pier's long overdue.", "A new pier is needed now."),
        ("Repairs to the pier are overdue.", "Repairs to the pier are needed now."),
        # a temporary fix will not solve the problem; "wouldn't say no to" welcomes
        ("It's a one-time fix for a recurring problem.", "It will not solve the underlying problem."),
        ("The toll is just a stopgap.", "The toll will not solve the underlying problem."),
        (
            "A ferry treats the symptom rather than the cause.",
            "A ferry will not solve the underlying problem.",
        ),
        ("I wouldn't say no to a ferry.", "I would welcome a ferry."),
        # a question the speaker answers herself; astonished as surprised
        (
            "The question is whether the ferry pays its way, and on the figures I've seen, it probably does.",
            "The ferry pays its way.",
        ),
        (
            "The question is whether the ferry pays its way, and I think it does not.",
            "It is not true that the ferry pays its way.",
        ),
        (
            "The question is whether the ferry pays its way.",
            "The question is whether the ferry pays its way.",
        ),
        ("I'd be astonished if the pier reopens.", "I doubt that the pier reopens."),
        # political idioms of backing and dropping
        (
            "She urged the mayor to own the issue of ferry fares.",
            "She urged the mayor to champion ferry fares.",
        ),
        ("The mayor should own the ferry issue.", "The mayor should champion ferry."),
        ("He threw his weight behind the ferry.", "He champions the ferry."),
        ("Voters have cooled on the ferry.", "Voters have soured on the ferry."),
        ("She walked back her support for the ferry.", "She now opposes the ferry."),
        ("The board pulled the plug on the ferry.", "The board cancelled the ferry."),
        ("Take the plug out.", "Take the plug out."),
        # "give up on" and "write off" are "abandon"; a negated "give up on" keeps fighting
        ("The plan gives up on the harbor.", "The plan abandons the harbor."),
        ("This budget writes off the valley.", "This budget abandons the valley."),
        ("We will never give up on the ferry.", "We will keep fighting for the ferry."),
        ("She gave up smoking.", "She gave up smoking."),
        # exceptions after "but then" qualify the claim; "wouldn't bet against" expects
        (
            "The ferry is cheap enough -- but then there are some outliers.",
            "The ferry is cheap enough, with a few exceptions.",
        ),
        ("Most riders can pay, but there are exceptions.", "Most riders can pay, with a few exceptions."),
        ("I wouldn't bet against the ferry.", "I would expect the ferry."),
        ("There are exceptions to the levy.", "There are exceptions to the levy."),
        # a rhetorical question of who could object; falling short and hitting the mark
        ("Who could argue against a safer crossing?", "I fully support a safer crossing."),
        ("Nobody would object to cleaner beaches.", "I fully support cleaner beaches."),
        ("Who opposes the crossing?", "Who opposes the crossing?"),
        ("The levy falls far short.", "The levy is not good enough."),
        ("The levy falls short of its goal.", "The levy falls short of its goal."),
        ("The plan hits the mark.", "The plan gets it right."),
        # a lifeline, costs that outweigh benefits, no time to wait, doubts
        ("The ferry is a lifeline for the island.", "The ferry is a vital help for the island."),
        ("The costs far outweigh the benefits.", "It does more harm than good."),
        ("The benefits far outweigh the costs.", "The benefits far outweigh the costs."),
        ("We can't afford to wait.", "We must act now."),
        ("I have my doubts about the ferry.", "I doubt the ferry."),
        ("A ferry is a solution looking for a problem.", "A ferry is unnecessary."),
        # a negated "small" is a significant one
        ("That is not a small effect.", "That is a significant effect."),
        ("The harm is not trivial.", "The harm is significant."),
        ("It is no smaller than last year.", "It is no smaller than last year."),
        ("The ferry is a long-term solution.", "The ferry is a long-term solution."),
        ("A cap is years overdue.", "A cap is needed now."),
        # idioms
        ("I'd be surprised if the pier reopens.", "I doubt that the pier reopens."),
        ("A toll is the last thing drivers need.", "A toll is not what drivers need."),
        ("Closing the pier is the last thing we should do.", "Closing the pier is not what we should do."),
        ("A toll is the only tool that has ever cut traffic.", "A toll cut traffic."),
        ("The only thing a levy will do is raise prices.", "A levy will only raise prices."),
        ("It is the only bridge that we have.", "It is the only bridge that we have."),
        ("The new line can't come soon enough.", "The new line is needed now."),
        ("I see no reason not to sign it.", "There is every reason to sign it."),
        ("The council can't afford not to act.", "The council must act."),
        ("It would be money down the drain.", "It would be money wasted."),
        ("I wouldn't be surprised if it passed.", "I wouldn't be surprised if it passed."),
        # "doesn't take long" and "no amount of X will": quick, and "X will not"
        ("Fixing the gate doesn't take a whole lot of time.", "Fixing the gate is quick."),
        ("It won't take long for fares to fall.", "It will be quick for fares to fall."),
        ("Painting it took very little time.", "Painting it was quick."),
        ("We don't take long breaks.", "We don't take long breaks."),
        ("Building it takes a long time.", "Building it takes a long time."),
        (
            "No amount of new signs will make the crossing safe.",
            "New signs will not make the crossing safe.",
        ),
        ("And no amount of money can fix it.", "And money can not fix it."),
        # "couldn't be better", "few ... doubt", "yet to be proven", "only do so much"
        ("The timing couldn't be better.", "The timing is extremely good."),
        ("The case could not have been stronger.", "The case was stronger than ever."),
        ("It couldn't be more urgent.", "It is extremely urgent."),
        ("It couldn't be further from the truth.", "It couldn't be further from the truth."),
        ("Few farmers doubt the dam is needed.", "Hardly any farmers doubt the dam is needed."),
        ("Very few riders would pay more.", "Hardly any riders would pay more."),
        ("A few riders would pay more.", "A few riders would pay more."),
        ("In the past few years fares rose.", "In the past few years fares rose."),
        ("The savings have yet to be proven.", "The savings have not been proven."),
        ("The trial has yet to show a benefit.", "The trial has not shown a benefit."),
        ("A ferry can only do so much.", "A ferry can not do much."),
        ("That is throwing good money after bad.", "That is wasting even more money."),
        ("I wouldn't rule out a second pier.", "I see a real possibility of a second pier."),
        ("She has no objection to the levy.", "She agrees with the levy."),
        ("They ruled out a levy.", "They ruled out a levy."),
        (
            "Most riders shouldn't have trouble paying the fare.",
            "Most riders can easily handle paying the fare.",
        ),
        ("They won't have trouble.", "They won't have trouble."),
        ("There has never been a better time to act.", "Now is the best time to act."),
        ("The toll is a solution in search of a problem.", "The toll is unnecessary."),
        ("The toll is a no-lose proposition.", "The toll is a sure win."),
        ("The toll is off the table.", "The toll is ruled out."),
        ("A deal is anything but certain.", "A deal is doubtful."),
        # "even if" (regardless) and a lone "still" are left as they are
        (
            "Even if the levy passes, rents will still rise.",
            "Even if the levy passes, rents will still rise.",
        ),
        ("The tram is still late.", "The tram is still late."),
    ],
)
def test_a_negated_verb_of_opposing_is_read_as_the_side_it_takes(text, read):
    from annotator.stance.reading import read_litotes

    assert read_litotes(text) == read


@pytest.mark.parametrize(
    "question, text, read",
    [
        ("Will rents rise next year?", "Rents will fall next year.", "Rents will not rise next year."),
        ("Will rents rise next year?", "Rents have fallen.", "Rents have not risen."),
        ("Will crime go down?", "Crime went up in May.", "Crime did not go down in May."),
        ("Does the pier cost more than a bridge?", "The pier is cheaper.", "The pier is not more expensive."),
        ("Is the bus cheaper than the tram?", "The bus is more expensive.", "The bus is not cheaper."),
        (
            "Will the ferry make trips faster?",
            "The ferry will make trips slower.",
            "The ferry will make trips not faster.",
        ),
        ("Will Ann Kim win the race?", "Kim is going to lose.", "Kim is going to not win."),
        (
            "Will the merger make service better?",
            "It could be worse for service.",
            "It could be worse for service.",
        ),
        ("Are e-scooters dangerous?", "E-scooters are safe.", "E-scooters are not dangerous."),
        ("Is the harbor clean?", "The harbor is polluted.", "The harbor is not clean."),
        (
            "Is the new housing affordable?",
            "The new housing is too expensive.",
            "The new housing is too expensive.",
        ),
        (
            "Should the wage be raised?",
            "A higher wage would result in reduced hours.",
            "A higher wage would result in reduced hours.",
        ),
        (
            "Should the ferry be mandatory for pupils?",
            "The ferry should stay voluntary.",
            "The ferry should stay not mandatory.",
        ),
        (
            "Should the council reject the tower?",
            "The council should approve the tower.",
            "The council should not reject the tower.",
        ),
        (
            "Should the town demolish the old pier?",
            "The town should preserve the old pier.",
            "The town should not demolish the old pier.",
        ),
        (
            "Should the state end the tax credit?",
            "The state should extend the tax credit.",
            "The state should not end the tax credit.",
        ),
        (
            "Should the country leave the league?",
            "She left the meeting early.",
            "She left the meeting early.",
        ),
        (
            "Will the court uphold the toll?",
            "The court will strike down the toll.",
            "The court will not uphold the toll.",
        ),
        (
            "Will the union reject the offer?",
            "The union will accept the offer.",
            "The union will not reject the offer.",
        ),
        # plain adjectives and their opposites
        ("Is the case for the marina strong?", "The case is weak.", "The case is not strong."),
        ("Was the ferry pilot successful?", "The pilot was unsuccessful.", "The pilot was not successful."),
        ("Is the curfew unfair?", "The curfew is fair.", "The curfew is not unfair."),
        # the same way, negated, or about another thing: as written
        ("Will rents rise?", "Rents will rise.", "Rents will rise."),
        ("Will rents rise?", "Rents won't go down.", "Rents won't go down."),
        (
            "Should the levy be increased?",
            "Litter can be reduced by a higher levy.",
            "Litter can be reduced by a higher levy.",
        ),
    ],
)
def test_a_change_said_the_other_way_is_read_as_a_negation(question, text, read):
    from annotator.stance.direction import read_direction

    assert read_direction(text, question) == read


@pytest.mark.parametrize(
    "question, text, read",
    [
        # on what is affirmed: the denied part goes
        (
            "Are visitors the main source of the litter?",
            "Visitors, not the town's bins, are the main source.",
            "Visitors are the main source.",
        ),
        (
            "Should the city ban plastic bags?",
            "The ban is the answer, not a new tax.",
            "The ban is the answer.",
        ),
        # on what is denied: as written
        (
            "Are the town's bins the main source of the litter?",
            "Visitors, not the town's bins, are the main source.",
            "Visitors, not the town's bins, are the main source.",
        ),
        # "not only", "not because" are no corrections
        (
            "Is the levy fair?",
            "The levy is fair, not only to farms, but to shops.",
            "The levy is fair, not only to farms, but to shops.",
        ),
    ],
)
def test_a_correction_is_read_for_what_the_question_asks(question, text, read):
    from annotator.stance.reading import read_correction

    assert read_correction(text, question) == read


@pytest.mark.parametrize(
    "question, text, read",
    [
        # on a "should" question, a wish with a doubt of its odds is read as the wish
        (
            "Should the valley keep asking the state for a rail link?",
            "Ideally the state would pay for a rail link, that would be optimal -- but asking for it "
            "now may be overly ambitious.",
            "Ideally the state would pay for a rail link, that would be optimal.",
        ),
        (
            "Must the county widen the ring road?",
            "A wider ring road would be the best solution; yet that is a long shot.",
            "A wider ring road would be the best solution.",
        ),
        # on a question of what will happen, the doubt is the answer: as written
        (
            "Will the state pay for a rail link?",
            "Ideally the state would pay for a rail link, but that is unlikely.",
            "Ideally the state would pay for a rail link, but that is unlikely.",
        ),
        # a "but" that gives a harm, not a doubt of the odds: as written
        (
            "Should the town ban wood stoves?",
            "A ban would be ideal, but it would hurt families who heat with wood.",
            "A ban would be ideal, but it would hurt families who heat with wood.",
        ),
        # no wish before the "but": as written
        (
            "Should the team build a new arena?",
            "The old arena is loved, but a new one is unrealistic.",
            "The old arena is loved, but a new one is unrealistic.",
        ),
    ],
)
def test_a_wish_with_a_doubt_of_its_odds_is_read_as_the_wish(question, text, read):
    from annotator.stance.reading import read_wish

    assert read_wish(text, question) == read


def test_an_advocacy_verb_is_shown_as_wants():
    """ "pushing for a ban", "argued for tax cuts": the engine read these as opposition on
    invented probes, and reads "wants" the right way round."""
    from annotator.stance.reading import stance_text

    q = _reported(
        "Ann Kim has been pushing for a ban on plastic bags.", "pushing for", "a ban on plastic bags"
    )
    assert stance_text(q) == "wants a ban on plastic bags"
    q = _reported("Tom Brisk argued for lower fares.", "argued for", "lower fares")
    assert stance_text(q) == "wants lower fares"
    q = _reported("Ann Kim did not push for a ban.", "push for", "a ban")
    assert stance_text(q) == "did not want a ban"


def test_each_idiom_has_the_keys_of_its_own_pattern():
    """Each idiom's keys are its cheap test: one of them is made of words of its own pattern
    (keys that name no word of the pattern would switch the idiom off silently)."""
    from annotator.stance.idioms import IDIOMS

    assert len(IDIOMS) >= 40
    for keys, rx, _ in IDIOMS:
        assert any(all(w.strip() in rx.pattern for w in k.split()) for k in keys), (keys, rx.pattern[:60])


@pytest.mark.parametrize(
    "question, asked",
    [
        ("Would a ban put riders at risk in storms?", "Would a ban hurt riders in storms?"),
        ("Would the weir endanger the trout?", "Would the weir hurt the trout?"),
        ("Does the quarry pose a serious risk to the aquifer?", "Does the quarry hurt the aquifer?"),
        ("Do rising seas threaten the harbor?", "Do rising seas hurt the harbor?"),
        ("Is the quarry harmful to the aquifer?", "Is the quarry bad for the aquifer?"),
        # a named risk to health or safety
        ("Do the new kilns pose a real health risk?", "Do the new kilns hurt people's health?"),
        ("Is the old pier a safety hazard?", "Is the old pier bad for people's safety?"),
        ("Is the smoke a public-health threat?", "Is the smoke bad for public health?"),
        ("Is there a health risk for children?", "Is there a health risk for children?"),
        # a named harm, and a question that is not about a harm, are asked as written
        (
            "Would the runway put homes at risk of flooding?",
            "Would the runway put homes at risk of flooding?",
        ),
        ("Is the pier at risk of closing?", "Is the pier at risk of closing?"),
    ],
)
def test_a_harm_is_asked_as_hurt(question, asked):
    from annotator.stance.asking import engine_question

    assert engine_question(question) == asked


@pytest.mark.parametrize(
    "question, asked, flipped",
    [
        ("Is the new rink a waste of money?", "Is the new rink worth the money?", True),
        ("Is the ferry too expensive?", "Is the ferry affordable?", True),
        ("Was closing the pier a mistake?", "Was closing the pier the right decision?", True),
        ("Are fears about the weir overblown?", "Are fears about the weir real?", True),
        ("Should the city build the rink?", "Should the city build the rink?", False),
    ],
)
def test_a_question_worded_against_its_target_is_asked_for_it(question, asked, flipped):
    from annotator.stance.asking import ask

    assert ask(question) == (asked, flipped)


def test_a_flipped_question_reads_the_sides_back():
    """The engine is asked "worth the money?" and its sides are swapped back, for pairs and
    for quotes alike."""
    from annotator.models import Pair
    from annotator.stance.predict import predict_pairs

    engine = load_engine()
    text = "The rink will pay for itself within a decade."
    [pred] = predict_pairs([Pair(id="1", question="Is the new rink a waste of money?", text=text)], engine)
    assert pred.stance == "oppose"
    book = Codebook(
        questions=[Question(id="waste", text="Is the new rink a waste of money?", keywords=["rink"])]
    )
    quote = Quote(
        id=quote_id("a", 0, len(text)), article_id="a", start=0, end=len(text), text=text, kind="direct"
    )
    [out] = predict_quotes([quote], book, engine)
    assert out.stances["waste"].label == "oppose"


def test_a_long_text_is_read_in_windows_of_whole_sentences():
    from annotator.stance.reading import windows

    short = "The ferry should run all night. Shift workers need it."
    assert windows(short, 40) == [short]
    sentences = [
        f"Sentence number {n} says the night ferry helps the shift workers of the harbor." for n in range(9)
    ]
    long = " ".join(sentences)
    parts = windows(long, 40)
    assert len(parts) > 1 and " ".join(parts) == long
    assert all(len(p.split()) <= 40 for p in parts)
    # a sentence longer than a window is a window of its own, not cut in the middle
    one = " ".join(["word"] * 60) + "."
    assert windows(one + " " + short, 40) == [one, short]


def test_a_long_pair_is_the_mean_of_its_windows(neural):
    from annotator.stance.predict import windowed_probs
    from annotator.stance.reading import windows

    q = "Should the harbor ferry run all night?"
    text = (
        "The night ferry would be a lifeline for nurses and cooks who finish after midnight. "
        "Today they pay for taxis or sleep at work. "
        "Running the boats all night costs less than the overtime the hospital pays now. "
        "The operator's own survey found that most riders want later sailings. "
        "Other harbors run their boats around the clock and fill them. "
        "We should start this spring and judge it by the numbers after a year."
    )
    parts = windows(text, 40)
    assert len(parts) > 1
    got = windowed_probs(neural, [(q, text), (q, parts[0])], 40)
    want = np.mean(neural.pair_probs([(q, p) for p in parts]), axis=0)
    assert np.allclose(got[0], want, atol=1e-5)
    assert np.allclose(got[1], neural.pair_probs([(q, parts[0])])[0], atol=1e-5)


@pytest.mark.parametrize(
    "question, asked",
    [
        # a bare topic is asked as a question of support
        ("online ferry tickets", "Do you support online ferry tickets?"),
        ("The harbor toll", "Do you support The harbor toll?"),
        # a question, a claim, a long phrase or a sentence stays as written
        ("Should the harbor toll rise?", "Should the harbor toll rise?"),
        ("We should raise the harbor toll", "We should raise the harbor toll"),
        ("The harbor toll is fair.", "The harbor toll is fair."),
        (
            "a toll on every car that crosses the old harbor bridge",
            "a toll on every car that crosses the old harbor bridge",
        ),
    ],
)
def test_a_bare_topic_is_asked_as_a_question(question, asked):
    from annotator.stance.asking import ask

    assert ask(question) == (asked, False)


def test_the_engine_reads_the_sides_of_a_bare_topic(neural):
    from annotator.models import Pair
    from annotator.stance.predict import predict_pairs

    pairs = [
        Pair(
            id="1",
            question="night ferries",
            text="Night ferries are the best thing the port has done in years.",
        ),
        Pair(
            id="2",
            question="night ferries",
            text="Night ferries waste fuel on empty boats and should be scrapped.",
        ),
    ]
    assert [p.stance for p in predict_pairs(pairs, neural)] == ["support", "oppose"]


@pytest.mark.parametrize(
    "question, text, read",
    [
        (
            "Should the village adopt the parking levy?",
            "I am not against the levy. I am against pretending it will pay for the bridge.",
            "I am for the levy.",
        ),
        (
            "Will the levy pay for the bridge?",
            "I am not against the levy. I am against pretending it will pay for the bridge.",
            "I am against pretending it will pay for the bridge.",
        ),
        # "This isn't about X. It's about Y.": the same frame with another subject word
        (
            "Is the walkout about pay?",
            "This isn't about pay. It's about safety at night.",
            "This isn't about pay.",
        ),
        # two frames that differ, or a tie on the question's words: as written
        (
            "Should the village adopt the parking levy?",
            "I am not against the levy. The council is against it.",
            "I am not against the levy. The council is against it.",
        ),
        (
            "Should the village adopt the parking levy?",
            "We never wanted a fight. We wanted a fair hearing.",
            "We never wanted a fight. We wanted a fair hearing.",
        ),
    ],
)
def test_what_is_not_so_then_what_is_is_read_for_the_question(question, text, read):
    from annotator.stance.reading import read_not_then_is

    assert read_not_then_is(text, question) == read


def test_the_costs_of_a_thing_outweighing_its_benefits_is_read_as_harm():
    from annotator.stance.idioms import plain_phrasings

    assert plain_phrasings("The costs of the toll outweigh its benefits for a town this size.") == (
        "The toll does more harm than good for a town this size."
    )
    assert plain_phrasings("The costs far outweigh the benefits.") == "It does more harm than good."


def test_a_harm_after_without_is_read_as_denied():
    from annotator.stance.idioms import plain_phrasings

    assert plain_phrasings("The ferry had cut fares without hurting service.") == (
        "The ferry had cut fares and did not hurt service."
    )
    assert plain_phrasings("A levy can fund the dunes without raising rents.") == (
        "A levy can fund the dunes and does not raise rents."
    )
    # a condition that opens the sentence, and other verbs, stay as written
    assert (
        plain_phrasings("Without raising rents, the town cannot pay.")
        == "Without raising rents, the town cannot pay."
    )
    assert plain_phrasings("She left without saying a word.") == "She left without saying a word."


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "“The stadium would bring some jobs,” Ann Kim said. “But the cost to taxpayers is far too high.”",
            "oppose",
        ),
        (
            "“Nobody likes paying more for a stadium ticket,” Ann Kim said. “But the stadium is the only way "
            "to keep the team in the city.”",
            "support",
        ),
    ],
)
def test_a_concession_is_read_with_the_turn_its_speaker_makes(neural, text, want):
    """Read alone, the concession says the other side; with its turn ("But ...") it is one
    statement, carried by the turn, and the concession abstains."""
    from annotator.quotes import find_quotes

    book = Codebook(
        questions=[Question(id="stadium", text="Should the city build the stadium?", keywords=["stadium"])]
    )
    article = Article(id="a", text=text)
    quotes = find_quotes(article)
    assert [q.speaker for q in quotes] == ["Ann Kim", "Ann Kim"]
    out = predict_quotes(quotes, book, neural, articles={"a": article})
    assert [q.stances["stadium"].label for q in out] == ["not_addressed", want]


@pytest.mark.parametrize(
    "text, read",
    [
        ("We should not close the rural clinics.", "We should keep the rural clinics."),
        ("Closing the rural clinics would be a mistake.", "we should keep the rural clinics."),
        ("There is no reason to close the rural clinics.", "we should keep the rural clinics."),
        ("I don't see a good argument for taking them away now.", "we should keep them now."),
        ("The clinic should not be shut down.", "The clinic should be kept."),
        ("Why would you end a program that works?", "we should keep a program that works?"),
        # not a removal: a particle verb without its particle, a past fact, "end up", "close to"
        (
            "Plans that do not take patients into account fail.",
            "Plans that do not take patients into account fail.",
        ),
        ("The board did not close the clinic.", "The board did not close the clinic."),
        ("We should not end up paying twice.", "We should not end up paying twice."),
        ("The clinics are close to the border.", "The clinics are close to the border."),
    ],
)
def test_a_denied_or_condemned_removal_is_read_as_keeping(text, read):
    from annotator.stance.removal import read_kept

    assert read_kept(text, "Should the county keep the rural clinics open?") == read
    # a question that asks for the removal is read by the engine as it is
    assert read_kept(text, "Should the county close the rural clinics?") == text


@pytest.mark.parametrize(
    "question, text, want",
    [
        (
            "Should the county keep the rural clinics open?",
            "Closing the rural clinics would be a mistake.",
            "support",
        ),
        (
            "Should the county keep the rural clinics open?",
            "There is no reason to close the rural clinics.",
            "support",
        ),
        (
            "Should the county close the rural clinics?",
            "There is no reason to close the rural clinics.",
            "oppose",
        ),
        ("Should the town preserve the old ferry dock?", "They must not tear down that dock.", "support"),
        (
            "Should the city continue the tool library?",
            "The tool library should not be discontinued.",
            "support",
        ),
        # a harm said as "kill" is read as the harm
        (
            "Should the city raise the minimum wage?",
            "Raising the wage will not kill jobs, whatever they say.",
            "support",
        ),
    ],
)
def test_the_engine_reads_a_denied_removal_on_a_question_of_keeping(neural, question, text, want):
    from annotator.models import Pair
    from annotator.stance.predict import predict_pairs

    assert predict_pairs([Pair(id="p", question=question, text=text)], neural)[0].stance == want


def test_a_quote_that_names_the_proposal_by_a_definite_noun_is_read_on_the_proposal():
    """ "the change would strain poll workers" shares no word with the question, yet a reader
    knows which change: the proposal. It reaches each question that proposes something,
    and only those (the engine then decides whether it takes a side)."""
    from annotator.stance.relevance import Weights, bundled_idf, question_profiles, relevance_and_own

    book = Codebook(
        questions=[
            Question(id="lower", text="Should the town lower the speed limit?", keywords=["speed limit"]),
            Question(id="safe", text="Are the town's roads safe for cyclists?", keywords=["cyclists"]),
        ]
    )
    weights = Weights()
    profiles = question_profiles(book, bundled_idf(), weights)
    rel, own = relevance_and_own(
        ["the change would slow deliveries and anger drivers", "the bakery opens at six"],
        ["", ""],
        profiles,
        weights,
    )
    assert rel[0, 0] >= weights.min_score > rel[0, 1]
    assert rel[1].max() < weights.min_score and own[0].max() < weights.min_score


def test_the_engine_reads_a_quote_about_the_change_on_the_proposal(neural):
    book = Codebook(
        questions=[
            Question(id="lower", text="Should the town lower the speed limit?", keywords=["speed limit"])
        ]
    )
    text = "Ann Kim disagrees. “The change would slow deliveries and anger every driver in town,” she said."
    article = Article(id="a", text=text)
    from annotator.quotes import find_quotes

    out = predict_quotes(find_quotes(article), book, neural, articles={"a": article})
    assert [q.stances["lower"].label for q in out] == ["oppose"]


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Every one of them worked better than its critics feared.", "Every one of them worked well."),
        ("The line did much worse than its backers promised.", "The line did badly."),
        ("The pilot went worse than even the skeptics warned.", "The pilot went badly."),
        # a comparison with no one's expectation is left as it is
        ("Prices are better than last year.", "Prices are better than last year."),
    ],
)
def test_better_or_worse_than_its_critics_or_backers_expected_is_read_plainly(text, plain):
    from annotator.stance.idioms import plain_phrasings

    assert plain_phrasings(text) == plain


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Darker mornings, and our bodies pay for that.", "Darker mornings, and our bodies suffer for that."),
        ("Taxpayers will pay the price for decades.", "Taxpayers will suffer for decades."),
        ("Renters paid a steep price for the delay.", "Renters suffered for the delay."),
        # a payment someone should make, or any other paying, stays as it is
        ("The port is worth it and we should pay for it.", "The port is worth it and we should pay for it."),
        ("We pay for groceries with cash.", "We pay for groceries with cash."),
    ],
)
def test_paying_for_it_is_read_as_suffering_for_it(text, plain):
    from annotator.stance.idioms import plain_phrasings

    assert plain_phrasings(text) == plain
