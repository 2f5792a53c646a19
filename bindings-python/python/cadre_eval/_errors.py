"""The one exception of cadre_eval: every input problem, as data."""

from __future__ import annotations

import copy
from typing import NotRequired, TypedDict

__all__ = ["AssessmentError", "ErrorDetail", "ErrorMessage"]

class ErrorMessage(TypedDict):
    """A message in Vietnamese and English."""

    vi: str
    en: str

class ErrorDetail(TypedDict):
    """One problem: a stable code, a JSON Pointer and a message in two languages.

    ``column`` names the flat column when the input was a table.
    """

    code: str
    path: str
    message: ErrorMessage
    column: NotRequired[str]

class AssessmentError(ValueError):
    """An input that cannot be evaluated, with every problem found.

    ``errors()`` lists each problem with its stable ``code`` (see
    ``cadre_eval.error_codes()``), its ``path`` (a JSON Pointer such as
    ``/tasks/on_time``) and its ``message`` in Vietnamese and English.

    >>> import cadre_eval
    >>> try:
    ...     cadre_eval.evaluate({"id": "x", "period": {"year": 2025},
    ...                          "subject": {"kind": "member"},
    ...                          "score": {"general": 31, "task_results": 60},
    ...                          "tasks": {"assigned": 1, "completed": 1,
    ...                                    "on_time": 2, "exceeded": 0}})
    ... except cadre_eval.AssessmentError as error:
    ...     [(e["code"], e["path"]) for e in error.errors()]
    [('out_of_range', '/score/general'), ('inconsistent_counts', '/tasks/on_time')]
    """

    def __init__(self, message: str, errors: list[ErrorDetail]) -> None:
        super().__init__(message)
        self._errors = errors

    def errors(self) -> list[ErrorDetail]:
        """Every problem, in the order found (a copy: changing it changes nothing)."""
        return copy.deepcopy(self._errors)

    def codes(self) -> list[str]:
        """The problems' codes, in order."""
        return [error["code"] for error in self._errors]

    def __reduce__(self) -> tuple[type[AssessmentError], tuple[str, list[ErrorDetail]]]:
        return (AssessmentError, (str(self), self._errors))
