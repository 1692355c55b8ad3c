"""The README's SQL runs as written, on a warehouse the pipeline builds from the bundled seeds."""
import re
import shlex
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from flows import cli
from flows.ingest import ingest
from warehouse.store import query

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```$", README, re.S | re.M)
# a ```sql block's statements end with ';' (none has one inside a string)
STATEMENTS = [s.strip() for lang, body in BLOCKS if lang == "sql" for s in body.split(";") if s.strip()]
# a `$ facts query ...` line and the output shown under it, up to the next `$` line
EXAMPLES = [(m[1], m[2]) for lang, body in BLOCKS if not lang
            for m in re.finditer(r"^\$ facts (query .*)\n((?:(?!\$ ).*\n)*)", body, re.M)]
EXPORT = re.search(r"^facts (export .*)$", README, re.M)[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def warehouse(prefect_engine, tmp_path_factory) -> Path:
    """The bundled seeds run through the pipeline, then the README's `facts export`, in the same folder."""
    folder = tmp_path_factory.mktemp("readme")
    db = folder / "facts.duckdb"
    ingest(seeds=str(ROOT / "seeds"), db=str(db))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)  # the README's paths (out/...) are relative
        result = runner.invoke(cli.app, [*shlex.split(EXPORT), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_the_readme_examples_are_found():
    assert len(STATEMENTS) >= 4 and len(EXAMPLES) >= 4  # a changed README layout must not test nothing
    assert any("read_parquet('out/" in command for command, _ in EXAMPLES)


@pytest.mark.parametrize("sql", STATEMENTS, ids=[s.splitlines()[0] for s in STATEMENTS])
def test_readme_sql_runs(warehouse, sql):
    columns, rows = query(warehouse, sql)
    assert columns


@pytest.mark.parametrize("command, output", EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_readme_facts_query_prints_what_the_readme_shows(warehouse, monkeypatch, command, output):
    monkeypatch.chdir(warehouse.parent)  # where the export wrote out/
    monkeypatch.setattr(cli, "console", Console(width=80, force_terminal=False))  # an 80-column terminal
    result = runner.invoke(cli.app, [*shlex.split(command), "--db", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert result.output == output


def test_readme_context_of_a_fact_near_the_start_of_a_document(prefect_engine, tmp_path):
    """A start below 1 makes DuckDB's substring count from the end: the context must be the text's start.

    The bundled seed's first amount is 1,095 characters in, so this document has one 5 characters in."""
    sql = next(s for s in STATEMENTS if "as context" in s)
    text = ("Over $5 million was raised by the cooperative, its chair said, to rebuild the old mill on the river "
            "bank and to train the apprentices who will run it. The work is planned to take the whole season, "
            "weather permitting, and the mill should grind again before the frost.\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "early.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "facts.duckdb"
    ingest(seeds=str(seeds), db=str(db))
    assert query(db, "select start_char from amounts")[1] == [(5,)]
    assert query(db, sql)[1] == [("early.txt", text[:140])]
