"""The pipeline (read -> extract -> store) behind ``eventmap ingest``, ``reprocess`` and the dashboard's ingest
page: one rule for dates people type, one InputError family, every event stamped with its extractor version,
and the layers kept one way (the store never reaches up to the pipeline, places never to the store)."""

from __future__ import annotations

import ast
import json
from dataclasses import replace
from pathlib import Path

import pytest

import eventmap
from eventmap.cli import main
from eventmap.errors import DateInputError, InputError, ReportInputError
from eventmap.events import reader
from eventmap.events.dates import parse_date, parse_published
from eventmap.pipeline import extract_reports, extractor_version, ingest_paths, iter_reports, reprocess
from eventmap.store import Correction, EventFilter, open_store
from eventmap.store.corrections import validate
from eventmap.store.filter_args import FilterArgumentError
from eventmap.store.testing import RAFID_AR, RAFID_EN, toy_extract
from eventmap.ui import state as url_state

SRC = Path(eventmap.__file__).parent
# written for these tests, in the style of a state news agency and of a wire report
STRIKE_AR = "درعا - سانا: وشن الطيران الحربي غارات على بلدة صيدا في ريف درعا الشرقي صباح اليوم."
STRIKE_EN = "Amman, July 5 (Reuters) - Russian jets carried out air strikes on Sayda overnight, a local council said."


def bare_extract(text: str, published: str, **kw: object) -> list:
    """An extractor of another team: its events carry no extractor version of their own."""
    return [replace(e, extractor="") for e in toy_extract(text, published, **kw)]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- one rule for typed dates
@pytest.mark.parametrize("typed, day", [("2018-07-05", "2018-07-05"), ("2018-7-5", "2018-07-05"),
                                        ("2018-07-05T08:30:00+03:00", "2018-07-05"), (" 2018-07-05 ", "2018-07-05")])
def test_accepted_dates_mean_the_same_day_everywhere(typed, day):
    assert parse_date(typed).isoformat() == day
    assert parse_published(typed).isoformat() == day
    assert EventFilter(since=typed).since == day
    assert reader.make_report(STRIKE_EN, typed).published == day     # stored as YYYY-MM-DD, whatever was typed
    assert validate(Correction("set_date", "e1", author="Rana", event_date=typed)).event_date == day
    assert url_state.decode({"from": typed}).since == day                # the dashboard's address bar


@pytest.mark.parametrize("typed", ["20180705", "05/07/2018", "5 July 2018", "2018-13-05", "2018-07-05x"])
def test_refused_dates_are_refused_everywhere_with_one_message(typed):
    for parse in (parse_date, parse_published, lambda v: EventFilter(since=v),
                  lambda v: validate(Correction("set_date", "e1", author="Rana", event_date=v))):
        with pytest.raises(DateInputError, match="ISO date"):
            parse(typed)
    assert url_state.decode({"from": typed}).since is None               # a bad date in the URL is ignored
    with pytest.raises(DateInputError, match="write it 2018-07-05"):
        parse_date("20180705")


def test_ingest_and_extract_agree_on_published(env, capsys):
    f = env / "strike.txt"
    f.write_text(STRIKE_AR, encoding="utf-8")
    db = str(env / "s.gpkg")
    for typed in ("20180705", "05/07/2018"):
        code, _, err_ingest = run(capsys, "ingest", str(f), "--published", typed, "--db", db,
                                  "--extractor", "eventmap.store.testing:toy_extract")
        assert code == 2 and "ISO date" in err_ingest
        code, _, err_extract = run(capsys, "extract", str(f), "--published", typed)
        assert code == 2 and "ISO date" in err_extract
    code, out, _ = run(capsys, "ingest", str(f), "--published", "2018-7-5", "--db", db,
                       "--extractor", "eventmap.store.testing:toy_extract")
    assert code == 0 and "new: 1" in out
    with open_store(db) as s:
        assert list(s.reports()["published"]) == ["2018-07-05"]
    code, out, _ = run(capsys, "extract", str(f), "--published", "2018-7-5", "--json")
    assert code == 0 and {e["published"] for e in json.loads(out)} == {"2018-07-05"}
    code, _, err = run(capsys, "events", "--since", "20180705", "--db", db)
    assert code == 2 and "ISO date" in err


