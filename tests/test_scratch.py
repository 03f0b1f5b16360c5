"""annotator.scratch: the run's working memory on disk."""

from __future__ import annotations

from annotator.models import Article
from annotator.scratch import DiskIndex, Scratch


def test_articles_keep_their_order_and_first_metadata(tmp_path):
    scratch = Scratch.beside(tmp_path)
    path = scratch.path
    assert (
        path is not None and path.parent == tmp_path and path.name.startswith(".") and path.suffix == ".tmp"
    )
    a = Article(id="a1", text="x", title="First", url="https://example.org/1", published="2025-01-02")
    assert scratch.article(a) == 0
    assert scratch.article("b2") == 1  # an id alone: no metadata
    assert scratch.article(a.model_copy(update={"title": "Changed"})) == 0  # known: the first record stays
    assert scratch.count == 2
    assert [m["id"] for m in scratch.articles()] == ["a1", "b2"]
    assert scratch.meta(0)["title"] == "First" and scratch.meta(1)["title"] is None
    assert scratch.meta(5) == {}
    scratch.close()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # no journal left either


def test_scratch_in_memory_without_a_folder():
    with Scratch() as scratch:
        assert scratch.path is None
        assert scratch.article("x") == 0 and scratch.article("y") == 1 and scratch.article("x") == 0


def test_disk_index_as_map_and_set():
    d = DiskIndex()
    d["k"] = (1, 2)
    d["k"] = (3, 4)  # replaced, still one key
    d.add("s")
    d.add("s")
    assert d.get("k") == (3, 4) and d.get("nope") is None
    assert "s" in d and "nope" not in d and len(d) == 2
    d.clear()
    assert len(d) == 0 and "k" not in d
    for i in range(20_000):  # more than the page cache holds
        d.add(f"article-{i:06d}")
    assert len(d) == 20_000 and "article-019999" in d and "article-020000" not in d
    d.close()
