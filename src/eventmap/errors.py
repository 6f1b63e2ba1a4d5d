"""The errors that mean "this input cannot be used", with one base class.

Every refusal of what a person gave eventmap (a report file, a pasted text, a JSON line, a date
typed on the command line or in the URL) is an :class:`InputError`: the message says what is
wrong and what to do, in one line, and the CLI prints it as it is (exit code 2, never a traceback).
The subclasses say which kind of input it was, for callers that treat them differently:

* :class:`ReportInputError`: a report that cannot be read (empty, binary, too large, no text in a page,
  a file type eventmap does not take, a bad JSON line);
* :class:`DateInputError`: a date that is missing, not ``YYYY-MM-DD`` or outside the accepted range.

``InputError`` is a ``ValueError``, so code that catches ``ValueError`` keeps working.  This module
imports nothing from eventmap: every stage may use it.
"""

from __future__ import annotations


class InputError(ValueError):
    """Input that cannot be used; the message says why and what to do."""


class ReportInputError(InputError):
    """A report (file, pasted text, JSON line) that cannot be read as a news report."""


class DateInputError(InputError):
    """A date given by a person (``--published``, ``--since``, a JSON line's ``published``) that is unusable."""


__all__ = ["DateInputError", "InputError", "ReportInputError"]
