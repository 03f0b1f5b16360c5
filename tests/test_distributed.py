"""annotator.distributed on a real local Dask cluster (two worker processes)."""

from __future__ import annotations

import io
import json

import pytest

from annotator.bench.run import synthetic_corpus
from annotator.distributed import merge_parts, plan_blocks, quotes_with_dask
from annotator.ingest import iter_articles
from annotator.io import Reporter
from annotator.parallel import map_ordered
from annotator.run.article import quotes_for_article
from annotator.run.context import QuotesSetup


@pytest.fixture(scope="module")
def client(dask_client):
    return dask_client


@pytest.fixture()
def corpus(tmp_path):
    recs = list(synthetic_corpus(23, seed=4))
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    lines.insert(5, "{not json")
    lines.insert(17, json.dumps(recs[2]))  # a duplicate id, in another block
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    txt = tmp_path / "extra.txt"
    txt.write_text(
        "“Tariffs are a tax,” Ilse Norberg, an economist at Fjordline Bank, said.\n", encoding="utf-8"
    )
    return [path, txt]


def single_process(inputs):
    rep = Reporter(quiet=True)
    arts = iter_articles(inputs, rep)
    lines = [
        q.model_dump_json(exclude_none=False) + "\n"
        for _, qs in map_ordered(quotes_for_article, arts, 1, init=QuotesSetup(), reporter=rep)
        for q in qs
    ]
    return "".join(lines), rep.skipped


def test_blocks_cover_every_line(corpus):
    blocks = plan_blocks(corpus, Reporter(quiet=True), block_lines=4)
    jsonl = [b for b in blocks if b.path]
    assert [b.first_line for b in jsonl] == [1, 5, 9, 13, 17, 21, 25]
    assert jsonl[-1].end == corpus[0].stat().st_size
    assert blocks[-1].files == ((str(corpus[1]), None),)


def test_dask_output_equals_single_process(client, corpus, tmp_path):
    expected, expected_skipped = single_process(corpus)
    stream = io.StringIO()
    rep = Reporter(stream=stream)
    result = quotes_with_dask(corpus, client, tmp_path / "parts", reporter=rep, block_lines=4)
    got = "".join(p.read_text(encoding="utf-8") for p in result.parts)
    assert got == expected and result.quotes == expected.count("\n")
    assert result.articles == 24  # 23 + the .txt; the duplicate and the bad line are skipped
    assert any(":6: not valid JSON" in s for s in rep.skipped)
    assert any("duplicate article id 'bench-000002'" in s for s in rep.skipped)
    assert len(rep.skipped) == len(expected_skipped) == 2
    assert "Traceback" not in stream.getvalue()

    merged = tmp_path / "quotes.jsonl"
    assert merge_parts(result, merged, link=False) == result.quotes
    assert merged.read_text(encoding="utf-8") == expected

    again = quotes_with_dask(
        corpus, client, tmp_path / "parts", reporter=Reporter(quiet=True), block_lines=4, resume=True
    )
    assert "".join(p.read_text(encoding="utf-8") for p in again.parts) == expected
