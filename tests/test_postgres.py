"""The same knowledge-base tests against a real PostgreSQL server.

Set ZHNEWS_TEST_PG to a DSN (scripts/pg-test-server.sh start prints one);
each test gets its own schema in that database, dropped afterwards. Without
the variable these tests are skipped, saying so."""

from __future__ import annotations

import os
import uuid

import pytest

DSN = os.environ.get("ZHNEWS_TEST_PG")
pytestmark = pytest.mark.skipif(
    not DSN, reason="ZHNEWS_TEST_PG is not set (start a server with scripts/pg-test-server.sh start "
                    "and export ZHNEWS_TEST_PG=<the DSN it prints>)")

# The backend-independent tests of the other files, collected here again with
# `make_db` below handing out PostgreSQL schemas instead of SQLite files.
from test_db_versions import (  # noqa: E402,F401
    test_a_newer_schema_is_refused_with_what_to_do,
    test_a_schema_1_base_is_migrated_on_any_backend,
    test_a_schema_2_base_is_migrated_and_then_keeps_regions,
    test_a_traditional_page_is_found_with_a_simplified_query_and_back,
    test_an_index_of_another_tokenizer_is_refused_until_rebuilt,
)
from test_dedup import (  # noqa: E402,F401
    bases,
    test_a_second_copy_of_a_page_counts_once,
    test_article_page_says_where_else_it_appeared,
)
from test_export import (  # noqa: E402,F401
    small_db,
    test_jsonl_has_every_article_with_facts,
    test_parquet_types_and_values,
    test_tables_export_row_counts,
)
from test_ingest import (  # noqa: E402,F401
    rows,
    test_bad_inputs_are_reported_and_the_rest_ingested,
    test_changed_record_replaces_its_article,
    test_corpus_and_examples_in_one_command,
    test_every_fact_points_into_its_article,
    test_jsonl_records_become_articles_once,
    test_outlet_default_fills_only_missing,
    test_page_json_with_facts,
)
from test_ingest_furniture import (  # noqa: E402,F401
    test_a_credit_line_stored_before_is_removed,
    test_furniture_records_are_counted_not_stored_nor_failed,
)
from test_ingest_parquet import (  # noqa: E402,F401
    parquet_dir,
    test_from_parquet_loads_then_reloads_as_a_no_op,
)
from test_ingest_stream import (  # noqa: E402,F401
    test_duplicates_inside_one_input_are_stored_once,
    test_same_content_under_two_names_is_one_page,
)
from test_person import (  # noqa: E402,F401
    test_org_aliases_meet_on_one_record,
    test_person_page_lists_every_article_with_titles_over_time,
    test_replaced_page_drops_people_no_longer_mentioned,
    test_same_name_different_people_are_kept_apart_with_evidence,
)
from test_ocr import (  # noqa: E402,F401
    from_png,
    scanned,
    test_a_scan_keeps_a_downsized_page_image_for_the_base,
)
from test_regions import (  # noqa: E402,F401
    side_by_side,
    test_the_base_keeps_the_regions,
)
from test_search import (  # noqa: E402,F401
    corpus_db,
    test_figures_of_one_indicator_over_time,
    test_filters_date_outlet_person_org,
    test_headline_hits_rank_first,
    test_no_match_across_punctuation_and_no_partial_phrase,
    test_search_snippet_of_a_stored_article,
    test_search_finds_exactly_the_articles_containing_the_word,
    test_two_words_are_both_required,
)


def _with_schema(dsn: str, schema: str) -> str:
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="module")
def make_db():
    import psycopg

    schemas = []

    def make() -> str:
        name = "zt_" + uuid.uuid4().hex[:12]
        with psycopg.connect(DSN, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {name}")
        schemas.append(name)
        return _with_schema(DSN, name)

    yield make
    with psycopg.connect(DSN, autocommit=True) as con:
        for name in schemas:
            con.execute(f"DROP SCHEMA {name} CASCADE")


def test_postgres_refuses_a_database_of_another_program(make_db):
    import psycopg

    from zhnews.store import StoreError, open_store

    dsn = make_db()
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute("CREATE TABLE articles (id serial primary key, body text)")
        con.execute("INSERT INTO articles (body) VALUES ('x')")
    with pytest.raises(StoreError, match="another program"):
        open_store(dsn, create=True)
    with psycopg.connect(dsn, autocommit=True) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
        assert con.execute("SELECT to_regclass('zhnews_meta')").fetchone()[0] is None


def test_postgres_bad_dsn_is_a_clear_error():
    from zhnews.store import StoreError, open_store

    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none", create=True)


def test_postgres_tsvector_keeps_chinese_bigrams(make_db, tmp_path):
    from test_ingest import make_article, page_json

    from zhnews.store import open_store
    from zhnews.store.ingest import ingest

    db = make_db()
    art = make_article("山西煤炭", "山西煤炭产量稳居全国前列。", "2026-01-21")
    ingest([str(page_json(tmp_path, "p", [art], "2026-01-21"))], db=db, jobs=1, progress=False)
    with open_store(db, readonly=True) as s:
        lexemes = s.scalar("SELECT array_to_string(tsvector_to_array(tsv), ' ') FROM article_search")
    assert set(lexemes.split()) >= {"山西", "西煤", "煤炭", "炭产", "产量"}
