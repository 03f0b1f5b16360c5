"""The Label Studio labeling config, generated from a codebook.

One screen per quote: who said it (speaker, role, organisation, as the machine attributed
it), the quote, the sentences around it, a link to the article, one single-choice block per
question of the codebook, and a way to confirm or correct the speaker.

Control names are derived from the codebook so that results can be mapped back:
`stance_<question id>` for a question, `speaker_check` and `speaker_fix` for the speaker.
The config is checked with label-studio-sdk's LabelInterface (through the adapter).

Each choice's value is the codebook's label (what results and exports carry); reviewers see
it as words ("Not addressed", through the Choice's `html`) with its meaning on hover, and
press a key to choose it: the first question's labels are 1, 2, 3..., the second's q, w, e...,
the third's a, s, d..., the fourth's z, x, c... (u is Label Studio's own "unselect"); later
questions are chosen by click.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from annotator.errors import CodebookError
from annotator.models import Codebook, Question, label_word

STANCE_PREFIX = "stance_"
QUOTE_OBJECT = "quote"
SPEAKER_CHECK = "speaker_check"
SPEAKER_FIX = "speaker_fix"
SPEAKER_OK = "Speaker is right"
SPEAKER_WRONG = "Speaker is wrong"

# Task data fields the config reads ($name); tasks.build_task fills every one of them.
DATA_FIELDS = ("speaker_line", "text", "context", "article_html")


def control_name(question_id: str) -> str:
    """The Choices control of a question: `stance_<question id>`."""
    return f"{STANCE_PREFIX}{question_id}"


def question_of(control: str) -> str | None:
    """The question id behind a control name, or None when it is not a stance control."""
    if control.startswith(STANCE_PREFIX) and len(control) > len(STANCE_PREFIX):
        return control[len(STANCE_PREFIX) :]
    return None


def _attr(value: str) -> str:
    return quoteattr(value)


HOTKEY_ROWS = ("1234567890", "qwertyiop", "asdfghjkl", "zxcvbnm")
LABEL_HINTS = {
    "support": "argues for what the question proposes",
    "oppose": "argues against what the question proposes",
    "mixed": "goes both ways: for in part, against in part",
    "neutral": "speaks to the question without taking a side",
    "not_addressed": "does not speak to this question",
}


def hotkeys(question_index: int, n_labels: int) -> list[str | None]:
    """The keys of a question's labels (None: no key), unique across the config."""
    row = HOTKEY_ROWS[question_index] if question_index < len(HOTKEY_ROWS) else ""
    return [row[i] if i < len(row) else None for i in range(n_labels)]


def _choice(label: str, key: str | None) -> str:
    attrs = [f"value={_attr(label)}", f"html={_attr(escape(label_word(label)))}"]
    if key:
        attrs.append(f'hotkey="{key}"')
    if label in LABEL_HINTS:
        attrs.append(f"hint={_attr(LABEL_HINTS[label])}")
    return f"        <Choice {' '.join(attrs)}/>"


def _question_block(q: Question, labels: list[str], index: int = len(HOTKEY_ROWS)) -> str:
    lines = ['    <View style="margin-top: 8px">', f'      <Header value={_attr(q.text)} size="5"/>']
    if q.description:
        lines.append(f'      <Header value={_attr(q.description)} size="6" underline="false"/>')
    lines.append(
        f'      <Choices name={_attr(control_name(q.id))} toName="{QUOTE_OBJECT}" choice="single-radio" '
        'showInline="true">'
    )
    lines += [_choice(lab, key) for lab, key in zip(labels, hotkeys(index, len(labels)))]
    lines += ["      </Choices>", "    </View>"]
    return "\n".join(lines)


def labeling_config(codebook: Codebook) -> str:
    """The labeling config XML for a codebook (deterministic: same codebook, same text)."""
    title = codebook.title or "Expert stances"
    blocks = "\n".join(
        _question_block(q, codebook.labels_for(q.id), i) for i, q in enumerate(codebook.questions)
    )
    return f"""<View>
  <Header value={_attr(title)} size="3"/>
  <View style="padding: 8px; background: #f4f4f4; border-radius: 4px">
    <Header value="$speaker_line" size="5"/>
    <Text name="{QUOTE_OBJECT}" value="$text" granularity="word"/>
  </View>
  <Header value="Context" size="6"/>
  <Text name="context" value="$context"/>
  <HyperText name="article" value="$article_html" inline="true" clickableLinks="true"/>
  <View style="margin-top: 8px">
    <Header value="Is the speaker right?" size="5"/>
    <Choices name="{SPEAKER_CHECK}" toName="{QUOTE_OBJECT}" choice="single-radio" showInline="true">
      <Choice value="{SPEAKER_OK}" hint="the quote is by the person named above"/>
      <Choice value="{SPEAKER_WRONG}" hint="someone else said it: type the right name below"/>
    </Choices>
    <TextArea name="{SPEAKER_FIX}" toName="{QUOTE_OBJECT}" maxSubmissions="1" editable="true" rows="1"
              placeholder="The right speaker's full name, if the one above is wrong"/>
  </View>
  <View>
{blocks}
  </View>
</View>
"""


@dataclass(frozen=True)
class ConfigQuestions:
    """The questions and labels a labeling config offers: what results are checked against."""

    labels: dict[str, list[str]]  # question id -> labels

    def check(self, question: str, label: str) -> str | None:
        """None when (question, label) fits; else what is wrong."""
        if question not in self.labels:
            return f"unknown question '{question}'"
        if label not in self.labels[question]:
            return (
                f"label '{label}' is not one of {', '.join(self.labels[question])} for question '{question}'"
            )
        return None


def questions_of_codebook(codebook: Codebook) -> ConfigQuestions:
    return ConfigQuestions({q.id: codebook.labels_for(q.id) for q in codebook.questions})


def questions_of_config(xml: str) -> ConfigQuestions:
    """The questions and labels of a config this module generated (read back from a project,
    when `pull` is not given the codebook)."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as e:
        raise CodebookError(
            f"the project's labeling config is not valid XML ({e}); pass --codebook F"
        ) from None
    found: dict[str, list[str]] = {}
    for node in root.iter("Choices"):
        qid = question_of(node.get("name", ""))
        if qid is not None:
            found[qid] = [c.get("value", "") for c in node.iter("Choice")]
    if not found:
        raise CodebookError(
            "the project's labeling config has no stance questions (no 'stance_<question>' choices); "
            "it was not made by `annotator studio push`: pass --codebook F"
        )
    return ConfigQuestions(found)


def build_config(codebook: Codebook) -> str:
    """The labeling config, validated by Label Studio's own LabelInterface."""
    from annotator.studio import adapter

    xml = labeling_config(codebook)
    adapter.validate_config(xml)
    return xml
