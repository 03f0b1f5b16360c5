"""The one module that imports label_studio_sdk (pinned to 2.x in pyproject: the SDK broke its
API at 1.0 and again at 2.0). Everything else in the project talks to Label Studio through
`Studio` (API calls) and `validate_config` / `prediction_errors` (LabelInterface checks).

Every SDK or HTTP failure becomes a StudioError with one clear line: what failed, where, how
to fix it. The API key is never part of a message (it is scrubbed from anything echoed back).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError
from label_studio_sdk.label_interface import LabelInterface

from annotator.errors import StudioError

SDK_MAJOR = 2


def sdk_version() -> str:
    from importlib.metadata import version

    return version("label-studio-sdk")


def _check_sdk() -> None:
    major = int(sdk_version().split(".")[0])
    if major != SDK_MAJOR:
        raise StudioError(
            f"label-studio-sdk {sdk_version()} is installed but this project needs {SDK_MAJOR}.x; "
            f"run: pip install 'label-studio-sdk>={SDK_MAJOR},<{SDK_MAJOR + 1}'"
        )


# -- LabelInterface checks ------------------------------------------------------------------


@lru_cache(maxsize=8)
def _interface(xml: str) -> LabelInterface:
    return LabelInterface(xml)


def validate_config(xml: str) -> None:
    """Raise StudioError when Label Studio's LabelInterface rejects the labeling config."""
    try:
        _interface(xml).validate()
    except Exception as e:  # noqa: BLE001 - the SDK raises plain exceptions of several kinds
        raise StudioError(
            f"the generated labeling config is not valid for Label Studio ({e}); "
            "check the codebook's question ids and labels"
        ) from None


def prediction_errors(xml: str, prediction: dict) -> list[str]:
    """What is wrong with a prediction (or annotation) for this config; [] when it fits."""
    return list(_interface(xml).validate_prediction(prediction, return_errors=True) or [])


# -- the API --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    title: str
    label_config: str
    model_version: str | None = None


def redact(url: str) -> str:
    """The address without credentials: user:key@ and key-like query values become ***."""
    url = re.sub(r"(?<=//)[^/@\s]*@", "***@", url)
    return re.sub(
        r"(?i)([?&](?:token|key|api_key|apikey|access_token|password|secret)=)[^&#\s]*", r"\1***", url
    )


