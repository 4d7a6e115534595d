"""Cost of page dates in a build: Material plain, + git-revision-date-localized, + helpcentre/stale.

Generates a git repository of help articles with ``git fast-import`` (default 2,000 articles and
5,000 commits, with renames and ``[format]`` commits), then builds it with the three
configurations, interleaved, several times, and prints the medians and each one's overhead over
the plain build measured in the same run. The anchor (git-revision-date-localized with creation
dates) asks git twice per page; helpcentre reads the history in one ``git log`` pass.

    python bench/history.py                      # full size
    python bench/history.py --articles 200 --commits 500 --repeat 3
    python bench/history.py --baseline main   # also helpcentre as it was at main: before/after
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import baseline_package  # noqa: E402

CATEGORIES = ("getting-started", "billing", "orders", "shipping", "returns", "account")
TYPES = ("faq", "guide", "troubleshooting")
WORDS = (
    "order parcel delivery refund return account payment card invoice carrier tracking address "
    "warehouse customer service label exchange basket discount voucher password email phone "
    "message confirmation status week working days country duties price shipping"
).split()

BASE_CONFIG = """\
site_name: Bench help centre
docs_dir: docs
site_dir: {site_dir}
theme:
  name: material
markdown_extensions:
  - attr_list
  - toc
  - admonition
plugins:
  - search
{plugins}"""

CONFIGS = {
    "material": "",
    "git-revision-date": (
        "  - git-revision-date-localized:\n      enable_creation_date: true\n      type: date\n"
    ),
    "helpcentre-stale": "  - helpcentre/stale:\n      today: 2026-11-23\n",
}


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_text(rng: random.Random, slug: str, category: str, slugs: list[str], rev: int) -> str:
    kind = rng.choice(TYPES)
    reviewed = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
    every = rng.choice(("90d", "6m", "1y"))
    lines = [
        "---",
        f"title: {slug.replace('-', ' ').capitalize()}",
        f"description: {sentence(rng, 8)}",
        f"category: {category}",
        "section: general",
        f"type: {kind}",
        "tags: [bench]",
        f"owner: {category}-team",
        f"reviewed: {reviewed}",
        f"review_every: {every}",
        f"order: {rng.randint(1, 9) * 10}",
        "---",
        "",
        f"{sentence(rng)} {sentence(rng)} (revision {rev})",
        "",
    ]
    for number in range(3):
        lines += [f"## {sentence(rng, 4)[:-1]}? {{#q{number}}}", ""]
        lines += [" ".join(sentence(rng) for _ in range(4)), ""]
    target = rng.choice(slugs)
    lines += [f"See also [a related article](../{target}.md#q1).", ""]
    return "\n".join(lines)


def generate(root: Path, articles: int, commits: int, seed: int = 7) -> None:
    """Create a repository of ``articles`` pages with ``commits`` commits via git fast-import."""
    rng = random.Random(seed)
    paths = [f"{CATEGORIES[i % len(CATEGORIES)]}/article-{i:05d}" for i in range(articles)]
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    stream: list[bytes] = []
    timestamp = 1_600_000_000
    mark = 0
    created = 0
    # The first commits create the articles in batches; the rest edit, reformat and rename.
    creation_commits = max(1, min(commits // 5, articles))
    per_batch = -(-articles // creation_commits)
    live = list(paths)
    revision = 0
    for number in range(commits):
        mark += 1
        timestamp += rng.randint(600, 20_000)
        operations: list[str] = []
        message = f"Edit articles ({number})"
        if created < articles:
            batch = paths[created : created + per_batch]
            created += len(batch)
            message = f"Add {len(batch)} articles"
            for path in batch:
                revision += 1
                operations.append(
                    _modify(path, article_text(rng, path, path.split("/")[0], paths, revision))
                )
        else:
            choice = rng.random()
            if choice < 0.03:
                index = rng.randrange(len(live))
                old = live[index]
                new = f"{old}-moved"
                live[index] = new
                message = f"Move {old}"
                operations.append(f"R docs/{old}.md docs/{new}.md")
            else:
                if choice < 0.15:
                    message = f"Reflow paragraphs [format] ({number})"
                for path in rng.sample(live, k=rng.randint(1, 3)):
                    revision += 1
                    operations.append(
                        _modify(path, article_text(rng, path, path.split("/")[0], paths, revision))
                    )
        header = (
            f"commit refs/heads/main\nmark :{mark}\n"
            f"author Writer <writer@example.com> {timestamp} +0000\n"
            f"committer Writer <writer@example.com> {timestamp} +0000\n"
        )
        data = message.encode()
        stream.append(header.encode() + f"data {len(data)}\n".encode() + data + b"\n")
        stream.append("\n".join(operations).encode() + b"\n\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)


def _modify(path: str, text: str) -> str:
    data = text.encode()
    return f"M 100644 inline docs/{path}.md\ndata {len(data)}\n{text}"


def build(root: Path, name: str, package: Path | None = None) -> tuple[float, float]:
    """Build with configuration ``name``; wall and CPU seconds (the build and its workers).

    ``package`` is another ``helpcentre`` package to build with (a baseline revision).
    """
    plugins = CONFIGS["helpcentre-stale" if package is not None else name]
    config = root / f"mkdocs-{name}.yml"
    config.write_text(
        BASE_CONFIG.format(site_dir=f"site-{name}", plugins=plugins), encoding="utf-8"
    )
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if package is not None:
        env["PYTHONPATH"] = str(package)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{name} build failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    parser.add_argument(
        "--baseline", metavar="REV", help="also build with helpcentre as it was at git revision REV"
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="helpcentre-bench-history-"))
    try:
        repo = workdir / "repo"
        started = time.perf_counter()
        generate(repo, args.articles, args.commits)
        print(
            f"generated {args.articles} articles, {args.commits} commits "
            f"in {time.perf_counter() - started:.1f} s ({repo})"
        )
        from helpcentre.history import read_history

        passes = []
        for _ in range(3):
            started = time.perf_counter()
            history = read_history(repo, under="docs", ignore_marker="[format]")
            passes.append(time.perf_counter() - started)
        print(f"one git log pass: {statistics.median(passes):.2f} s, {len(history.paths)} paths")
        packages: dict[str, Path | None] = {name: None for name in CONFIGS}
        if args.baseline:
            packages[f"helpcentre@{args.baseline}"] = baseline_package(
                args.baseline, workdir / "baseline-code"
            )
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in packages}
        for round_number in range(args.repeat):
            for name, package in packages.items():
                times[name].append(build(repo, name, package))
            print(
                f"round {round_number + 1}: "
                + ", ".join(f"{name} {times[name][-1][0]:.1f} s" for name in packages),
                flush=True,
            )
        plain = [statistics.median(run[i] for run in times["material"]) for i in (0, 1)]
        print(f"\n{'build':<26}{'wall':>9}{'overhead':>10}{'CPU':>9}{'overhead':>10}")
        for name in packages:
            wall, cpu = (statistics.median(run[i] for run in times[name]) for i in (0, 1))
            print(
                f"{name:<26}{wall:>8.2f}s{100 * (wall / plain[0] - 1):>+9.1f}%"
                f"{cpu:>8.2f}s{100 * (cpu / plain[1] - 1):>+9.1f}%"
            )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
