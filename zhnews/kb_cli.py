"""Knowledge-base commands: ingest, search, person, org, figures, export.

`register(subparsers)` adds them to the `zhnews` command; each handler takes
the parsed args and returns an exit code. Also runnable alone:
`python -m zhnews.kb_cli ingest …`.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys

from .errors import ZhnewsError

EXIT_OK = 0
EXIT_FAILED = 1  # nothing matched / nothing to show
EXIT_INPUT = 2  # a user mistake or inputs that failed (the rest was processed)


def _err(msg: str) -> None:
    print(f"zhnews: {msg}", file=sys.stderr)


def _guard(handler):
    """Turn store problems into one line on stderr, never a traceback."""

    @functools.wraps(handler)
    def run(args) -> int:
        # here, not at the top: every `zhnews` command imports this module to
        # list its subcommands, and `extract` needs no sqlite3 (~1.5 % of its start-up)
        import sqlite3

        try:
            return handler(args)
        except ZhnewsError as e:
            _err(str(e))
            return EXIT_INPUT
        except sqlite3.DatabaseError as e:
            where = getattr(args, "db", None) or "the knowledge base"
            if "locked" in str(e) or "busy" in str(e):
                _err(f"{where} is being written by another process (another ingest?); try again when it ends")
            else:
                _err(f"{where}: database error ({e}); the file may be corrupt")
            return EXIT_INPUT
        except ValueError as e:
            _err(str(e))
            return EXIT_INPUT
        except Exception as e:  # psycopg errors: a server-side message is the useful part
            if type(e).__module__.startswith("psycopg"):
                _err(f"PostgreSQL: {str(e).strip()}")
                return EXIT_INPUT
            raise

    return run


def _db_arg(p: argparse.ArgumentParser) -> None:
    from .store import DEFAULT_DB

    p.add_argument("--db", default=None,
                   help=f"SQLite file (default $ZHNEWS_DB or ./{DEFAULT_DB}) or postgresql://user@host:port/db")


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="articles dated on or after")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="articles dated on or before")
    p.add_argument("--outlet", help="only this outlet (e.g. 人民日报)")


def register(sub) -> None:
    p = sub.add_parser("ingest", help="extract pages / JSONL records into the knowledge base (resumable)")
    p.add_argument("inputs", nargs="*", help="files, folders, globs, JSONL of articles or of extracted pages")
    p.add_argument("--from-parquet", metavar="DIR",
                   help="load a `zhnews extract --engine dask --out DIR` output instead of extracting inputs")
    _db_arg(p)
    p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--batch", type=int, default=None, help="articles per transaction (default 500)")
    p.add_argument("--force", action="store_true", help="re-extract inputs whose content is already in the base")
    p.add_argument("--reextract", choices=("outdated",), default=None,
                   help="outdated: re-extract the inputs whose stored page an older zhnews (or other models or "
                        "lexicons) made; pages this zhnews made are left as they are")
    p.add_argument("--reindex", action="store_true",
                   help="rebuild the search index from the stored articles (needed after a tokenizer change; "
                        "no inputs)")
    p.add_argument("--outlet", help="outlet for inputs that do not name one")
    p.add_argument("--date", help="issue date for inputs that do not carry one (YYYY-MM-DD)")
    p.add_argument("--errors", metavar="FILE", help="also write failed inputs as JSONL to FILE")
    p.add_argument("--keep-copies", action="store_true",
                   help="do not link near-copies (same outlet, same day, text contained in a longer article) "
                        "to their article; by default a copy is counted once")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="full-text search (words of any length, phrases) with filters")
    p.add_argument("query", nargs="*", help="words, all required (山西 煤炭); empty = filters only")
    _db_arg(p)
    _filter_args(p)
    p.add_argument("--person", help="only articles naming this person")
    p.add_argument("--org", help="only articles naming this organization (aliases resolved: 央视 = 中央广播电视总台)")
    p.add_argument("--limit", type=int, default=20, help="results shown (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many results first: the next page (default 0)")
    p.add_argument("--sort", choices=("rank", "date"), default="rank",
                   help="rank: best match first (default); date: newest first")
    p.add_argument("--count", action="store_true", help="print only the number of matching articles "
                   "(\"约 N\" when it is an estimate: see --exact)")
    p.add_argument("--exact", action="store_true", help="count and bm25-rank every match, however many "
                   "(by default, past MAX_RANKED = 5,000 matches, the count may be an estimate and results "
                   "come newest ingested first)")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                   help="table for reading (default; relevance 100 = the best hit); json or jsonl with the raw "
                        "score for programs")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("person", help="a person: titles over time, articles, statements, co-mentioned people")
    p.add_argument("name")
    _db_arg(p)
    p.add_argument("--limit", type=int, default=200, help="articles / statements shown per record")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text for reading (default) or json")
    p.set_defaults(func=cmd_person)

    p = sub.add_parser("org", help="an organization (any alias): names used, articles, people")
    p.add_argument("name")
    _db_arg(p)
    p.add_argument("--limit", type=int, default=200, help="articles shown per organization (default 200)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text for reading (default) or json")
    p.set_defaults(func=cmd_org)

    p = sub.add_parser("figures", help="figures of one indicator over time (a table)")
    p.add_argument("--indicator", required=True, help="indicator name or part of it (煤炭产量)")
    _db_arg(p)
    _filter_args(p)
    p.add_argument("--unit", help="only this unit (吨, %%, 元 …)")
    p.add_argument("--exact", action="store_true", help="indicator must equal the given name")
    p.add_argument("--sort", choices=("date", "date-desc", "value", "value-desc"), default="date",
                   help="order of the rows (default date, oldest first)")
    p.add_argument("--limit", type=int, default=1000, help="figures shown (default 1000)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table for reading (default; 14,298亿 as written in reports), csv or json with exact values")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("export", help="the base as JSONL (articles with facts) or CSV/Parquet (one file per table)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), required=True,
                   help="jsonl: one article per line with its facts; csv, parquet: one file per table in a folder")
    p.add_argument("--output", "-o", help="jsonl: a file (default stdout); csv/parquet: a folder (required)")
    p.add_argument("--tables", help="csv/parquet: comma-separated tables (default all)")
    p.add_argument("--csv-encoding", choices=("utf-8-sig", "utf-8"), default="utf-8-sig",
                   help="csv: utf-8-sig (default) starts each file with a byte-order mark so Excel opens the "
                        "Chinese text correctly; utf-8 writes none")
    _db_arg(p)
    p.set_defaults(func=cmd_export)


# -- handlers -----------------------------------------------------------------------------
@_guard
def cmd_ingest(args) -> int:
    from .store.ingest import BATCH_ARTICLES, ingest

    if args.reindex:
        return _reindex(args)
    if args.from_parquet:
        return _ingest_parquet(args)
    if not args.inputs:
        raise ValueError("give inputs to ingest (files, folders, globs, JSONL), or --from-parquet DIR")
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    errors_fh = open(args.errors, "w", encoding="utf-8") if args.errors else None

    def on_error(source: str, error: str) -> None:  # streamed: the report keeps only the first messages
        errors_fh.write(json.dumps({"source": source, "error": error}, ensure_ascii=False) + "\n")

    try:
        report = ingest(args.inputs, db=args.db, jobs=args.jobs, batch_articles=args.batch or BATCH_ARTICLES,
                        force=args.force, progress=False if args.quiet else None,
                        defaults={"outlet": args.outlet, "published": args.date},
                        on_error=on_error if errors_fh else None, reextract=args.reextract == "outdated",
                        link_copies=not args.keep_copies)
    finally:
        if errors_fh:
            errors_fh.close()
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    elif not args.quiet:
        rate = report.articles / report.seconds if report.seconds else 0.0
        furniture = (f"{report.furniture} furniture-only records skipped (本版责编/版式设计 credits, no article "
                     "text); ") if report.furniture else ""
        if report.linked:
            furniture += (f"{report.linked} near-copies of other articles (same outlet and day) linked, "
                          "counted once; ")
        print(f"ingested {report.articles} articles from {report.pages} pages in {report.seconds:.1f} s "
              f"({rate:.0f} articles/s); {report.skipped} inputs already in the base; {furniture}"
              f"{report.failed} failed", file=sys.stderr)
        if report.outdated:
            print(f"{report.outdated} pages of the base were made by another zhnews version or other models/lexicons; "
                  f"`zhnews ingest --reextract outdated` with their inputs updates them", file=sys.stderr)
    _print_errors(report)
    if report.interrupted:
        _err("interrupted; committed work is kept — run the same command again to resume")
        return 130
    return EXIT_INPUT if report.failed else EXIT_OK


def _reindex(args) -> int:
    from .store import open_store
    from .store.reindex import reindex

    if args.inputs or args.from_parquet:
        raise ValueError("--reindex takes no inputs: it rebuilds the search index from the stored articles")
    store = open_store(args.db, reindex=True)
    try:
        n = reindex(store)
    finally:
        store.close()
    if not args.quiet:
        print(f"search index rebuilt: {n} articles", file=sys.stderr)
    return EXIT_OK


def _print_errors(report) -> None:
    for source, error in report.errors:
        _err(f"{source}: {error}")
    if report.failed > len(report.errors):
        _err(f"… and {report.failed - len(report.errors)} more failed inputs (all are in table ingest_errors; "
             "--errors FILE lists them)")


# Options of `ingest` that only make sense when this process extracts.
_EXTRACTION_ONLY = (("inputs", "input paths"), ("jobs", "--jobs"), ("outlet", "--outlet"), ("date", "--date"),
                    ("errors", "--errors"))


def _ingest_parquet(args) -> int:
    """Pages a Dask cluster already extracted: no extraction here, only the writer."""
    import os
    import time

    from .distributed import load_parquet

    extra = [flag for attr, flag in _EXTRACTION_ONLY if getattr(args, attr)]
    if extra:
        raise ValueError(f"--from-parquet loads pages extracted elsewhere; {', '.join(extra)} do not apply "
                         "(outlet and date are set at extraction: `zhnews extract --engine dask --outlet …`)")
    started = time.monotonic()
    report = load_parquet(args.from_parquet, args.db, force=args.force, progress=False if args.quiet else None,
                          batch_articles=args.batch)
    report["seconds"] = round(time.monotonic() - started, 3)
    err_file = os.path.join(args.from_parquet, "_errors.jsonl")
    failed = 0
    if os.path.isfile(err_file):
        with open(err_file, "rb") as fh:
            failed = sum(1 for line in fh if line.strip())
    report["extraction_errors"] = failed
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif not args.quiet:
        print(f"loaded {report['articles']} articles from {report['pages']} pages "
              f"({report['partitions']} Parquet partitions) in {report['seconds']:.1f} s; "
              f"{report['skipped']} pages already in the base", file=sys.stderr)
        if failed:
            print(f"{failed} inputs had failed at extraction; they are listed in {err_file}", file=sys.stderr)
    for e in report["errors"]:
        _err(f"{e['source']}: {e['error']}")
    if report["interrupted"]:
        _err("interrupted; committed work is kept — run the same command again to resume")
        return 130
    return EXIT_INPUT if report["failed"] else EXIT_OK


from .numfmt import format_number


def _open(args):
    from .store import open_store

    return open_store(args.db, readonly=True)


def _table(rows: list[dict], columns: list[str], widths: dict[str, int] | None = None) -> str:
    """Rows of dicts as a table (zhnews.table); `widths` clips long cells."""
    from .table import clip, render

    widths = widths or {}

    def cell(v, col) -> str:
        s = format_number(v) if isinstance(v, float) else "" if v is None else str(v)
        return clip(s, widths.get(col))

    return render(columns, [[cell(r.get(c), c) for c in columns] for r in rows])


def _relevance(rows: list[dict]) -> list[dict]:
    """Scores as 0-100 of the best hit of the answer: a full-text score is a
    tiny float (1.97156e-06) that means nothing read alone; its ratio to the
    best does. Rows of a filter-only search (no score) show none."""
    top = max((r["score"] for r in rows), default=0.0)
    return [dict(r, relevance=round(100 * r["score"] / top) if top > 0 else None) for r in rows]


@_guard
def cmd_search(args) -> int:
    from .store import search as q

    query = " ".join(args.query)
    filters = dict(date_from=args.date_from, date_to=args.date_to, outlet=args.outlet, person=args.person,
                   org=args.org)
    with _open(args) as store:
        if args.count:
            n, exact = q.count_info(store, query, exact=args.exact, **filters)
            print(n if exact else f"约 {n}")
            return EXIT_OK
        found = q.search_page(store, query, limit=args.limit, offset=args.offset, order=args.sort,
                              exact=args.exact, **filters)
    rows = found["results"]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    elif rows:
        print(_total_line(found))
        print(_table(_relevance(rows), ["article_id", "date", "outlet", "relevance", "headline", "snippet"],
                     {"headline": 30, "snippet": 60}))
    else:
        _err("no article matches")
    return EXIT_OK if rows else EXIT_FAILED


def _total_line(found: dict) -> str:
    """共 N 篇 (exact) or 约 N 篇 (an estimate), and how the results are ordered."""
    n = f"{found['total']:,}"
    head = f"共 {n} 篇" if found["count_exact"] else f"约 {n} 篇 (estimate; --exact counts every match)"
    order = {"bm25": "by relevance", "date": "newest first",
             "newest-ingested": "newest ingested first (too many matches to rank; --exact ranks them all)"}
    return f"{head}, {order[found['ranking']]}"


# Width in characters of the longest bar of a text bar chart (fits 80 columns
# with the period label and the count).
BAR_WIDTH = 50


def _bars(counts: list[dict], count: str = "articles") -> str:
    """Periods as lines of █, longest = BAR_WIDTH: a terminal's chart."""
    top = max(c[count] for c in counts) or 1
    return "\n".join(f"  {c['period']:<10} {'█' * round(c[count] / top * BAR_WIDTH):<{BAR_WIDTH}} {c[count]}"
                     for c in counts)


