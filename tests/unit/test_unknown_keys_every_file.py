"""Every policy file refuses a key it does not know (a typo never silently switches a setting
off), the files read outside the rules loader included: the language settings, the spelling
settings, the disguise words, the triage languages and the triage phrase books. Each test adds
one unknown key to a copy of the real file and loads the copy."""
from __future__ import annotations


import pytest

from policy import language, spelling, triage_language
from policy.detectors import disguise
from policy.marketplace import POLICY_ROOT
from policy.policyfile import PolicyError
from policy.triage_data import phrasebook


def _copy_with(tmp_path, relative: str, add: str, after: str | None = None):
    source = POLICY_ROOT / relative
    target = tmp_path / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    if after is None:
        text = add + "\n" + text
    else:
        assert after in text, f"{relative} has no {after!r}"
        text = text.replace(after, after + "\n" + add, 1)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("after", [None, "[detector]", "[messages.en]", "[messages.zh]"])
def test_language_settings_refuse_an_unknown_key(tmp_path, after):
    path = _copy_with(tmp_path, "common/languages.toml", "min_confidenc = 0.5", after)
    with pytest.raises(PolicyError, match=r"languages\.toml.*unknown key\(s\) min_confidenc"):
        language.load_language_data(path)


def test_language_settings_load_as_they_are():
    assert language.load_language_data(language.LANGUAGES_FILE).languages


def test_spelling_settings_refuse_an_unknown_top_level_key(tmp_path):
    path = _copy_with(tmp_path, "common/spelling.toml", "max_word_lenght = 12")
    with pytest.raises(PolicyError, match=r"spelling\.toml.*unknown key\(s\) max_word_lenght"):
        spelling.load_spelling_data(path)


def test_disguise_words_refuse_an_unknown_table(tmp_path, monkeypatch):
    path = _copy_with(tmp_path, "common/disguises.toml", "[dots]\nen = ['dot']")
    monkeypatch.setattr(disguise, "DISGUISES_FILE", path)
    with pytest.raises(PolicyError, match=r"disguises\.toml.*unknown key\(s\) dots"):
        disguise._words("dot")


def test_triage_languages_refuse_an_unknown_key(tmp_path, monkeypatch):
    path = _copy_with(tmp_path, "triage_data/languages.toml", 'defualt = "de"')
    monkeypatch.setattr(triage_language, "LANGUAGES_FILE", path)
    triage_language.default_language.cache_clear()
    try:
        with pytest.raises(PolicyError, match=r"languages\.toml.*unknown key\(s\) defualt"):
            triage_language.default_language()
    finally:
        triage_language.default_language.cache_clear()


@pytest.mark.parametrize("language", phrasebook.languages())
@pytest.mark.parametrize("add, after, where", [
    ("joner = ' '", None, "top level"),
    ("nmae = ['Ana']", "[slots]", "[slots]"),
    ("lowercse = 0.5", "[noise]", "[noise]"),
    ("wieght = 2.0", "needs_reply = true", "[families."),
])
def test_phrase_books_refuse_an_unknown_key(tmp_path, monkeypatch, language, add, after, where):
    _copy_with(tmp_path, f"triage_data/{language}/phrases.toml", add, after)
    monkeypatch.setattr(phrasebook, "ROOT", tmp_path / "triage_data")
    with pytest.raises(PolicyError, match=rf"phrases\.toml: {__import__('re').escape(where)}.*unknown key"):
        phrasebook.load_book(language)


def test_phrase_books_load_as_they_are():
    assert all(phrasebook.load_book(tag).families for tag in phrasebook.languages())
