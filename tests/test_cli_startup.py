"""A command imports the module that registers it, not every command's (``eventmap.cli.COMMANDS``)."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from eventmap import cli


def _registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module).register(sub)
    return set(sub.choices)


def test_the_command_table_says_which_module_registers_each_command():
    table: dict[str, set[str]] = {}
    for command, module in cli.COMMANDS.items():
        table.setdefault(module, set()).add(command)
    assert set(table) == set(cli._COMMAND_MODULES)
    for module in cli._COMMAND_MODULES:
        assert _registered(module) == table[module], module
    assert set(cli.build_parser().parse_args(["app"]).__dict__) >= {"command", "func"}
    full = cli.build_parser()._subparsers._group_actions[0].choices   # type: ignore[union-attr]
    assert set(full) == set(cli.COMMANDS)


@pytest.mark.parametrize("argv", [["app", "--port", "8600"], ["control", "--date", "2018-07-25"], ["events"]])
def test_one_command_parses_as_with_every_command(argv):
    one, every = cli.build_parser(argv).parse_args(argv), cli.build_parser().parse_args(argv)
    assert vars(one) == vars(every)


def test_the_dashboard_command_starts_without_the_other_commands_imports():
    code = ("import sys; from eventmap import cli; a = cli.build_parser(['app']).parse_args(['app', '--port', '1']); "
            "print(a.command, 'pandas' in sys.modules, 'eventmap.store.fix_cli' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["app", "False", "False"]
    code = "import sys; from eventmap import cli; cli.build_parser(['--help-me']); print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"


def test_help_and_a_mistyped_command_still_list_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["apq"])
    err = capsys.readouterr().err
    assert "invalid choice" in err and all(c in err for c in ("app", "extract", "correct", "gazetteer"))
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert [c for c in cli.COMMANDS if f"  {c}" not in out] == []