@_guard
def cmd_person(args) -> int:
    from .store import search as q

    with _open(args) as store:
        pages = q.person_pages(store, args.name, limit=args.limit)
    if args.format == "json":
        print(json.dumps(pages, ensure_ascii=False, indent=2))
        return EXIT_OK if pages else EXIT_FAILED
    if not pages:
        _err(f"no person named {args.name} in the base")
        return EXIT_FAILED
    if len(pages) > 1:
        print(f"{len(pages)} different people are named {args.name} (kept apart by conflicting titles; "
              "see evidence)\n")
    for p in pages:
        print(f"# {p['name']} (person #{p['person_id']}) — {p['article_count']} articles")
        if p["note"]:
            print(f"  note: {p['note']}")
        print("\n## Titles over time")
        print(_table(p["titles"], ["title", "first_date", "last_date", "articles", "mentions"])
              if p["titles"] else "  (none)")
        print(f"\n## Appearances (articles per {p['appearances']['per']})")
        print(_bars(p["appearances"]["counts"]) if p["appearances"]["counts"] else "  (none)")
        print("\n## Articles")
        arts = [dict(a, titles="、".join(a["titles"])) for a in p["articles"]]
        print(_table(arts, ["article_id", "date", "outlet", "headline", "titles", "link_reason"],
                     {"headline": 30, "titles": 30}))
        print("\n## Statements")
        # an answer is read with its question: who asked (asked_by) and about what (topic)
        print(_table(p["statements"], ["date", "article_id", "kind", "asked_by", "topic", "text"],
                     {"topic": 20, "text": 40})
              if p["statements"] else "  (none)")
        print("\n## Co-mentioned people")
        print(_table(p["co_mentioned"], ["name", "person_id", "articles"]) if p["co_mentioned"] else "  (none)")
        print("\n## Co-mentioned organizations")
        print(_table(p["co_organizations"], ["name", "organization_id", "articles"])
              if p["co_organizations"] else "  (none)")
        if p["evidence"]:
            print("\n## Evidence: same name, kept apart")
            print(_table(p["evidence"], ["person_id", "other_person_id", "article_id", "kind", "detail"]))
        print()
    return EXIT_OK


