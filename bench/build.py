"""Benchmark: build a generated multi-locale help centre with helpcentre and with the anchor.

The anchor is Material for MkDocs + mkdocs-static-i18n 1.3, built in the same run on the same
corpus. Prints wall time, CPU time (all processes) and peak memory (medians over ``--runs``) and
their ratios, and the bytes of search index a reader of a French page downloads. CPU time is
the steadier figure on a busy machine: wall time halves only when both CPUs are free.

    python bench/build.py [--articles 150] [--locales 11] [--runs 3] [--baseline main]

With ``--baseline REV`` the same corpus is also built with helpcentre as it was at git revision
REV (its package put first on the import path), so a change's cost or saving is measured before
and after in one run. The corpus is a git repository, so page dates and translation status read
a real history.

Peak memory is sampled every 20 ms over the whole process tree of the build (helpcentre builds
locales in worker processes): the sum of resident set sizes (RSS) and of proportional set sizes
(PSS, which counts pages shared between processes once).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import baseline_package, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def helpcentre_config(locales: list[str]) -> str:
    items = "\n".join(f"        - locale: {code}" for code in locales)
    return f"""site_name: Bench Help Centre
site_url: https://help.example/
docs_dir: docs
theme:
  name: material
  font: false
markdown_extensions: [toc, attr_list, admonition]
plugins:
  - search
  - helpcentre/search
  - helpcentre/i18n:
      default_locale: {locales[0]}
      links_check: true
      locales:
{items}
"""


def anchor_config(locales: list[str]) -> str:
    items = "\n".join(
        f"        - locale: {code}\n          name: {code}\n          build: true"
        + ("\n          default: true" if index == 0 else "")
        for index, code in enumerate(locales)
    )
    return f"""site_name: Bench Help Centre
site_url: https://help.example/
docs_dir: docs
theme:
  name: material
  font: false
markdown_extensions: [toc, attr_list, admonition]
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
{items}
"""


def measure(project: Path, package: Path | None = None) -> tuple[float, int, int, float]:
    """Build once; return wall seconds, peak RSS and PSS (bytes) and CPU seconds of the tree.

    Args:
        project: The folder with ``mkdocs.yml``.
        package: A folder holding another ``helpcentre`` package to build with (the baseline).
    """
    shutil.rmtree(project / "site", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if package is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package), env.get("PYTHONPATH")]))
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    root = psutil.Process(process.pid)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        rss = pss = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                try:
                    info = proc.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
        except psutil.NoSuchProcess:
            break
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    _, stderr = process.communicate()
    if process.returncode:
        raise SystemExit(f"build failed in {project}:\n{stderr.decode()[-3000:]}")
    # The build waits for its workers, so their CPU time is in the build's children's usage.
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return elapsed, peak_rss, peak_pss, cpu


def commit_corpus(project: Path) -> None:
    """Make the corpus a git repository with one commit, as a help centre's repository is."""
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Bench",
        GIT_AUTHOR_EMAIL="bench@example.com",
        GIT_COMMITTER_NAME="Bench",
        GIT_COMMITTER_EMAIL="bench@example.com",
    )
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Corpus"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True, capture_output=True)


def french_index_bytes(site: Path, *, ours: bool) -> tuple[int, int]:
    """Bytes of search index a reader of a French page fetches (uncompressed): before the first
    query, and at most (every postings shard and text chunk of the locale)."""
    if ours:
        folder = site / "fr" / "search"
        first = sum(path.stat().st_size for path in folder.glob("*.json"))
        return first, sum(path.stat().st_size for path in folder.rglob("*.json"))
    size = (site / "search" / "search_index.json").stat().st_size
    return size, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--locales", type=int, default=11)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", metavar="REV", help="also build with helpcentre at REV")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="helpcentre-bench-") as tmp:
        projects = {}
        for name, make_config in (("helpcentre", helpcentre_config), ("anchor", anchor_config)):
            project = Path(tmp) / name
            codes = write_corpus(project, articles=args.articles, locales=args.locales)
            (project / "mkdocs.yml").write_text(make_config(codes), encoding="utf-8")
            commit_corpus(project)
            projects[name] = project
        packages: dict[str, Path | None] = {name: None for name in projects}
        if args.baseline:
            packages["baseline"] = baseline_package(args.baseline, Path(tmp) / "baseline-code")
            projects = {
                "helpcentre": projects["helpcentre"],
                "baseline": projects["helpcentre"],
                "anchor": projects["anchor"],
            }
        pages = sum(1 for _ in (projects["helpcentre"] / "docs").rglob("*.md"))
        print(
            f"corpus: {args.articles} articles x {args.locales} locales = {pages} pages; "
            f"{args.runs} runs each, alternating; {os.cpu_count()} CPUs"
        )

        results: dict[str, list[tuple[float, int, int, float]]] = {name: [] for name in projects}
        for _ in range(args.runs):
            for name, project in projects.items():
                results[name].append(measure(project, packages.get(name)))

        medians = {}
        for name, runs in results.items():
            medians[name] = tuple(statistics.median(run[i] for run in runs) for i in range(4))
            wall, rss, pss, cpu = medians[name]
            walls = ", ".join(f"{run[0]:.2f}" for run in runs)
            print(
                f"{name:>10}: wall {wall:6.2f} s   CPU {cpu:6.2f} s   "
                f"peak RSS {rss / 2**20:5.0f} MB   peak PSS {pss / 2**20:5.0f} MB   "
                f"(wall runs: {walls})"
            )
        ours, anchor = medians["helpcentre"], medians["anchor"]
        print(
            f"     ratio: wall {ours[0] / anchor[0]:.2f}x (target <= 0.5x)   "
            f"CPU {ours[3] / anchor[3]:.2f}x   peak RSS {ours[1] / anchor[1]:.2f}x   "
            f"peak PSS {ours[2] / anchor[2]:.2f}x (target <= 1.0x)"
        )
        if "baseline" in medians:
            base = medians["baseline"]
            print(
                f"  vs {args.baseline}: wall {ours[0] / base[0]:.2f}x"
                f"   CPU {ours[3] / base[3]:.2f}x"
                f"   peak RSS {ours[1] / base[1]:.2f}x   peak PSS {ours[2] / base[2]:.2f}x"
                " (this tree over the baseline, same corpus, same run)"
            )
        (first, whole) = french_index_bytes(projects["helpcentre"] / "site", ours=True)
        (anchor_bytes, _) = french_index_bytes(projects["anchor"] / "site", ours=False)
        print(
            f"search index fetched on a French page: helpcentre {first / 2**10:.0f} KB before"
            f" the first query ({first / anchor_bytes:.3f}x), {whole / 2**10:.0f} KB if every"
            f" shard and text chunk were fetched ({whole / anchor_bytes:.2f}x);"
            f" anchor {anchor_bytes / 2**10:.0f} KB"
        )


if __name__ == "__main__":
    main()
