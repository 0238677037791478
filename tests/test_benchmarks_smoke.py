"""Every benchmark runs once at tiny size, so the harness cannot rot (no timing assertions here)."""
from __future__ import annotations

import json
import math

import pytest

from benchmarks.__main__ import main
from benchmarks.harness import Row, table
from benchmarks.registry import BENCHMARKS, run_benchmark

ROW_KEYS = {"bench", "what", "measure", "value", "unit", "baseline", "baseline_label", "ratio", "target", "met",
            "status", "details"}


@pytest.mark.parametrize("name", list(BENCHMARKS))
def test_benchmark_runs_at_tiny_size(name):
    rows = run_benchmark(name, "tiny")
    assert rows, name
    for row in rows:
        assert isinstance(row, Row)
        assert set(row.as_json()) >= ROW_KEYS, row
        if row.status.startswith("not available: "):
            continue  # the feature has not landed yet; the benchmark says so instead of faking a number
        assert row.status == "ok", row.status
        for figure in (row.value, row.baseline):
            assert figure is not None, row
            assert math.isfinite(figure), row
            assert figure > 0, row
        assert row.target_text()  # "—" for figures the issue sets no target for
    assert name in table(rows) or rows[0].what in table(rows)


def test_cli_writes_json_and_prints_table(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--tiny", "--only", "mining", "--json", str(out)]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["size"] == "tiny"
    assert set(payload["machine"]) >= {"nproc", "python"}
    assert payload["rows"][0]["bench"] == "mining"
    assert "| what | measure |" in capsys.readouterr().out


def test_unknown_benchmark_is_a_usage_error():
    with pytest.raises(SystemExit):
        main(["--only", "nonesuch"])
