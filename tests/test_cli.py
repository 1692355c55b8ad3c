"""The `facts` command as users call it."""
import json
from decimal import Decimal
import os
import subprocess
import sys
from pathlib import Path
from datetime import datetime, timezone

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app, parse_interval
from schemas import Run
from warehouse.store import Warehouse

runner = CliRunner()
ROOT = Path(__file__).parents[1]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "facts.duckdb"
    Warehouse(path).create()
    with duckdb.connect(str(path)) as con:
        con.execute("insert into amounts (doc_id, start_char, end_char, text, value, value_max, currency, qualifier, "
                    "rule, run_id) values ('d1', 3, 15, '$200 million', 200000000, null, 'USD', 'over', "
                    "'<currency> <number> <scale>', 'r1')")
    return path


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "query", "serve", "eval"):
        assert command in result.output
    for command in ("run", "query", "serve"):
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and "--seeds" in sub.output and "--db" in sub.output


BIG = "12345678901234567890.123456"  # 26 digits: a float keeps 17


def test_query_formats(db):
    with duckdb.connect(str(db)) as con:
        con.execute("insert into amounts (doc_id, start_char, end_char, text, value, value_max, currency, qualifier, "
                    f"rule, run_id) values ('d1', 30, 40, 'big', {BIG}, null, 'EUR', 'exact', 'r', 'r1')")
    sql = "select text, value, currency from amounts order by start_char"
    as_json = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "json"])
    assert as_json.exit_code == 0
    lines = as_json.output.splitlines()
    assert [json.loads(line, parse_float=Decimal) for line in lines] == [
        {"text": "$200 million", "value": 200000000, "currency": "USD"},
        {"text": "big", "value": Decimal(BIG), "currency": "EUR"}]
    assert isinstance(json.loads(lines[0])["value"], int) and f'"value": {BIG},' in lines[1]
    as_csv = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "csv"])
    assert as_csv.output.splitlines() == ["text,value,currency", "$200 million,200000000,USD", f"big,{BIG},EUR"]
    as_table = runner.invoke(app, ["query", sql, "--db", str(db)])
    assert "$200 million" in as_table.output and BIG in as_table.output and "2 row(s)" in as_table.output


def test_query_json_keeps_types_inside_lists_and_structs(db):
    sql = "select [value, 1.5] as values, {'at': date '2025-07-03', 'n': 7} as info from amounts"
    result = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"values": [200000000, 1.5], "info": {"at": "2025-07-03", "n": 7}}


LONG_ROWS = ("select text, value, currency, repeat('the context of the fact ', 20) || chr(10) || 'next line' "
             "as context, rule from amounts, range(3)")


