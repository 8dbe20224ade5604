"""The phrases an item is known by (rules/words.py, `item_words`): its title, its discovery words and every phrase
of rules/vocabulary.toml for its components, which the label tests (test_label_gate.py) turn into menu labels."""

from __future__ import annotations

from rules.catalog import load_catalog
from rules.words import item_words


def test_an_item_is_known_by_its_title_discovery_words_and_component_phrases() -> None:
    o4 = next(i for i in load_catalog(2569).items if i.code == "O4")
    assert list(item_words(o4)) == [
        "ข่าวประชาสัมพันธ์",  # the title
        "ข่าวประชาสัมพันธ์",  # the catalog's discovery word
        # news.current's phrases in rules/vocabulary.toml: what a menu calls the news
        "ข่าวประชาสัมพันธ์",
        "ข่าวสาร",
        "ข่าวสารประชาสัมพันธ์",
        "ข่าวกิจกรรม",
        "ประชาสัมพันธ์",
        "ข่าว",
        "กิจกรรมหน่วยงาน",
        "news",
    ]