def test_a_jsonl_line_follows_the_same_rule(env):
    f = env / "batch.jsonl"
    f.write_text("\n".join(json.dumps({"text": STRIKE_EN, "published": p}) for p in ("2018-7-5", "20180705")),
                 encoding="utf-8")
    (_, good), (label, bad) = list(iter_reports([f]))
    assert good.published == "2018-07-05"
    assert label.endswith(":2") and isinstance(bad, DateInputError) and "ISO date" in str(bad)


# --------------------------------------------------------------------------- one InputError family
def test_every_refusal_of_input_is_one_input_error(env):
    assert reader.InputError is InputError and issubclass(InputError, ValueError)
    with pytest.raises(ReportInputError, match="empty"):
        reader.read_report("   \n ", "2018-07-05")
    with pytest.raises(ReportInputError, match="binary"):
        reader.read_report(b"%PDF-1.7\x00\x00\x01", "2018-07-05")
    with pytest.raises(DateInputError, match="no publication date"):
        reader.read_report(STRIKE_EN, None)
    with pytest.raises(DateInputError, match="outside the accepted range"):
        reader.read_report(STRIKE_EN, "1975-04-13")
    assert issubclass(FilterArgumentError, InputError)
    (env / "scan.txt").write_bytes(b"\x00\x01binary")
    (env / "2018-07-05_undated.txt").write_bytes(b"")
    (env / "nodate.txt").write_text(STRIKE_EN, encoding="utf-8")
    got = dict(iter_reports([env / "scan.txt", env / "2018-07-05_undated.txt", env / "nodate.txt", env / "gone.txt"]))
    assert all(isinstance(v, InputError) for v in got.values())
    assert isinstance(got[str(env / "nodate.txt")], DateInputError)
    assert isinstance(got[str(env / "scan.txt")], ReportInputError)
    assert "empty" in str(got[str(env / "2018-07-05_undated.txt")])


def test_the_cli_says_an_input_error_in_one_line(env, capsys):
    code, out, err = run(capsys, "ingest", str(env), "--published", "yesterday", "--db", str(env / "s.gpkg"))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --------------------------------------------------------------------------- stamped with the extractor version
def test_extractor_version_names_the_extractor():
    from eventmap.events.extract import EXTRACTOR_VERSION, extract_events

    assert extractor_version(extract_events) == EXTRACTOR_VERSION
    assert extractor_version(bare_extract) == f"{__name__}:bare_extract"


def test_ingest_and_reprocess_stamp_every_event(env):
    (env / "in").mkdir()
    (env / "in" / "2018-07-26_sana.txt").write_text(RAFID_AR, encoding="utf-8")
    (env / "in" / "2018-07-26_reuters.txt").write_text(RAFID_EN, encoding="utf-8")
    with open_store(env / "s.gpkg") as s:
        summary = ingest_paths(s, [env / "in"], extract_fn=bare_extract, progress=False)
        assert summary.new == 2 and summary.events > 0
        stored = s.query(EventFilter(include_hidden=True))
        assert set(stored["extractor"]) == {f"{__name__}:bare_extract"}
        assert set(s.reports()["extractor"]) == {f"{__name__}:bare_extract"}
        res = reprocess(s, toy_extract)                 # the toy extractor stamps its own "toy-1": kept
        assert res.reports == 2 and not res.failed
        assert set(s.query(EventFilter(include_hidden=True))["extractor"]) == {"toy-1"}
        reprocess(s, bare_extract)
        assert set(s.reports()["extractor"]) == {f"{__name__}:bare_extract"}