@_guard
def cmd_org(args) -> int:
    from .store import search as q

    with _open(args) as store:
        pages = q.org_pages(store, args.name, limit=args.limit)
    if args.format == "json":
        print(json.dumps(pages, ensure_ascii=False, indent=2))
        return EXIT_OK if pages else EXIT_FAILED
    if not pages:
        _err(f"no organization named {args.name} in the base")
        return EXIT_FAILED
    for o in pages:
        print(f"# {o['name']} (organization #{o['organization_id']}, {o['kind'] or 'kind unknown'}) — "
              f"{o['article_count']} articles")
        print(f"  aliases: {'、'.join(o['aliases'])}")
        print("  as written: " + "、".join(f"{w['name']} ({w['articles']})" for w in o["as_written"]))
        print("\n## Articles")
        print(_table(o["articles"], ["article_id", "date", "outlet", "headline"], {"headline": 40})
              if o["articles"] else "  (none)")
        print("\n## People in its articles")
        print(_table(o["people"], ["name", "person_id", "articles"]) if o["people"] else "  (none)")
        print()
    return EXIT_OK


@_guard
def cmd_figures(args) -> int:
    from .store import search as q

    with _open(args) as store:
        rows = q.figures(store, args.indicator, unit=args.unit, date_from=args.date_from, date_to=args.date_to,
                         outlet=args.outlet, sort=args.sort, limit=args.limit, exact=args.exact)
    cols = ["date", "indicator", "value", "unit", "qualifier", "period", "text", "headline", "article_id",
            "start_offset", "end_offset"]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        import csv  # only this output needs it (see _guard)

        w = csv.DictWriter(sys.stdout, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    elif rows:
        from .numfmt import format_number

        shown = [dict(r, value=format_number(r.get("value"), r.get("unit") or "")) for r in rows]
        print(_table(shown, cols[:9], {"headline": 24, "indicator": 20, "period": 12}))
    if not rows:
        _err(f"no figure with an indicator like {args.indicator}")
    return EXIT_OK if rows else EXIT_FAILED


@_guard
def cmd_export(args) -> int:
    from .store import export

    with _open(args) as store:
        if args.format == "jsonl":
            if not args.output or args.output == "-":
                n = export.export_jsonl(store, sys.stdout)
            else:
                import os

                tmp = args.output + ".part"
                with open(tmp, "w", encoding="utf-8") as fh:
                    n = export.export_jsonl(store, fh)
                os.replace(tmp, args.output)
            print(f"exported {n} articles", file=sys.stderr)
            return EXIT_OK
        if not args.output:
            raise ValueError(f"--format {args.format} writes one file per table: give a folder with --output")
        tables = [t.strip() for t in args.tables.split(",")] if args.tables else None
        counts = export.export_tables(store, args.output, args.format, tables, csv_encoding=args.csv_encoding)
    print(", ".join(f"{t} {n}" for t, n in counts.items()) + f" rows → {args.output}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhnews")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
