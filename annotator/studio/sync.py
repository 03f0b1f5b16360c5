"""Push quotes to Label Studio and pull the reviewed labels back (online, or through files).

push(quotes, codebook, url=..., api_key=...)  -> PushResult   (idempotent)
write_tasks_file(quotes, codebook, path)      -> int          (offline import file)
pull(url=..., api_key=..., project=...)       -> list[ReviewedLabel]
read_export(path, codebook)                   -> list[ReviewedLabel] (offline)
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import CodebookError, InputError, StudioError
from annotator.io import Reporter, atomic_write
from annotator.models import Article, Codebook, Quote, ReviewedLabel
from annotator.studio.adapter import ProjectInfo, Studio
from annotator.studio.config import (
    ConfigQuestions,
    build_config,
    questions_of_codebook,
    questions_of_config,
)
from annotator.studio.reviewed import reviewed_labels
from annotator.studio.tasks import build_tasks, project_model_version

DEFAULT_BATCH = 500


def default_title(codebook: Codebook) -> str:
    return codebook.title or "Expert stances"


@dataclass
class PushResult:
    project_id: int
    project_title: str
    created: bool  # the project was made by this push
    imported: int  # new tasks
    existing: int  # quotes already in the project (same quote, same codebook)
    batches: int
    seconds: float = 0.0
    task_ids: list[int] = field(default_factory=list)


def _is_id(ref: str) -> bool:
    return ref.strip().isdigit()


def find_project(studio: Studio, ref: str) -> ProjectInfo | None:
    """The project named by id (must exist) or by exact title (None when there is none)."""
    if _is_id(ref):
        return studio.project(int(ref))
    found = studio.projects_titled(ref)
    if len(found) > 1:
        ids = ", ".join(str(p.id) for p in found)
        raise StudioError(f"several Label Studio projects are titled '{ref}' (ids {ids}); pass --project ID")
    if found:
        return studio.project(found[0].id)
    return None


def _ensure_config(studio: Studio, project: ProjectInfo, config: str) -> None:
    if project.label_config.strip() == config.strip():
        return
    try:
        questions_of_config(project.label_config)
    except CodebookError:
        raise StudioError(
            f"project {project.id} ('{project.title}') was not made by `annotator studio push` (its "
            "labeling config has no stance questions); choose another --project"
        ) from None
    try:
        studio.update_project(project.id, label_config=config)
    except StudioError as e:
        raise StudioError(
            f"project {project.id} ('{project.title}') has another codebook and Label Studio refused "
            f"the new labeling config ({e}); push to a new --project"
        ) from None


def _non_empty(tasks: list[dict], reporter: Reporter) -> list[dict]:
    if not tasks:
        why = (
            f"all {len(reporter.skipped)} quotes were skipped (see the warnings)"
            if reporter.skipped
            else "no quotes"
        )
        raise InputError(f"nothing to push: {why}; check the quotes file and the codebook")
    return tasks


def existing_hashes(studio: Studio, project_id: int) -> dict[str, int]:
    """{task_hash: task id} of the tasks already in the project."""
    return {
        d["task_hash"]: tid for tid, d in studio.task_data(project_id) if isinstance(d.get("task_hash"), str)
    }


def push(
    quotes: Iterable[Quote],
    codebook: Codebook,
    *,
    url: str,
    api_key: str,
    project: str | None = None,
    articles: Mapping[str, Article] | None = None,
    batch_size: int = DEFAULT_BATCH,
    reporter: Reporter | None = None,
    studio: Studio | None = None,
    blind: bool = False,
) -> PushResult:
    """Create (or reuse) the project and import the quotes not in it yet, most uncertain first,
    in batches, with the model's stances as predictions (none with `blind`: a blind review).
    Pushing the same quotes twice imports nothing the second time."""
    if batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, got {batch_size}")
    t0 = time.perf_counter()
    reporter = reporter or Reporter()
    config = build_config(codebook)
    tasks = _non_empty(build_tasks(quotes, codebook, articles, reporter, config, blind), reporter)
    studio = studio or Studio(url, api_key)
    studio.whoami()
    ref = project or default_title(codebook)
    info = find_project(studio, ref)
    version = project_model_version(tasks)
    created = info is None
    if info is None:
        info = studio.create_project(
            ref,
            config,
            version,
            description=f"codebook {codebook.version or ''} digest {codebook.digest}".strip(),
        )
    else:
        _ensure_config(studio, info, config)
        if version and version != info.model_version:
            studio.update_project(info.id, model_version=version)
    have = {} if created else existing_hashes(studio, info.id)
    new = [t for t in tasks if t["data"]["task_hash"] not in have]
    ids: list[int] = []
    batches = 0
    for i in range(0, len(new), batch_size):
        ids += studio.import_tasks(info.id, new[i : i + batch_size])
        batches += 1
    return PushResult(
        info.id,
        info.title,
        created,
        len(new),
        len(tasks) - len(new),
        batches,
        round(time.perf_counter() - t0, 3),
        ids,
    )


def write_tasks_file(
    quotes: Iterable[Quote],
    codebook: Codebook,
    path: Path | str,
    articles: Mapping[str, Article] | None = None,
    reporter: Reporter | None = None,
    blind: bool = False,
) -> int:
    """Write the tasks as a Label Studio import file (JSON list), most uncertain first; import
    it in a project whose labeling config is `annotator studio config` of the same codebook."""
    reporter = reporter or Reporter()
    tasks = _non_empty(build_tasks(quotes, codebook, articles, reporter, blind=blind), reporter)
    with atomic_write(path) as f:
        json.dump(tasks, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(tasks)


def pull(
    *,
    url: str,
    api_key: str,
    project: str,
    codebook: Codebook | None = None,
    reporter: Reporter | None = None,
    studio: Studio | None = None,
) -> list[ReviewedLabel]:
    """The reviewed labels of a project (results checked against the codebook, or against the
    project's own labeling config when no codebook is given)."""
    reporter = reporter or Reporter()
    studio = studio or Studio(url, api_key)
    studio.whoami()
    info = find_project(studio, project)
    if info is None:
        raise StudioError(
            f"no Label Studio project titled '{project}' at {studio.url}; check --project (a title or an id)"
        )
    questions = questions_of_codebook(codebook) if codebook else questions_of_config(info.label_config)
    exported = studio.export_tasks(info.id)
    return reviewed_labels(exported, questions, studio.users(), reporter)


def read_export(
    path: Path | str, codebook: Codebook, reporter: Reporter | None = None
) -> list[ReviewedLabel]:
    """Reviewed labels from a Label Studio JSON export file (Export > JSON)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(
            f"{path}: not a JSON file ({e}); export the project from Label Studio as JSON"
        ) from None
    if not isinstance(data, list) or any(not isinstance(t, dict) for t in data):
        raise InputError(f"{path}: expected Label Studio's JSON export (a list of tasks); export as JSON")
    if data and all("annotations" not in t for t in data):
        raise InputError(
            f"{path}: has no 'annotations' in its tasks: it looks like a JSON_MIN or CSV-style "
            "export; export as JSON (not JSON_MIN)"
        )
    questions: ConfigQuestions = questions_of_codebook(codebook)
    return reviewed_labels(data, questions, {}, reporter)
