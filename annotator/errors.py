"""The project's exceptions. The CLI turns each into one `Error: ...` line and exit 1."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base: a problem the user can fix. The message says what, where and how to fix it."""

    exit_code = 1


class InputError(AnnotatorError):
    """An input file or record is missing, unreadable or malformed."""


class CodebookError(AnnotatorError):
    """The codebook is invalid."""


class ModelError(AnnotatorError):
    """A stance model file is missing, untrusted or built for other versions."""


class StudioError(AnnotatorError):
    """Label Studio could not be reached, refused the request, or returned unusable data."""


class Skipped(AnnotatorError):
    """Some items of a batch were skipped (each was reported); the rest was written."""

    exit_code = 3
