"""Measure the guide's performance budget: build time, page weight, Lighthouse scores.

Usage:
    .venv/bin/python scripts/benchmark.py                  # everything, about 3-5 minutes
    .venv/bin/python scripts/benchmark.py --no-lighthouse  # without Lighthouse (no npm needed), about 1-2 minutes
    .venv/bin/python scripts/benchmark.py --repeat 5 --lighthouse-runs 5   # steadier figures, slower

It prints a Markdown report (docs/performance.md holds the latest one). Nothing in
the project changes: every build goes to a temporary folder, and the build
variants are temporary copies of mkdocs.yml next to symlinks to the project's files.
This is a script, not a test: timings depend on the machine and are never asserted.

1. Build time. `mkdocs build --strict` with the real mkdocs.yml, and with a copy
   without hooks/question_coverage.py, alternated `--repeat` times; the best run
   of each is compared. That hook also switches mkdocs-quiz on for pages with
   quizzes, so the copy sets mkdocs-quiz's `enabled_by_default: true` instead:
   both builds then render every quiz and the difference is the hook's own
   checking and reporting. CPU time is reported next to wall time because it is
   far less disturbed by other work on the machine. The hook's time is also
   measured directly: one more strict build, in-process, with the hook's event
   functions wrapped in timers. (If the copy does not build, only this direct
   measurement is reported.)
2. Page weight. The site is served from 127.0.0.1 the way a static host such as
   GitHub Pages serves it (text gzipped, `Cache-Control: max-age=600`) and loaded
   in headless Debian chromium through Playwright: a first topic page with an
   empty cache, then a second topic page with the cache warm. The browser's
   responses (Playwright) are matched with the server's log: what the server did
   not send came from the cache and is left out; bytes are what it sent,
   headers included.
3. Before and after the quiz-asset change: the same two page loads on a build
   whose temporary config lacks hooks/quiz_assets.py.
4. Lighthouse 12.2.3, mobile (its default: an emulated phone, simulated slow 4G,
   4x CPU slowdown), on the home page and a topic page of the served site,
   `--lighthouse-runs` times each (the run with the median performance score is
   shown), if npm can install it into a temporary folder. The browser is Debian's
   chromium (CHROME_PATH); none is downloaded. Lighthouse runs stop being started
   once the script has run for TIME_BUDGET seconds.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from chromium import chromium_path, launch

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAGE = "ml-fundamentals/classification-metrics.html"
SECOND_PAGE = "ml-fundamentals/regression-ranking-metrics.html"
HOME_PAGE = "index.html"
COVERAGE_HOOK = "hooks/question_coverage.py"
QUIZ_ASSETS_HOOK = "hooks/quiz_assets.py"
LIGHTHOUSE = "lighthouse@12.2.3"
CACHE_CONTROL = "max-age=600"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}
TIME_BUDGET = 210  # seconds after which no further Lighthouse run is started
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Run in a fresh Python process: one strict build whose hook functions are timed.
TIMED_BUILD = """
import functools, json, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, site_dir, hook = sys.argv[1:4]
config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
spent = {}

def timed(function, event):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            total = spent.setdefault(event, [0.0, 0.0])
            total[0] += time.perf_counter() - wall
            total[1] += time.process_time() - cpu
    return wrapper

for event, methods in config.plugins.events.items():
    for index, method in enumerate(methods):
        if getattr(method, "__module__", None) == hook:
            methods[index] = timed(method, event)
            config.plugins._event_origins[methods[index]] = hook
config.plugins.on_startup(command="build", dirty=False)
wall, cpu = time.perf_counter(), time.process_time()
try:
    build(config)
finally:
    config.plugins.on_shutdown()
result = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "hook": spent}
print("@@TIMED@@" + json.dumps(result))
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


# ---------------------------------------------------------------- builds