def test_query_table_fits_an_80_column_terminal(db):
    """Five columns, one of them long text with a line break: one line a row, cut with an ellipsis."""
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {"COLUMNS": "80"}
    result = subprocess.run([sys.executable, "-m", "flows.cli", "query", LONG_ROWS, "--db", str(db)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80
    rows = [line for line in lines if "$200 million" in line]
    assert len(rows) == 3 and len(lines) == 3 + 3 + 2  # header (3 lines), 3 rows, bottom border, "3 row(s)"
    assert all(row.count("│") == 6 and "│ 200000000 │ USD " in row and "│ the context of" in row
               and "…" in row for row in rows)
    assert lines[-1] == "3 row(s)"


def test_query_markdown_keeps_every_cell_in_full(db):
    sql = "select text, value, 'a|b' || chr(10) || repeat('x', 200) as note from amounts"
    result = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["| text | value | note |", "|---|---|---|",
                                          f"| $200 million | 200000000 | a\\|b<br>{'x' * 200} |"]


@pytest.mark.parametrize("sql, kind", [("drop table amounts", "DROP"), ("delete from amounts", "DELETE"),
                                       ("insert into runs select * from runs", "INSERT"),
                                       ("create table x (a int)", "CREATE"), ("update amounts set value = 0", "UPDATE"),
                                       ("alter table amounts add column x int", "ALTER")])
def test_query_refuses_writes_and_leaves_tables_intact(db, sql, kind):
    result = runner.invoke(app, ["query", sql, "--db", str(db)])
    assert result.exit_code == 1
    assert f"facts query only reads: {kind} statements are refused" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from amounts").fetchone() == (1,)


def test_query_without_a_database_says_so(tmp_path):
    result = runner.invoke(app, ["query", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "run `facts run` first" in result.output


def test_query_reports_sql_errors(db):
    result = runner.invoke(app, ["query", "select nope from amounts", "--db", str(db)])
    assert result.exit_code == 1 and "nope" in result.output


@pytest.mark.parametrize("text, seconds", [("20s", 20), ("10m", 600), ("1h", 3600), ("2d", 172800)])
def test_parse_interval(text, seconds):
    assert parse_interval(text).total_seconds() == seconds


@pytest.mark.parametrize("args, message", [
    ([], "exactly one of --interval or --cron"),
    (["--interval", "10m", "--cron", "* * * * *"], "exactly one"),
    (["--interval", "soon"], "positive number"),
])
def test_serve_rejects_bad_schedules(args, message):
    result = runner.invoke(app, ["serve", *args])
    assert result.exit_code != 0 and message in result.output


def test_run_on_a_missing_seeds_folder(tmp_path):
    result = runner.invoke(app, ["run", "--seeds", str(tmp_path / "nope"), "--db", str(tmp_path / "f.duckdb")])
    assert result.exit_code == 1 and "seeds folder not found" in result.output


SEED_FACTS = [
    ("date", "July 3", "XXXX-07-03"),
    ("date", "last year", "XXXX"),
    ("percentage", "40%", "40%"),
    ("date", "the first half of 2025", "2025-H1"),
    ("amount", "$200 million", "200000000 USD (over)"),
    ("amount", "$1 billion", "1000000000 USD"),
    ("date", "2030", "2030 (on_or_before)"),
    ("amount", "$500 million", "500000000 USD"),
    ("amount", "$360 million", "360000000 USD (over)"),
    ("date", "2022", "2022"),
]


def test_readme_commands_on_the_bundled_seeds(tmp_path):
    """`facts run` as a user starts it (its own process, Prefect's temporary server), then `facts query`."""
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect")}
    facts = [sys.executable, "-m", "flows.cli"]
    db = tmp_path / "facts.duckdb"
    run = subprocess.run([*facts, "run", "--db", str(db)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "new" in run.stdout and "amounts" in run.stdout
    query = subprocess.run([*facts, "query", "select type, text, value_text from facts order by start_char",
                            "--db", str(db), "--format", "csv"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert query.returncode == 0, query.stderr
    lines = query.stdout.splitlines()
    assert lines[0] == "type,text,value_text"
    assert [tuple(line.split(",", 2)) for line in lines[1:]] == SEED_FACTS


def test_export_parquet_per_table_and_facts_by_type(db, tmp_path):
    with duckdb.connect(str(db)) as con:
        con.execute("insert into documents (doc_id, path, sha256, fingerprint, published_source, n_chars, n_bytes, "
                    "status, extractor_version, ingested_at, run_id) "
                    "values ('d1', 'a.txt', 's', 'f', 'none', 20, 20, 'ok', 'v', now(), 'r1')")
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    for table in ("documents", "amounts", "percentages", "dates", "rejects", "runs"):
        assert (out / f"{table}.parquet").is_file()
    with duckdb.connect() as con:
        assert con.execute(f"select text, value, currency from '{out}/amounts.parquet'").fetchall() == [
            ("$200 million", Decimal("200000000"), "USD")]
        assert con.execute(f"select type, path, value_text from read_parquet('{out}/facts/*/*.parquet', "
                           f"hive_partitioning = true)").fetchall() == [("amount", "a.txt", "200000000 USD (over)")]
    again = runner.invoke(app, ["export", str(out), "--db", str(db)])  # a second export replaces the first
    assert again.exit_code == 0 and len(list((out / "facts").rglob("*.parquet"))) == 1


@pytest.mark.parametrize("compiled", [True, False])
def test_the_summary_says_when_the_extractors_are_not_compiled(tmp_path, monkeypatch, capsys, compiled):
    import extractors
    from flows import cli

    db = tmp_path / "facts.duckdb"
    Warehouse(db).create()
    monkeypatch.setattr(extractors, "COMPILED", compiled)
    run = Run(run_id="0123456789", started_at=datetime.now(timezone.utc), status="completed", seeds=str(tmp_path),
              extractor_version=extractors.EXTRACTOR_VERSION, seconds=1.0)
    cli._print_summary(run, db)
    assert ("not compiled by mypyc" in capsys.readouterr().out) is not compiled
