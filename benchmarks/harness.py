"""The measuring kit: result rows, statistics, whole-process timing with peak memory, the table."""
from __future__ import annotations

import importlib.util
import os
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

SIZES = ("full", "tiny")
ROOT = Path(__file__).resolve().parent.parent


class NotAvailable(Exception):
    """The feature a benchmark measures has not landed yet (a module or function is missing)."""


@dataclass
class Row:
    """One line of the table: a figure, its baseline from the same run, and the target."""

    bench: str
    what: str
    measure: str
    value: float | None = None
    unit: str = ""
    baseline: float | None = None
    baseline_label: str = ""
    # Target: the figure compared is the ratio (value / baseline) or the value itself.
    target_on: str = "value"  # "value" or "ratio"
    target_max: float | None = None
    status: str = "ok"  # "ok", "not available: …", "error: …"
    note: str = ""
    details: dict[str, object] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Value / baseline, when both are measured."""
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when there is no target or no figure."""
        figure = self.ratio if self.target_on == "ratio" else self.value
        if self.target_max is None or figure is None or self.status != "ok":
            return None
        return figure <= self.target_max

    def target_text(self) -> str:
        """The target as people read it."""
        if self.target_max is None:
            return "—"
        if self.target_on == "ratio":
            return f"≤ {self.target_max:g}×"
        return f"≤ {self.target_max:g} {self.unit}".strip()

    def as_json(self) -> dict[str, object]:
        """The row with its derived fields, for the JSON file."""
        data = asdict(self)
        data.update(ratio=self.ratio, met=self.met, target=self.target_text())
        return data


def require(module: str, *names: str) -> object:
    """Import a feature module, or raise NotAvailable naming what is missing."""
    try:
        found = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        found = None
    if found is None:
        raise NotAvailable(f"{module} missing")
    mod = importlib.import_module(module)
    for name in names:
        if not hasattr(mod, name):
            raise NotAvailable(f"{module}.{name} missing")
    return mod


def has_module(module: str) -> bool:
    """Whether a module can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def median(values: Sequence[float]) -> float:
    """The median."""
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank), the figure users notice as 'sometimes slow'."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(0.95 * len(ordered) + 0.5)) - 1))
    return float(ordered[rank])


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, p95, min, max and count, rounded for the JSON file."""
    return {"median": round(median(values), 4), "p95": round(p95(values), 4), "min": round(min(values), 4),
            "max": round(max(values), 4), "n": len(values)}


@dataclass
class ProcessResult:
    """A finished child process: wall time, peak resident memory, exit code and output."""

    seconds: float
    peak_rss_mb: float | None
    returncode: int
    stdout: str
    stderr: str


def bench_env(home: Path | None = None) -> dict[str, str]:
    """The environment for child processes: offscreen Qt, user dirs in a temp folder, our package first."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # An installed Yuku runs from cached bytecode (pip compiles on install, the bundle ships .pyc, an
    # editable install writes __pycache__ on first start): a machine-wide PYTHONDONTWRITEBYTECODE
    # would instead charge every start ~120 ms of compiling Yuku's own modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if home is not None:
        env["YUKU_HOME"] = str(home)
    return env


def _vm_hwm_mb(pid: int) -> float | None:
    """The process's peak resident set so far (VmHWM), or None when /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def run_process(cmd: Sequence[str], env: dict[str, str] | None = None, timeout: float = 600) -> ProcessResult:
    """Run a command to completion; wall time and the child's own peak RSS.

    Peak RSS is VmHWM polled from /proc while the child runs. Not ru_maxrss from wait4: Linux carries
    the parent's high-water mark into a vfork+exec child, so every child would weigh at least as much
    as this (large) benchmark process.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=str(ROOT))
        peak: float | None = None
        deadline = start + timeout
        while True:
            hwm = _vm_hwm_mb(proc.pid)
            if hwm is not None:
                peak = max(peak or 0.0, hwm)
            if proc.poll() is not None:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                proc.wait()
                break
            time.sleep(0.003)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return ProcessResult(seconds, peak, int(proc.returncode), out.read().decode("utf-8", "replace"),
                             err.read().decode("utf-8", "replace"))


def check_ok(result: ProcessResult, what: str) -> ProcessResult:
    """Raise with the child's stderr tail when it failed: a failed run is no measurement."""
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{what} exited {result.returncode}: {' | '.join(tail)}")
    return result


def interleave(runs: int, *commands: Callable[[], float]) -> list[list[float]]:
    """Run each measurement `runs` times, alternating, so that load from other users hits all alike."""
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, fn in enumerate(commands):
            samples[i].append(fn())
    return samples


def machine_info() -> dict[str, object]:
    """The machine the figures come from: CPUs, CPU model, RAM, OS, Python, Qt and library versions."""
    info: dict[str, object] = {"nproc": os.cpu_count(), "platform": platform.platform(),
                               "python": platform.python_version()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["ram_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
        info["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        info["cpu"] = platform.processor()
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info["pyside6"] = PySide6.__version__
        info["qt"] = qVersion()
    except ImportError:
        pass
    for name in ("docx", "opencc", "jieba"):
        try:
            from importlib.metadata import version

            info[name] = version({"docx": "python-docx"}.get(name, name))
        except Exception:
            pass
    return info


def machine_line(machine: dict[str, object]) -> str:
    """The machine in one line, for the table's caption."""
    load = " ".join(machine.get("loadavg", []))  # type: ignore[arg-type]
    return (f"{machine.get('nproc')} CPUs ({machine.get('cpu')}), {machine.get('ram_gb')} GB RAM, "
            f"{machine.get('platform')}, Python {machine.get('python')}, PySide6 {machine.get('pyside6')} "
            f"(Qt {machine.get('qt')}), python-docx {machine.get('docx')}, OpenCC {machine.get('opencc')}; "
            f"load average at start {load}")


def size_text(n_bytes: int) -> str:
    """A file size as people say it (8 MB, 64 KB)."""
    return f"{n_bytes / 2**20:.3g} MB" if n_bytes >= 2**20 else f"{n_bytes / 1024:.3g} KB"


def fmt(value: float | None, unit: str = "") -> str:
    """A figure with 3 significant digits."""
    if value is None:
        return "—"
    text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def table(rows: Sequence[Row]) -> str:
    """The results as a Markdown table (what, measure, value, baseline, ratio, target, met?)."""
    lines = ["| what | measure | value | baseline (same run) | ratio | target | met? |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.status != "ok":
            lines.append(f"| {r.what} | {r.measure} | {r.status} | | | {r.target_text()} | — |")
            continue
        base = f"{fmt(r.baseline, r.unit)} {r.baseline_label}".strip() if r.baseline is not None else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        value = fmt(r.value, r.unit) + (f" ({r.note})" if r.note else "")
        lines.append(f"| {r.what} | {r.measure} | {value} | {base} | {ratio} | {r.target_text()} | {met} |")
    return "\n".join(lines)
