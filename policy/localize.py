"""Findings in the seller's locale: each rule's prose (message, its variants, source,
suggestions) and the marketplace's wording, from messages.<locale>.toml beside the rules.

Why a TOML file keyed by rule id, beside rules.toml, rather than a gettext catalog: the
person who writes a rule writes its translations in the same folder and the same format,
one table per rule id; the file is validated when the policy loads (an id that is no rule,
a field the rule does not have, a {placeholder} the English does not fill, or the reverse,
fails naming the file and the rule); and a reworded English rule does not silently orphan
its translation the way a gettext msgid keyed by the English text does.

The engine always checks in English (the locale never changes what is checked); the findings
it returns are then put into the locale here: the English text of each finding is matched
against the rule's English variants ("Too early ...: the window opens on {date}.") and the
same variant of the locale is filled with the same values. `replacements` are text for the
message and stay in the message's language.

    policy/common/messages.zh.toml      the common rules, [wording] defaults
    policy/<marketplace>/messages.zh.toml  its own rules, its [wording]
    policy/common/<lang>/messages.zh.toml  the rules written in <lang> (policy/common/<lang>/)
    policy/<marketplace>/<lang>/messages.zh.toml  the marketplace's own <lang> rules, if any

    [wording]
    marketplace = "亚马逊"
    [rules."inducement.money-for-review"]
    message = "..."
    source = "..."
    suggestions = ["...", "..."]
    message_early = "..."            # any message_* variant the rule has
    kind_messages = { order_page = "..." }
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from babel.lists import format_list

from .engine import load_policy
from .finding import Finding
from .language import language_data
from .marketplace import POLICY_ROOT, load_marketplace, marketplace_folder, shared_folder
from .policyfile import PolicyError, read_toml

SOURCE_LOCALE = "en"
PROSE_FIELDS = ("message", "source", "suggestions", "kind_messages")


def locale_file(folder: Path, locale: str) -> Path:
    return folder / f"messages.{locale}.toml"


def available_locales() -> tuple[str, ...]:
    """English and every locale the common folder has rule prose for."""
    found = sorted(p.name.split(".")[1] for p in (POLICY_ROOT / "common").glob("messages.*.toml"))
    return (SOURCE_LOCALE, *[loc for loc in found if loc != SOURCE_LOCALE])


def check_locale(raw) -> str:
    """`raw` as an available locale; ValueError with a message for the person otherwise."""
    locales = available_locales()
    if isinstance(raw, str) and raw.strip().lower().split("-")[0] in locales:
        return raw.strip().lower().split("-")[0]
    raise ValueError(f"unknown locale {str(raw)[:20]!r} (expected one of {', '.join(locales)})")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class _Keep(dict):
    def __missing__(self, key):  # a placeholder filled at check time ({date}) stays as written
        return "{" + key + "}"


@dataclass(frozen=True)
class Variant:
    """One English text of a rule, as a pattern that recovers its check-time values."""

    key: str            # "message", "message_early", "kind_messages.order_page", "source", ...
    pattern: re.Pattern

    @staticmethod
    def of(key: str, english: str) -> "Variant":
        parts, seen = [], set()
        for literal, name, _, _ in string.Formatter().parse(english):
            parts.append(re.escape(literal))
            if name:
                parts.append(".*?" if name in seen else f"(?P<{name}>.*?)")
                seen.add(name)
        return Variant(key, re.compile("".join(parts) + r"\Z", re.S))


@dataclass(frozen=True)
class RuleProse:
    variants: tuple[Variant, ...]          # English, most specific first
    texts: dict                            # key -> locale text (wording filled)
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class LocalePack:
    """What one marketplace says in one locale."""

    marketplace: str
    locale: str
    wording: dict[str, str]
    rules: dict[str, RuleProse]
    missing: tuple[str, ...]               # "rule id: field" the locale lacks (a test fails on any)

    def localize(self, finding: Finding) -> Finding:
        if self.locale == SOURCE_LOCALE:
            return finding
        if finding.category == "language":
            return _localize_language(finding, self)
        prose = self.rules.get(finding.rule)
        if prose is None:
            return finding
        return replace(finding, message=_translate(prose, finding.message, "message"),
                       source=_translate(prose, finding.source, "source"),
                       suggestions=prose.suggestions or finding.suggestions)


def _translate(prose: RuleProse, english: str, family: str) -> str:
    for variant in prose.variants:
        if (variant.key == "source") != (family == "source"):
            continue
        match = variant.pattern.match(english)
        if match and variant.key in prose.texts:
            return prose.texts[variant.key].format_map(_Keep(match.groupdict()))
    return english


def _english_variants(rule) -> dict[str, str]:
    out = {"message": rule.message}
    for key, value in rule.options.items():
        if key.startswith("message_") and isinstance(value, str):
            out[key] = value
        elif key == "kind_messages" and isinstance(value, dict):
            out.update((f"kind_messages.{k}", v) for k, v in value.items())
    return out


def localize(findings, marketplace: str, locale: str) -> list[Finding]:
    """The findings with their message, source and suggestions in `locale`."""
    pack = locale_pack(marketplace, locale)
    return [pack.localize(f) for f in findings]


@lru_cache(maxsize=None)
def locale_pack(marketplace: str, locale: str) -> LocalePack:
    """The marketplace's prose in `locale`, read and validated once per process: its rules'
    and those of every language rule set it checks (policy/common/<lang>/ and its own
    <lang>/ folders, each with a messages.<locale>.toml beside its rules.toml)."""
    policy = load_policy(marketplace)
    facts = load_marketplace(marketplace)
    folder = marketplace_folder(marketplace)
    english_wording = {"marketplace": facts.name, "order_id_example": facts.order_id.example,
                       "order_id_description": facts.order_id.description, **facts.wording}
    if locale == SOURCE_LOCALE:
        return LocalePack(marketplace, locale, english_wording, {}, ())
    shared = [shared_folder(name, folder.parent) for name in facts.includes]
    wording = dict(english_wording)
    base_ids = {r.id for r in policy.rules}
    tables = _prose_tables([*shared, folder], base_ids, locale, wording)
    # The wording is complete before any text is filled: language files only add rule prose.
    sets = [(None, policy.rules, tables)]
    for tag, rules in sorted(policy.language_rules.items()):
        # the language's own rules (the marketplace's, read again for it, carry no language)
        own = [r for r in rules if r.language]
        own_ids = {r.id for r in own}
        folders = [root / tag for root in (*shared, folder)]
        clash = own_ids & base_ids
        if clash:
            raise PolicyError(f"{folders[-1]}: rule {sorted(clash)[0]!r}: the id is also a rule of "
                              f"{folder}; its prose could not be told apart")
        sets.append((tag, own, _prose_tables(folders, own_ids, locale, None)))
    rules, missing = {}, []
    for tag, rule_list, found in sets:
        for rule in rule_list:
            if tag is not None and rule.id in rules:
                raise PolicyError(f"{folder}: rule {rule.id!r} is in two language rule sets; "
                                  "its prose could not be told apart")
            path, table = found.get(rule.id, (None, {}))
            rules[rule.id], gaps = _rule_prose(rule, table, path, wording)
            missing.extend(f"{rule.id}: {gap}" for gap in gaps)
    return LocalePack(marketplace, locale, wording, rules, tuple(missing))


def _prose_tables(folders: list[Path], own_ids: set[str], locale: str,
                  wording: dict | None) -> dict[str, tuple[Path, dict]]:
    """Rule id -> (file, prose table) from each folder's messages.<locale>.toml, later folders
    overlaying earlier ones (the last folder is the marketplace's own). [wording] goes into
    `wording`; a language folder (wording None) holds rule prose only."""
    last = folders[-1]
    tables: dict[str, tuple[Path, dict]] = {}
    for where in folders:
        path = locale_file(where, locale)
        if not path.is_file():
            continue
        data = read_toml(path, f"the {locale} rule prose")
        allowed = {"wording", "rules"} if wording is not None else {"rules"}
        unknown = set(data) - allowed
        if unknown:
            hint = "" if wording is not None else " (a language folder holds only [rules.\"<id>\"])"
            raise PolicyError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}{hint}")
        for key, value in (data.get("wording") or {}).items():
            if not isinstance(value, str) or not value.strip():
                raise PolicyError(f"{path}: [wording] {key}: expected text")
            wording[key] = value
        # A shared folder speaks for its own rules; a marketplace for any rule it has (its
        # facts give some of them texts, such as the link rule's [links.allowed] messages).
        folder_ids = own_ids if where == last else _rule_ids(where)
        # A rule the marketplace's own rules.toml replaces is not the shared one any more.
        replaced = _rule_ids(last) if where != last else set()
        for rule_id, table in (data.get("rules") or {}).items():
            if rule_id not in folder_ids:
                raise PolicyError(f"{path}: rule {rule_id!r}: no rule of that id in {where / 'rules.toml'}")
            if not isinstance(table, dict):
                raise PolicyError(f"{path}: rule {rule_id!r}: expected a table")
            if rule_id in own_ids and rule_id not in replaced:  # later folders overlay earlier ones
                earlier = tables.get(rule_id, (path, {}))[1]
                kinds = {**earlier.get("kind_messages", {}), **table.get("kind_messages", {})}
                merged = {**earlier, **table}
                if kinds:
                    merged["kind_messages"] = kinds
                tables[rule_id] = (path, merged)
    return tables


def _rule_ids(folder: Path) -> set[str]:
    path = folder / "rules.toml"
    if not path.is_file():
        return set()
    return {t.get("id") for t in read_toml(path, "rules file").get("rule", []) if isinstance(t, dict)}


def _rule_prose(rule, table: dict, path: Path | None, wording: dict) -> tuple[RuleProse, list[str]]:
    english = _english_variants(rule)
    english["source"] = rule.source
    fill = lambda text: text.format_map(_Keep(wording))  # noqa: E731

    def fail(problem: str) -> PolicyError:
        return PolicyError(f"{path}: rule {rule.id!r}: {problem}")

    texts, gaps = {}, []
    allowed = {"message", "source", "suggestions", "kind_messages"} | {k for k in english if k.startswith("message_")}
    unknown = set(table) - allowed
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))} (the rule has {', '.join(sorted(allowed))})")
    flat = {k: v for k, v in table.items() if k not in ("suggestions", "kind_messages")}
    for kind, value in (table.get("kind_messages") or {}).items():
        flat[f"kind_messages.{kind}"] = value
    for key, value in flat.items():
        if key not in english:
            raise fail(f"{key}: the rule has no such text")
        if not isinstance(value, str) or not value.strip():
            raise fail(f"{key}: expected text")
        value = fill(value)
        if _fields(value) != _fields(english[key]):
            raise fail(f"{key}: placeholders {sorted(_fields(value))} differ from the English "
                       f"{sorted(_fields(english[key]))}")
        texts[key] = value
    gaps.extend(key for key in english if key not in texts)
    suggestions = table.get("suggestions")
    if suggestions is None:
        if rule.suggestions:
            gaps.append("suggestions")
        suggestions = ()
    elif (not isinstance(suggestions, list) or not all(isinstance(s, str) and s.strip() for s in suggestions)
          or len(suggestions) != len(rule.suggestions)):
        raise fail(f"suggestions: expected {len(rule.suggestions)} texts, like the English")
    # Longer English texts first: a variant with fewer placeholders never shadows a fuller one.
    variants = tuple(Variant.of(k, v) for k, v in sorted(english.items(), key=lambda kv: -len(kv[1])))
    return RuleProse(variants, texts, tuple(fill(s) for s in suggestions)), gaps


def _localize_language(finding: Finding, pack: LocalePack) -> Finding:
    """The engine's own language findings: languages.toml's [messages.<locale>] and
    [names.<locale>] (the language names in the values are put into the locale too)."""
    data = language_data()
    english, local = data.messages, _language_messages(pack.locale)
    names_en = data.names
    names_local = _language_names(pack.locale)
    back = {v: k for k, v in names_en.items()}

    def name(value: str) -> str:
        # A list of languages ("English, German") the locale's way (CLDR, Babel): "英语和德语".
        return format_list([names_local.get(back.get(part, ""), part) for part in value.split(", ")],
                           locale=pack.locale)

    def put(text: str, keys: tuple[str, ...]) -> str:
        for key in keys:
            match = Variant.of(key, english[key]).pattern.match(text)
            if match and key in local:
                values = {k: (pack.wording["marketplace"] if k == "marketplace" else name(v))
                          for k, v in match.groupdict().items()}
                return local[key].format_map(_Keep(values))
        return text

    message_keys = ("unsupported_given", "unsupported", "unrecognised", "mismatch_buyer", "mismatch_template")
    return replace(finding, message=put(finding.message, message_keys),
                   source=put(finding.source, ("unsupported_source", "mismatch_source")),
                   suggestions=tuple(put(s, ("unsupported_suggestion",)) for s in finding.suggestions))


@lru_cache(maxsize=None)
def _language_messages(locale: str) -> dict[str, str]:
    return _language_table("messages", locale)


@lru_cache(maxsize=None)
def _language_names(locale: str) -> dict[str, str]:
    return _language_table("names", locale)


def _language_table(kind: str, locale: str) -> dict[str, str]:
    from .language import LANGUAGES_FILE
    table = read_toml(LANGUAGES_FILE, "the language settings").get(kind, {}).get(locale)
    if not isinstance(table, dict):
        raise PolicyError(f"{LANGUAGES_FILE}: [{kind}.{locale}] is missing")
    english = language_data().messages if kind == "messages" else language_data().names
    if kind == "messages":
        for key, text in table.items():
            if key not in english:
                raise PolicyError(f"{LANGUAGES_FILE}: [messages.{locale}] {key}: no such message")
            if _fields(text) != _fields(english[key]):
                raise PolicyError(f"{LANGUAGES_FILE}: [messages.{locale}] {key}: placeholders differ "
                                  "from the English")
    return dict(table)


def language_name(tag: str, locale: str) -> str:
    """A language's name in the interface locale ("German", "德语"); the tag when unnamed."""
    names = language_data().names if locale == SOURCE_LOCALE else _language_names(locale)
    return names.get(tag) or language_data().name(tag)


def language_gaps(locale: str) -> list[str]:
    """The language names and messages `locale` lacks (a test fails on any)."""
    if locale == SOURCE_LOCALE:
        return []
    data = language_data()
    names, messages = _language_names(locale), _language_messages(locale)
    return ([f"names.{locale}.{k}" for k in data.names if k not in names]
            + [f"messages.{locale}.{k}" for k in data.messages if k not in messages])