def variant_config(work: Path, name: str, drop_hook: str, enable_quizzes: bool = False) -> Path:
    """A project folder whose mkdocs.yml is the real one minus one hook; everything else is a symlink."""
    folder = work / name
    folder.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in {"mkdocs.yml", "site", ".git"}:
            (folder / entry.name).symlink_to(entry)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, dropped = re.subn(rf"^[ \t]*-[ \t]*{re.escape(drop_hook)}[ \t]*(#.*)?\n", "", text, flags=re.MULTILINE)
    if dropped != 1:
        sys.exit(f"mkdocs.yml: expected `- {drop_hook}` once under hooks, found it {dropped} times")
    if enable_quizzes:
        text, enabled = re.subn(r"^([ \t]*enabled_by_default:[ \t]*)false\b", r"\1true", text, flags=re.MULTILINE)
        if enabled != 1:
            sys.exit("mkdocs.yml: expected `enabled_by_default: false` once under mkdocs_quiz")
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


def build(config_file: Path, site_dir: Path) -> tuple[bool, float, float, str]:
    """`mkdocs build --strict` in a subprocess: (succeeded, wall seconds, CPU seconds, output)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=config_file.parent, timeout=300)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result.returncode == 0, wall, cpu, result.stdout + result.stderr


def build_or_exit(config_file: Path, site_dir: Path, what: str) -> None:
    ok, _, _, output = build(config_file, site_dir)
    if not ok:
        sys.exit(f"{what} does not build:\n{output}")


def timed_hook_build(config_file: Path, site_dir: Path, hook: str) -> dict:
    command = [sys.executable, "-c", TIMED_BUILD, str(config_file), str(site_dir), hook]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=config_file.parent, timeout=300)
    marker = [line for line in result.stdout.splitlines() if line.startswith("@@TIMED@@")]
    if result.returncode != 0 or not marker:
        sys.exit(f"the timed build failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(marker[-1].removeprefix("@@TIMED@@"))


def build_time_lines(work: Path, repeat: int) -> list[str]:
    lines = ["## Build time (`mkdocs build --strict`)", ""]
    without = variant_config(work, "no-coverage-hook", COVERAGE_HOOK, enable_quizzes=True)
    runs: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    without_error = ""
    for number in range(1, repeat + 1):
        log(f"timing builds, round {number} of {repeat} ...")
        ok, wall, cpu, output = build(ROOT / "mkdocs.yml", work / "timing-with")
        if not ok:
            sys.exit(f"the real site does not build:\n{output}")
        runs["with"].append((wall, cpu))
        if not without_error:
            ok, wall, cpu, output = build(without, work / "timing-without")
            if ok:
                runs["without"].append((wall, cpu))
            else:
                without_error = output.strip().splitlines()[-1] if output.strip() else "it failed"

    def best(samples: list[tuple[float, float]]) -> tuple[float, float]:
        return min(wall for wall, _ in samples), min(cpu for _, cpu in samples)

    with_wall, with_cpu = best(runs["with"])
    median = statistics.median(wall for wall, _ in runs["with"])
    lines.append(
        f"- full strict build, real mkdocs.yml: **{with_wall:.2f} s** wall (best of {repeat}; median {median:.2f} s), {with_cpu:.2f} s CPU"
    )
    if runs["without"]:
        without_wall, without_cpu = best(runs["without"])
        lines.append(
            f"- the same without `{COVERAGE_HOOK}` (and mkdocs-quiz on for every page): {without_wall:.2f} s wall, {without_cpu:.2f} s CPU"
        )
        lines.append(
            f"- hook overhead ratio (with / without): **{with_cpu / without_cpu:.2f}x** in CPU time "
            f"({with_cpu - without_cpu:+.2f} s), {with_wall / without_wall:.2f}x in wall time ({with_wall - without_wall:+.2f} s)"
        )
    else:
        lines.append(f"- the copy without `{COVERAGE_HOOK}` does not build ({without_error}); see the direct measurement below")

    log("timing the coverage hook's own functions ...")
    timed = timed_hook_build(ROOT / "mkdocs.yml", work / "timing-hook", COVERAGE_HOOK)
    hook_wall = sum(wall for wall, _ in timed["hook"].values())
    hook_cpu = sum(cpu for _, cpu in timed["hook"].values())
    events = ", ".join(f"on_{event} {cpu:.2f} s" for event, (_, cpu) in sorted(timed["hook"].items(), key=lambda item: -item[1][1]))
    lines.append(
        f"- the hook's own time, its event functions wrapped in timers during one in-process build: "
        f"**{hook_cpu:.2f} s of {timed['cpu']:.2f} s CPU = {hook_cpu / timed['cpu']:.1%}** "
        f"({hook_wall:.2f} s of {timed['wall']:.2f} s wall; {events})"
    )
    return lines


# ---------------------------------------------------------------- page weight


class CachingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site like a static host that lets browsers cache for 10 minutes, and logs what it sends."""

    served: list[tuple[str, int]]  # (path?query, bytes sent with headers), set per server

    def setup(self) -> None:
        super().setup()
        self.wfile = CountingWriter(self.wfile)

    def handle_one_request(self) -> None:
        self.wfile.count = 0
        self.path = ""
        super().handle_one_request()
        if self.path:
            self.served.append((unquote(self.path), self.wfile.count))

    def send_head(self):
        """Send text files gzipped when the browser accepts it, as static hosts do."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class CountingWriter:
    def __init__(self, stream) -> None:
        self.stream = stream
        self.count = 0

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Serve the site on 127.0.0.1; yield its root URL and the live log of what it sent."""
    served: list[tuple[str, int]] = []
    handler = type("Handler", (CachingHandler,), {"served": served})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served
    finally:
        server.shutdown()
        server.server_close()


