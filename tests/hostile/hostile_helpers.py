"""Shared pieces of the hostile-input suite: sentences written for it, and ways to run the CLI.

The sentences are written for these tests in the styles of real outlets (SANA, Enab Baladi,
Reuters); none is copied from a corpus.  Each names a real southern village of the gazetteer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOY = "eventmap.store.testing:toy_extract"

#: (text, what must survive reading) in the styles of real outlets
SANA_HARA = ("درعا-سانا: بسطت وحدات من الجيش العربي السوري سيطرتها الكاملة على بلدة الحارة في ريف درعا "
             "الشمالي الغربي بعد القضاء على آخر تجمعات الإرهابيين فيها.")
ENAB_TAFAS = ("قالت مصادر محلية لعنب بلدي إن قصفاً مدفعياً استهدف مدينة طفس في ريف درعا الغربي، صباح "
              "الثلاثاء، ما أدى إلى أضرار مادية في منازل المدنيين.")
SANA_JASIM = ("وأفاد مراسل سانا بأن اشتباكات عنيفة دارت في بلدة جاسم بريف درعا الشمالي بين وحدات الجيش "
              "ومجموعات مسلحة.")
SANA_SAYDA = ("القنيطرة-سانا: استهدفت وحدات من الجيش بالأسلحة المناسبة تجمعات للإرهابيين في محيط بلدة صيدا "
              "على أطراف وادي اليرموك بريف درعا الغربي.")
REUTERS_TAFAS = ("AMMAN (Reuters) - Syrian government forces shelled the town of Tafas in Deraa province on "
                 "Tuesday, rebels and residents said.")


def run_eventmap(*argv: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """``eventmap ARGS`` as a separate process, as an analyst runs it."""
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "eventmap", *map(str, argv)], capture_output=True, check=False,
                          env=e, timeout=timeout)


def assert_one_clear_line(proc_or_err, code: int | None = None) -> str:
    """Non-zero exit, no traceback, and a message that is not the last-resort 'internal error'."""
    err = proc_or_err if isinstance(proc_or_err, str) else proc_or_err.stderr.decode("utf-8", "replace")
    if code is None and not isinstance(proc_or_err, str):
        code = proc_or_err.returncode
    assert code not in (0, None), err
    assert "Traceback" not in err and 'File "' not in err, err
    assert "internal error" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith("usage:")]
    assert lines, "no message at all"
    return err
