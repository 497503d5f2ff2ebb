"""The `zhnews` command: thin wrappers over importable functions.

Every user mistake (a missing file, a binary input, a bad date) becomes one
line on stderr naming the input and the reason, exit code 2, and the other
inputs of the same run are still processed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from . import __version__
from .errors import InputError, ZhnewsError

from .console import EXIT_FAILED, EXIT_INPUT, EXIT_OK, _err, render_text  # noqa: F401  (re-exported)


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="page text / HTML / PDF → articles and facts (JSON)")
    p.add_argument("inputs", nargs="+", help="files, folders, globs, or - for stdin")
    p.add_argument("--format", choices=("json", "jsonl", "text"), default=None,
                   help="json (one input), jsonl (one page per line; default for several inputs), text (for reading)")
    p.add_argument("--date", help="issue date YYYY-MM-DD (default: from the file name or the page)")
    p.add_argument("--outlet", help="the paper, e.g. 人民日报 (default: from bylines or the file name)")
    p.add_argument("-o", "--out", help="write to this file instead of stdout")
    p.add_argument("--jobs", type=int, default=None, help="worker processes for many inputs (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or a Dask cluster")
    p.add_argument("--scheduler", help="Dask scheduler address (with --engine dask)")
    p.set_defaults(func=cmd_extract)


def _add_eval(sub) -> None:
    p = sub.add_parser("eval", help="score extraction against gold files (precision/recall/F1 per field)")
    p.add_argument("gold", nargs="+", help="*.gold.json files; each input page lies beside its gold file")
    p.add_argument("--min", action="append", default=[], metavar="FIELD=VALUE",
                   help="fail (exit 1) when FIELD's score is below VALUE; repeatable")
    p.add_argument("--heldout", nargs="+", default=[], metavar="GOLD",
                   help="held-out gold files (e.g. benchmarks/heldout/*.gold.json): scored beside the "
                        "development ones in one table; their misses are never listed (a page whose errors "
                        "are studied is no longer held out)")
    p.add_argument("--min-heldout", action="append", default=[], metavar="FIELD=VALUE",
                   help="like --min, for the held-out files; repeatable")
    p.add_argument("--per-file", action="store_true", help="also print a table per gold file")
    p.add_argument("--json", action="store_true", help="print the full report as JSON")
    p.add_argument("--misses", nargs="?", const="", default=None, metavar="FIELD",
                   help="also list what was missed, spurious or wrong (all fields, or FIELD's prefix: "
                        "--misses organizations)")
    p.set_defaults(func=cmd_eval)


def cmd_extract(args) -> int:
    if args.jobs is not None and args.jobs < 1:
        _err(f"--jobs {args.jobs}: must be at least 1")
        return EXIT_INPUT
    if args.engine == "dask":
        return _extract_dask(args)
    if args.scheduler:
        _err("--scheduler needs --engine dask")
        return EXIT_INPUT
    from .batch import Skipped, extract_many, skipped_summary
    from .work import Unreadable, find_inputs, iter_items
    from .workers import default_jobs

    n_unreadable = 0
    progress = None

    def say(message: str) -> None:
        """One line on stderr, above the progress bar when one is drawn."""
        if progress is not None:
            progress.write(f"zhnews: {message}", file=sys.stderr)
        else:
            _err(message)

    def unreadable(message: str) -> None:
        nonlocal n_unreadable
        n_unreadable += 1
        say(message)

    sources = find_inputs(args.inputs)
    # One named page file: pretty JSON in this process. Anything else streams
    # JSONL through the worker pool.
    single = (len(args.inputs) == 1 and len(sources) == 1 and not _is_stream(args.inputs[0])
              and not isinstance(sources[0], Unreadable) and sources[0].path is not None
              and sources[0].kind != "jsonl")
    fmt = args.format or ("json" if single else "jsonl")
    jobs = args.jobs or (1 if single else default_jobs())
    try:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    except OSError as exc:
        _err(f"{args.out}: cannot write ({exc.strerror})")
        return EXIT_INPUT
    if not single and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(unit="page", file=sys.stderr)
    n_ok = n_failed = n_skipped = 0  # counts, not lists: an archive may refuse millions of records
    results = extract_many(iter_items(sources), fmt=fmt, jobs=jobs, date=args.date, outlet=args.outlet,
                           on_unreadable=unreadable)
    try:
        for name, text, error in results:
            if progress is not None:
                progress.update(1)
            if isinstance(error, Skipped):
                n_skipped += 1
            elif error:
                n_failed += 1
                say(error)
            else:
                n_ok += 1
                out.write(text)
    finally:
        results.close()
        if progress is not None:  # a tqdm bar without a total refuses bool()
            progress.close()
        if out is not sys.stdout:
            out.close()
    if n_skipped:
        _err(skipped_summary(n_skipped))
    if not single and sys.stderr.isatty():
        _err(f"{n_ok} pages extracted, {n_unreadable + n_failed} inputs failed")
    return EXIT_INPUT if n_unreadable or n_failed else EXIT_OK


def _is_stream(name: str) -> bool:
    return name == "-" or name.lower().endswith((".jsonl", ".ndjson"))


def _extract_dask(args) -> int:
    """`zhnews extract --engine dask`: the CLI face of distributed.dask_extract."""
    from .batch import skipped_summary
    from .distributed import dask_extract

    if not args.scheduler:
        _err("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return EXIT_INPUT
    if not args.out:
        _err("--engine dask needs --out DIR (a folder for the Parquet partitions)")
        return EXIT_INPUT
    if args.format:
        _err("--format does not apply to --engine dask: it writes Parquet partitions")
        return EXIT_INPUT

    def partition_done(res: dict) -> None:
        if sys.stderr.isatty():
            _err(f"partition {res['part']}: {res['pages']} pages, {res['articles']} articles")

    try:
        summary = dask_extract(args.inputs, args.out, args.scheduler, date=args.date, outlet=args.outlet,
                               on_error=_err, on_partition=partition_done)
    except ZhnewsError as exc:
        _err(str(exc))
        return EXIT_INPUT
    if summary["skipped"]:
        _err(skipped_summary(summary["skipped"]))
    if sys.stderr.isatty():
        _err(f"{summary['pages']} pages, {summary['articles']} articles in {summary['partitions']} partitions "
             f"→ {args.out} ({summary['errors']} inputs failed, {summary['seconds']} s)")
    return EXIT_INPUT if summary["errors"] else EXIT_OK


def _floors(specs: list[str], option: str) -> dict[str, float] | None:
    floors = {}
    for spec in specs:
        field, sep, value = spec.partition("=")
        try:
            floors[field.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            _err(f"{option} {spec!r}: expected FIELD=VALUE, e.g. articles=1.0")
            return None
    return floors


def cmd_eval(args) -> int:
    from . import evaluate

    floors = _floors(args.min, "--min")
    heldout_floors = _floors(args.min_heldout, "--min-heldout")
    if floors is None or heldout_floors is None:
        return EXIT_INPUT
    if heldout_floors and not args.heldout:
        _err("--min-heldout needs --heldout GOLD...")
        return EXIT_INPUT
    try:
        report = evaluate.evaluate(args.gold)
        heldout = evaluate.evaluate(args.heldout) if args.heldout else None
    except ZhnewsError as exc:
        _err(str(exc))
        return EXIT_INPUT
    if args.json:
        doc = report.to_dict()
        if heldout is not None:
            doc = {"development": doc, "heldout": heldout.to_dict(blind=True)}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        if heldout is None:
            print(evaluate.format_table(report, per_file=args.per_file))
        else:
            if args.per_file:
                print(evaluate.format_table(report, per_file=True) + "\n")
            print(evaluate.format_side_by_side(report, heldout))
        if args.misses is not None:
            print(evaluate.format_misses(report, args.misses))
    failures = evaluate.check_floors(report, floors)
    if heldout is not None:
        failures += [f"held-out {f}" for f in evaluate.check_floors(heldout, heldout_floors)]
    for f in failures:
        _err(f"below floor: {f}")
    return EXIT_FAILED if failures else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhnews",
        description="Chinese newspaper pages into a source-grounded knowledge base.",
    )
    parser.add_argument("--version", action="version", version=f"zhnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub)
    _add_eval(sub)
    try:
        from . import kb_cli
    except ImportError:
        kb_cli = None
    if kb_cli is not None:
        kb_cli.register(sub)
    try:
        from .web import cli as web_cli
    except ImportError:
        web_cli = None
    if web_cli is not None:
        web_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Library modules log (ingest commits, Dask partitions); ZHNEWS_LOG=INFO shows it.
    level = os.environ.get("ZHNEWS_LOG", "WARNING").upper()
    logging.basicConfig(level=level if level in logging.getLevelNamesMapping() else "WARNING",
                        format="zhnews: %(name)s: %(message)s", stream=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        return args.func(args)
    except InputError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except ZhnewsError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
