"""Label Studio round trip: the labeling config from a codebook, quotes pushed as tasks with
the model's stances as predictions, reviewed labels pulled back.

label_studio_sdk is imported in `annotator.studio.adapter` only; the names below are loaded
on first use, so `import annotator.studio` stays cheap.

    from annotator.studio import push, pull, write_tasks_file, read_export, labeling_config
"""

from __future__ import annotations

from annotator.lazy import lazy_exports

_EXPORTS = {
    "labeling_config": "annotator.studio.config",
    "build_config": "annotator.studio.config",
    "build_tasks": "annotator.studio.tasks",
    "task_hash": "annotator.studio.tasks",
    "reviewed_labels": "annotator.studio.reviewed",
    "push": "annotator.studio.sync",
    "pull": "annotator.studio.sync",
    "write_tasks_file": "annotator.studio.sync",
    "read_export": "annotator.studio.sync",
    "PushResult": "annotator.studio.sync",
    "Studio": "annotator.studio.adapter",
    "start_server": "annotator.studio.server",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = [
    "PushResult",
    "Studio",
    "build_config",
    "build_tasks",
    "labeling_config",
    "pull",
    "push",
    "read_export",
    "reviewed_labels",
    "start_server",
    "task_hash",
    "write_tasks_file",
]