class Studio:
    """A Label Studio server reached through its API (label-studio-sdk 2.x)."""

    def __init__(self, url: str, api_key: str, timeout: float = 120.0):
        if not url.startswith(("http://", "https://")):
            raise StudioError(
                f"--url '{redact(url)}' is not an http(s) address; give e.g. http://127.0.0.1:8080"
            )
        if not api_key:
            raise StudioError(
                "no API key: set LABEL_STUDIO_API_KEY or pass --api-key "
                "(Label Studio: Account & Settings > Personal Access Token)"
            )
        _check_sdk()
        self.url = url.rstrip("/")
        self.shown = redact(self.url)  # the address as errors show it: never a key
        self._key = api_key
        self._client = LabelStudio(base_url=self.url, api_key=api_key, timeout=timeout)

    def __repr__(self) -> str:  # never show the key
        return f"Studio(url={self.shown!r})"

    # errors ------------------------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    @contextlib.contextmanager
    def _call(self, what: str) -> Iterator[None]:
        try:
            yield
        except StudioError:
            raise
        except ApiError as e:
            raise StudioError(self._scrub(self._api_message(what, e))) from None
        except httpx.ConnectError as e:
            reason = (
                "connection refused"
                if "refused" in str(e).lower()
                else self._scrub(str(e)) or "no connection"
            )
            raise StudioError(
                f"cannot reach Label Studio at {self.shown} ({reason}); check --url and that the "
                "server is running"
            ) from None
        except httpx.TimeoutException:
            raise StudioError(
                f"Label Studio at {self.shown} did not answer in time while trying to {what}; "
                "check the server (it may be busy) and retry"
            ) from None
        except httpx.HTTPError as e:
            raise StudioError(
                self._scrub(
                    f"Label Studio at {self.shown}: {what} failed ({type(e).__name__}: {e}); "
                    "check --url and the server"
                )
            ) from None
        except json.JSONDecodeError:
            raise StudioError(
                f"Label Studio at {self.shown} answered with something that is not JSON while trying "
                f"to {what}; is --url the Label Studio address?"
            ) from None

    def _api_message(self, what: str, e: ApiError) -> str:
        status = e.status_code
        body = e.body if isinstance(e.body, str) else json.dumps(e.body, ensure_ascii=False, default=str)
        body = (body or "").strip().replace("\n", " ")
        if body.lower().startswith(("<!doctype", "<html")):
            body = "an HTML error page"
        body = body[:300]
        if status in (401, 403) and (
            "token" in body.lower() or "credentials" in body.lower() or status == 401
        ):
            return (
                f"Label Studio at {self.shown} refused the API key ({status}); check LABEL_STUDIO_API_KEY or "
                "--api-key (Account & Settings > Personal Access Token, or a legacy token if enabled)"
            )
        if status == 403:
            return (
                f"Label Studio at {self.shown} does not allow this user to {what} (403); ask a project owner"
            )
        if status == 404:
            return f"Label Studio at {self.shown}: not found while trying to {what} (404); check --project and --url"
        return f"Label Studio at {self.shown} failed to {what} ({status}: {body or 'no details'})"

    # calls -------------------------------------------------------------------------------
    def whoami(self) -> dict:
        with self._call("check the API key"):
            me = self._client.users.whoami()
        return {"id": me.id, "email": me.email}

    def project(self, project_id: int) -> ProjectInfo:
        with self._call(f"read project {project_id}"):
            p = self._client.projects.get(id=project_id)
        return ProjectInfo(p.id, p.title or "", p.label_config or "", p.model_version)

    def projects_titled(self, title: str) -> list[ProjectInfo]:
        with self._call(f"look up project '{title}'"):
            found = [
                p for p in self._client.projects.list(title=title, page_size=100) if (p.title or "") == title
            ]
        return [
            ProjectInfo(p.id, p.title or "", p.label_config or "", getattr(p, "model_version", None))
            for p in found
        ]

    def create_project(
        self, title: str, label_config: str, model_version: str | None, description: str = ""
    ) -> ProjectInfo:
        with self._call(f"create project '{title}'"):
            p = self._client.projects.create(
                title=title,
                label_config=label_config,
                description=description,
                model_version=model_version,
                show_collab_predictions=True,
            )
        return ProjectInfo(p.id, p.title or title, p.label_config or label_config, p.model_version)

    def update_project(
        self, project_id: int, *, label_config: str | None = None, model_version: str | None = None
    ) -> None:
        kw: dict[str, Any] = {}
        if label_config is not None:
            kw["label_config"] = label_config
        if model_version is not None:
            kw["model_version"] = model_version
        if kw:
            with self._call(f"update project {project_id}"):
                self._client.projects.update(id=project_id, **kw)

    def task_data(self, project_id: int, page_size: int = 1000) -> Iterator[tuple[int, dict]]:
        """(task id, task data) of every task of the project."""
        with self._call(f"list the tasks of project {project_id}"):
            for t in self._client.tasks.list(
                project=project_id, fields="task_only", include="id,data", page_size=page_size
            ):
                yield t.id, dict(t.data or {})

    def import_tasks(self, project_id: int, tasks: Sequence[dict]) -> list[int]:
        with self._call(f"import {len(tasks)} tasks into project {project_id}"):
            r = self._client.projects.import_tasks(id=project_id, request=list(tasks), return_task_ids=True)
        return list(r.task_ids or [])

    def export_tasks(self, project_id: int) -> list[dict]:
        """Label Studio's JSON export of the project's annotated tasks."""
        with self._call(f"export project {project_id}"):
            raw = b"".join(self._client.projects.exports.download_sync(project_id, export_type="JSON"))
            data = json.loads(raw)
        if not isinstance(data, list):
            raise StudioError(f"Label Studio at {self.shown} returned an export that is not a list of tasks")
        return data

    def users(self) -> dict[int, str]:
        """{user id: email (or username)} of the organisation's users."""
        with self._call("list users"):
            return {u.id: (u.email or u.username or f"user-{u.id}") for u in self._client.users.list()}

    # used by tests and the benchmark to play annotators -----------------------------------
    def create_user(self, email: str, password: str) -> int:
        with self._call(f"create user {email}"):
            u = self._client.users.create(username=email.split("@")[0], email=email, password=password)
        return u.id

    def annotate(
        self,
        task_id: int,
        result: list[dict],
        user_id: int | None = None,
        was_cancelled: bool = False,
        lead_time: float = 1.0,
    ) -> int:
        kw: dict[str, Any] = {"result": result, "lead_time": lead_time, "was_cancelled": was_cancelled}
        if user_id is not None:
            kw["completed_by"] = user_id
        with self._call(f"annotate task {task_id}"):
            a = self._client.annotations.create(id=task_id, **kw)
        return a.id

    def delete_project(self, project_id: int) -> None:
        with self._call(f"delete project {project_id}"):
            self._client.projects.delete(id=project_id)