KINDS = {
    "HTML": {".html"},
    "CSS": {".css"},
    "JS": {".js", ".mjs"},
    "fonts": {".woff", ".woff2", ".ttf", ".otf", ".eot"},
    "images": {".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"},
}


def kind_of(path: str) -> str:
    suffix = Path(urlsplit(path).path).suffix.lower() or ".html"
    return next((kind for kind, suffixes in KINDS.items() if suffix in suffixes), "other")


def file_size(site: Path, path: str) -> int:
    """The size of the built file behind a URL path (0 if there is none)."""
    relative = urlsplit(path).path.lstrip("/")
    file = site / (relative + "index.html" if relative.endswith("/") or not relative else relative)
    return file.stat().st_size if file.is_file() else 0


def load(page, url: str, site: Path, served: list[tuple[str, int]]) -> dict:
    """Load a page; return what came over the network, by kind, and how many responses came from the cache.

    The browser's responses (recorded with Playwright, workers' included) are
    matched with the server's log: a response the server did not send during
    this load came from the browser's cache. Bytes are what the server sent,
    headers included; `raw` is the size of the files, uncompressed.
    """
    responses: list[str] = []

    def record(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https"):
            responses.append(unquote(parts.path + (f"?{parts.query}" if parts.query else "")))

    served.clear()
    page.context.on("requestfinished", record)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    page.context.remove_listener("requestfinished", record)
    downloads = list(served)

    totals: dict[str, dict[str, int]] = {}
    for path, sent in downloads:
        row = totals.setdefault(kind_of(path), {"requests": 0, "bytes": 0, "raw": 0})
        row["requests"] += 1
        row["bytes"] += sent
        row["raw"] += file_size(site, path)
    total = {key: sum(row[key] for row in totals.values()) for key in ("requests", "bytes", "raw")}
    downloaded = {path for path, _ in downloads}
    cached = len({path for path in responses if path not in downloaded})
    largest = max(downloads, key=lambda item: item[1]) if downloads else ("", 0)
    return {"kinds": totals, "total": total, "cached": cached, "largest": largest}


def measure_page_weight(sites: dict[str, Path]) -> tuple[dict, str]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        version = browser.version
        for label, site in sites.items():
            with serve(site) as (root, served):
                context = browser.new_context()  # an empty cache
                page = context.new_page()
                results[label] = {
                    "first": load(page, root + FIRST_PAGE, site, served),
                    "second": load(page, root + SECOND_PAGE, site, served),
                }
                context.close()
        browser.close()
    return results, version


def page_weight_lines(results: dict) -> list[str]:
    lines = ["## Bytes downloaded by a reader", ""]
    lines.append("Bytes on the wire (gzip, headers included), with the uncompressed size of the files in brackets.")
    lines.append("")
    empty = {"requests": 0, "bytes": 0, "raw": 0}
    after = results["after"]
    for key, title in (("first", f"First load of {FIRST_PAGE} (empty cache)"), ("second", f"Then {SECOND_PAGE} (cache warm)")):
        result = after[key]
        total, (largest, largest_size) = result["total"], result["largest"]
        lines.append(
            f"{title}: {total['requests']} download{'s' if total['requests'] != 1 else ''}, {kb(total['bytes'])} ({kb(total['raw'])}); "
            f"{result['cached']} responses from the cache; largest download {largest} ({kb(largest_size)})"
        )
        lines.append("")
        lines.append("| kind | downloads | bytes on the wire | uncompressed |")
        lines.append("| --- | ---: | ---: | ---: |")
        for kind in ("HTML", "CSS", "JS", "fonts", "images", "other"):
            row = result["kinds"].get(kind, empty)
            lines.append(f"| {kind} | {row['requests']} | {kb(row['bytes'])} | {kb(row['raw'])} |")
        lines.append(f"| total | {total['requests']} | {kb(total['bytes'])} | {kb(total['raw'])} |")
        lines.append("")
    lines += ["## Before and after the quiz-asset change (hooks/quiz_assets.py)", ""]
    lines.append("| page load | before | after | change |")
    lines.append("| --- | ---: | ---: | ---: |")
    rows = [
        ("first topic page, empty cache: all downloads", "first", None),
        ("first topic page: its HTML", "first", "HTML"),
        ("second topic page, cache warm: all downloads", "second", None),
        ("second topic page: its HTML", "second", "HTML"),
    ]
    for title, key, kind in rows:
        old = results["before"][key]["kinds"].get(kind, empty) if kind else results["before"][key]["total"]
        new = after[key]["kinds"].get(kind, empty) if kind else after[key]["total"]
        lines.append(
            f"| {title} | {kb(old['bytes'])} ({kb(old['raw'])}) | {kb(new['bytes'])} ({kb(new['raw'])}) "
            f"| {(new['bytes'] - old['bytes']) / old['bytes']:+.1%} ({(new['raw'] - old['raw']) / old['raw']:+.1%}) |"
        )
    return lines


# ---------------------------------------------------------------- Lighthouse


def lighthouse_lines(site: Path, work: Path, runs: int, deadline: float) -> list[str]:
    lines = [f"## Lighthouse ({LIGHTHOUSE}, mobile)", ""]
    if not shutil.which("npm") or not shutil.which("node"):
        return lines + ["- skipped: node and npm are not installed"]
    tool = work / "lighthouse"
    tool.mkdir()
    env = {**os.environ, "CHROME_PATH": chromium_path(), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    log(f"installing {LIGHTHOUSE} into a temporary folder ...")
    try:
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", LIGHTHOUSE],
            cwd=tool,
            env=env,
            capture_output=True,
            text=True,
            timeout=150,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as error:
        detail = (getattr(error, "stderr", None) or str(error)).strip()
        return lines + [f"- skipped: `npm install {LIGHTHOUSE}` failed: {detail.splitlines()[-1] if detail else error}"]
    binary = tool / "node_modules" / ".bin" / "lighthouse"
    results: dict[str, list[dict]] = {HOME_PAGE: [], FIRST_PAGE: []}
    failures: list[str] = []
    with serve(site) as (root, _):
        for number in range(runs):
            for path, done in results.items():
                if time.perf_counter() > deadline:
                    break
                log(f"Lighthouse run {number + 1} of {runs}: {path} ...")
                report = work / "lighthouse.json"
                command = [
                    str(binary),
                    root + path,
                    "--output=json",
                    f"--output-path={report}",
                    "--quiet",
                    "--only-categories=performance,accessibility,best-practices",
                    "--chrome-flags=--headless --no-sandbox",
                ]
                try:
                    subprocess.run(command, cwd=tool, env=env, capture_output=True, text=True, timeout=150, check=True)
                    done.append(json.loads(report.read_text(encoding="utf-8")))
                except (subprocess.SubprocessError, OSError, ValueError) as error:
                    failures.append(f"{path}: {str(error).splitlines()[0]}")

    lines.append("| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | page weight |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path, reports in results.items():
        if not reports:
            lines.append(f"| {path} | no run | | | | | | | |")
            continue
        scores = [round(report["categories"]["performance"]["score"] * 100) for report in reports]
        median = sorted(zip(scores, range(len(reports))))[(len(reports) - 1) // 2][1]
        data = reports[median]
        score = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
        audit = data["audits"]
        runs_note = f" (runs: {', '.join(map(str, scores))})" if len(reports) > 1 else ""
        lines.append(
            f"| {path} | **{score['performance']}**{runs_note} | **{score['accessibility']}** | **{score['best-practices']}** "
            f"| {audit['first-contentful-paint']['displayValue']} | {audit['largest-contentful-paint']['displayValue']} "
            f"| {audit['total-blocking-time']['displayValue']} | {audit['cumulative-layout-shift']['displayValue']} "
            f"| {kb(audit['total-byte-weight']['numericValue'])} |"
        )
    lines.append("")
    lines.append("Each row is the run with the median performance score of the runs listed (the time limit may stop runs early).")
    lines += [f"- failed: {failure}" for failure in failures]
    return lines


# ---------------------------------------------------------------- main


def machine_lines(date: str, chromium: str, load: float) -> list[str]:
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return [
        "# Performance benchmark",
        "",
        f"- date: {date}",
        (
            f"- machine: {nproc} CPUs (`nproc`), {platform.machine()}, Python {platform.python_version()}, "
            f"Chromium {chromium}; load average {load:.2f} when the benchmark started"
        ),
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="timing builds per variant (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    args = parser.parse_args()
    started = time.perf_counter()
    load = os.getloadavg()[0]
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()

    with tempfile.TemporaryDirectory(prefix="guide-benchmark-") as temporary:
        work = Path(temporary)
        log("building the site with and without hooks/quiz_assets.py ...")
        build_or_exit(ROOT / "mkdocs.yml", work / "site-after", "the real site")
        build_or_exit(variant_config(work, "before", QUIZ_ASSETS_HOOK), work / "site-before", f"the site without {QUIZ_ASSETS_HOOK}")
        build_lines = build_time_lines(work, max(1, args.repeat))
        log("loading pages in chromium ...")
        weights, chromium = measure_page_weight({"before": work / "site-before", "after": work / "site-after"})
        report = machine_lines(date, chromium, load) + build_lines + [""] + page_weight_lines(weights) + [""]
        if args.no_lighthouse:
            report += [f"## Lighthouse ({LIGHTHOUSE}, mobile)", "", "- skipped (--no-lighthouse)"]
        else:
            report += lighthouse_lines(work / "site-after", work, max(1, args.lighthouse_runs), started + TIME_BUDGET)
    report += ["", f"The benchmark took {time.perf_counter() - started:.0f} s."]
    print("\n".join(report))


if __name__ == "__main__":
    main()
