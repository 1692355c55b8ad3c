"""`facts query` reads and nothing else: no statement writes a file, the warehouse's or any other.

Each refused statement comes from an adversarial probe of `facts query` (on a read-only connection, COPY
wrote an authorized_keys file, EXPORT and ATTACH wrote databases, SET log_query_path wrote a log).
"""
import hashlib
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse import store
from warehouse.store import Warehouse

runner = CliRunner()


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a relative path would land here, where the snapshot sees it
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # DuckDB keeps extensions and secrets under ~/.duckdb
    path = tmp_path / "facts.duckdb"
    Warehouse(path).create()
    with duckdb.connect(str(path)) as con:
        con.execute("insert into amounts (doc_id, start_char, end_char, text, value, value_max, currency, qualifier, "
                    "rule, run_id) values ('d1', 3, 15, '$200 million', 200000000, null, 'USD', 'over', "
                    "'<currency> <number> <scale>', 'r1')")
    (tmp_path / ".ssh").mkdir()
    (tmp_path / "rows.csv").write_text("d2,1,2,$1,1,,USD,,rule,r1\n")
    return path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with the sha256 of each file's bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def facts_query(db: Path, sql: str, *options: str):
    return runner.invoke(app, ["query", sql, "--db", str(db), *options])


# id, SQL ({tmp} is the test's folder), the kind the message names, the file it would write (or None).
# COPY TO, EXPORT, ATTACH + CREATE, SET log_query_path and INSTALL are the probe's; the rest cover the other kinds.
WRITES = [
    ("copy-to-file", "copy (select * from amounts) to '{tmp}/amounts.csv'", "COPY", "amounts.csv"),
    ("copy-to-authorized-keys", "copy (select 'ssh-ed25519 AAAA attacker') to '{tmp}/.ssh/authorized_keys' "
                                "(header false, quote '')", "COPY", ".ssh/authorized_keys"),
    ("copy-from-file", "copy amounts from '{tmp}/rows.csv'", "COPY", None),
    ("copy-database", "copy from database facts to memory", "COPY", None),
    ("export-database", "export database '{tmp}/dump'", "EXPORT", "dump"),
    ("attach-then-create", "attach '{tmp}/new.duckdb' as x; create table x.t (a int)", "ATTACH", "new.duckdb"),
    ("set-log-query-path", "set log_query_path = '{tmp}/queries.log'; select 1", "SET", "queries.log"),
    ("set-external-access", "set enable_external_access = true", "SET", None),
    ("pragma-profile-output", "pragma enable_profiling = 'json'; pragma profile_output = '{tmp}/profile.json'; "
                              "select 1", "PRAGMA", "profile.json"),
    ("install", "install httpfs from '{tmp}/repository'", "INSTALL", "home/.duckdb"),
    ("load", "load '{tmp}/evil.duckdb_extension'", "LOAD", None),
    ("call", "call checkpoint()", "CALL", None),
    ("checkpoint", "checkpoint", "CHECKPOINT", None),
    ("create-secret", "create persistent secret s (type s3, key_id 'k', secret 's')", "CREATE", "home/.duckdb"),
    ("read-then-copy", "select 1; copy (select 1) to '{tmp}/second.csv'", "COPY", "second.csv"),
    ("comment-then-copy", "/* a report */ -- as CSV\ncopy (select 1) to '{tmp}/commented.csv'", "COPY", "commented.csv"),
    ("explain-analyze-copy", "explain analyze copy (select 1) to '{tmp}/explained.csv'", "COPY", "explained.csv"),
    ("pivot-several-statements", "copy (pivot amounts on currency using count(*)) to '{tmp}/pivot.csv'",
     "a PIVOT without an IN list", "pivot.csv"),
    ("use", "use memory", "USE", None),
    ("begin", "begin transaction", "BEGIN", None),
    ("vacuum", "vacuum", "VACUUM", None),
]


@pytest.mark.parametrize("options", [(), ("--allow-files",)], ids=["default", "allow-files"])
@pytest.mark.parametrize("sql, kind, target", [case[1:] for case in WRITES], ids=[case[0] for case in WRITES])
def test_query_refuses_every_statement_that_is_not_a_read(db, tmp_path, sql, kind, target, options):
    before = snapshot(tmp_path)
    result = facts_query(db, sql.format(tmp=tmp_path), *options)
    assert result.exit_code == 1, result.output
    assert result.output.strip().count("\n") == 0, result.output  # one line
    assert result.output.startswith("error: facts query only reads: ")
    assert f" {kind} " in result.output and "refused" in result.output
    if target:
        assert not (tmp_path / target).exists()
    assert snapshot(tmp_path) == before  # the warehouse's bytes included


# id, SQL reading the file {outside} (a CSV beside the warehouse), text found in its rows
FILE_READS = [
    ("read_csv", "select * from read_csv('{outside}')", "secret-value"),
    ("read_text", "select content from read_text('{outside}')", "secret-value"),
    ("read_parquet", "select * from read_parquet('{parquet}')", "secret-value"),
    ("glob", "select * from glob('{folder}/*.csv')", "outside.csv"),
    ("replacement-scan", "select * from '{outside}'", "secret-value"),
]


@pytest.mark.parametrize("sql, found", [case[1:] for case in FILE_READS], ids=[case[0] for case in FILE_READS])
def test_files_outside_the_warehouse_are_read_only_with_allow_files(db, tmp_path, sql, found):
    outside = tmp_path / "outside" / "outside.csv"
    outside.parent.mkdir()
    outside.write_text("name,value\nkey,secret-value\n")
    parquet = outside.with_suffix(".parquet")
    with duckdb.connect() as con:
        con.execute(f"copy (from read_csv('{outside}')) to '{parquet}'")
    sql = sql.format(outside=outside, parquet=parquet, folder=outside.parent)
    before = snapshot(tmp_path)
    refused = facts_query(db, sql, "--format", "csv")
    assert refused.exit_code == 1 and found not in refused.output
    assert refused.output.strip().count("\n") == 0 and "--allow-files" in refused.output, refused.output
    allowed = facts_query(db, sql, "--format", "csv", "--allow-files")
    assert allowed.exit_code == 0 and found in allowed.output, allowed.output
    assert snapshot(tmp_path) == before


READS = [
    ("select", "select text, value from amounts"),
    ("from-first", "from amounts select text"),
    ("with", "with a as (select * from amounts) select count(*) from a"),
    ("values", "values (1, 'a'), (2, 'b')"),
    ("union", "select 1 union all select 2"),
    ("describe", "describe amounts"),
    ("show-tables", "show tables"),
    ("summarize", "summarize amounts"),
    ("pivot-in", "pivot amounts on currency in ('USD') using count(*)"),
    ("explain", "explain select * from amounts"),
    ("explain-analyze", "explain analyze select * from amounts"),
    ("explain-options", "explain (format json) select * from amounts"),
    ("several-reads", "select 1; select text from amounts"),
    ("comment-first", "/* amounts */ -- as found\nselect text from amounts"),
]


@pytest.mark.parametrize("sql", [case[1] for case in READS], ids=[case[0] for case in READS])
def test_reads_pass_the_allow_list_and_run(db, tmp_path, sql):
    with duckdb.connect() as con:
        assert store.refusal(con, sql) is None
    before = snapshot(tmp_path)
    result = facts_query(db, sql)
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path) == before