def test_the_cli_commands_run_the_pipeline(env, capsys, monkeypatch):
    """``ingest`` and ``reprocess`` both go through ``eventmap.pipeline.run.extract_one`` (which calls
    ``extract_report``), in this process with one worker."""
    import eventmap.pipeline.reprocessing as rp
    import eventmap.pipeline.run as run_mod

    seen: list[str] = []
    one = run_mod.extract_one
    monkeypatch.setattr(run_mod, "extract_one", lambda label, *a: (seen.append("ingest"), one(label, *a))[1])
    monkeypatch.setattr(rp, "extract_one", lambda label, *a: (seen.append("reprocess"), one(label, *a))[1])
    (env / "2018-07-26_sana.txt").write_text(RAFID_AR, encoding="utf-8")
    db = str(env / "s.gpkg")
    code, _, _ = run(capsys, "ingest", str(env / "2018-07-26_sana.txt"), "--db", db, "--workers", "1",
                     "--extractor", f"{__name__}:bare_extract")
    assert code == 0
    code, out, _ = run(capsys, "reprocess", "--db", db, "--workers", "1", "--extractor", f"{__name__}:bare_extract")
    assert code == 0 and "reports: 1" in out
    assert seen == ["ingest", "reprocess"]


def test_the_dashboard_preview_extracts_through_the_pipeline_and_stores_nothing(env):
    good = reader.make_report(RAFID_EN, "2018-07-26", source="Reuters")
    with open_store(env / "s.gpkg") as s:
        (rep, evs), = extract_reports(s, [good], bare_extract)
        assert rep is good and evs and {e.extractor for e in evs} == {f"{__name__}:bare_extract"}

        def broken(text: str, published: str, **kw: object) -> list:
            raise RuntimeError("the model file is missing")

        [(_, err)] = extract_reports(s, [good], broken)
        assert isinstance(err, RuntimeError)
        assert len(s.reports()) == 0


# --------------------------------------------------------------------------- layers
def _imports(path: Path) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("layer, later", [("places", ("eventmap.store", "eventmap.pipeline", "eventmap.events")),
                                          ("store", ("eventmap.pipeline",)),
                                          ("events", ("eventmap.store", "eventmap.pipeline"))])
def test_no_layer_imports_a_later_one(layer, later):
    bad = {f"{f.name}: {m}" for f in (SRC / layer).glob("*.py") for m in _imports(f) if m.startswith(later)}
    assert not bad, sorted(bad)


def test_the_dashboard_upload_reads_json_lines_by_the_ingest_rule(tmp_path):
    from eventmap.pipeline.inputs import read_jsonl
    from eventmap.ui import ingest as page

    lines = [json.dumps({"text": "قصفت المدفعية أطراف بلدة خبب صباح اليوم.", "published": "2019-04-02"},
                        ensure_ascii=False),
             json.dumps({"text": "   ", "published": "2019-04-02"}),
             json.dumps(["a list, not an object"]),
             json.dumps({"text": "Shelling hit the outskirts of Khirbat al Mushrif."})]
    data = "\n".join(lines).encode("utf-8")
    (tmp_path / "batch.jsonl").write_bytes(data)
    cli = list(read_jsonl(tmp_path / "batch.jsonl"))
    errors: list[str] = []
    shown = page.read_upload("batch.jsonl", data, "", errors=errors)
    assert [r.text for r in shown] == [r.text for _, r in cli if not isinstance(r, Exception)] and len(shown) == 1
    assert [e.split(": ", 1)[0] for e in errors] == ["batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4"]
    assert sum(isinstance(r, InputError) for _, r in cli) == 3
    # the same refusal, told the way each place gives a date
    assert "--published" in str(cli[-1][1]) and "Publication date" in errors[-1]
    with pytest.raises(InputError, match="batch.jsonl:2"):
        page.read_upload("batch.jsonl", data, "2019-04-03")
