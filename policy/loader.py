"""Read and validate a rules.toml: a malformed file fails at start, naming file, rule and problem.

Validation covers: TOML syntax, unknown or missing fields, unknown kind,
category or detector, bad severity, duplicate ids, patterns that do not compile
or are not linear-time (policy.patterns), and examples (every rule carries at
least one text it must flag and one it must pass).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

from .context import context_problem
from .finding import CATEGORIES, SEVERITIES
from .policyfile import PolicyError, read_toml
from .patterns import PatternError, compile_any, compile_pattern
from .rulekinds import KINDS, Rule


COMMON_FIELDS = {
    # name: (type, required)
    "id": ("str", True), "kind": ("str", True), "category": ("str", True),
    "severity": ("str", True), "source": ("str", True), "message": ("str", True),
    "suggestions": ("str_list", True), "replacements": ("str_list", False),
    "yields_to": ("str_list", False), "examples": ("examples", True),
    # a word-reading rule whose patterns hold no words of a language (line breaks): it runs
    # on a message in every language, like a detector
    "any_language": ("bool", False),
}


def _default_detectors() -> Mapping:
    from .detectors import DETECTORS
    return DETECTORS


def load_rules(path: str | Path, detectors: Mapping | None = None) -> list[Rule]:
    """Parse, validate and compile every rule of the rules file at `path`, in file order."""
    return read_rules(path, detectors)[0]


def read_rules(path: str | Path, detectors: Mapping | None = None,
               inherited_words: Mapping[str, str] | None = None,
               wording: Mapping[str, str] | None = None,
               language_words: Mapping[str, str] | None = None,
               keep=None) -> tuple[list[Rule], dict[str, str]]:
    """The rules of the file at `path` and its word lists (the inherited ones overlaid by the
    file's own). `wording` fills {marketplace}-style names in messages, sources and
    suggestions (placeholders filled at check time, such as {date}, stay).
    `language_words` (one language's own lists, already checked) win over the file's, and
    `keep(table)` picks the rules to build: the file read again for a message in that
    language (load_language_rule_sets)."""
    path = Path(path)
    data = read_toml(path, "rules file")
    unknown = set(data) - {"rule", "words"}
    if unknown:
        raise PolicyError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))} "
                          "(rules are [[rule]] tables, shared word lists a [words] table)")
    own = data.get("words", {})
    if not isinstance(own, dict):
        raise PolicyError(f"{path}: [words] must map names to patterns")
    words = dict(inherited_words or {})
    words.update(own)
    for name, value in own.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            words[name] = "|".join(value)  # a list is a list of alternatives
        elif not isinstance(value, str):
            raise PolicyError(f"{path}: word list {name!r}: expected a pattern or a list of patterns")
    for name in own if language_words is None else ():
        try:
            compile_pattern(words[name], words)
        except PatternError as exc:
            raise PolicyError(f"{path}: word list {name!r}: {exc}") from None
    words.update(language_words or {})
    tables = data.get("rule", [])
    if not isinstance(tables, list) or (not tables and not own):
        raise PolicyError(f"{path}: no [[rule]] tables found")
    if keep is not None:
        tables = [t for t in tables if keep(t)]
    if detectors is None:
        detectors = _default_detectors()
    rules, seen = [], set()
    for n, table in enumerate(tables, 1):
        rule = _build_rule(path, n, table, detectors, words)
        if rule.id in seen:
            raise PolicyError(f"{path}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        if wording:
            _fill_wording(rule, wording)
        rules.append(rule)
    return rules, words


def _fill_wording(rule: Rule, wording: Mapping[str, str]) -> None:
    """Put the marketplace's names into a rule's texts ("keep buyers in {marketplace} messaging")."""
    fill = lambda text: text.format_map(_Keep(wording))  # noqa: E731
    rule.message = fill(rule.message)
    rule.source = fill(rule.source)
    rule.suggestions = tuple(fill(s) for s in rule.suggestions)
    for key, value in rule.options.items():
        if key.startswith("message") and isinstance(value, str):
            rule.options[key] = fill(value)
        elif key == "kind_messages" and isinstance(value, dict):
            rule.options[key] = {k: fill(v) for k, v in value.items()}


class _Keep(dict):
    def __missing__(self, key):  # a placeholder filled at check time ({date}) stays as written
        return "{" + key + "}"


def load_rule_set(folder: Path, facts, detectors: Mapping | None = None) -> list[Rule]:
    """The rules of a marketplace: each included shared folder's rules.toml (common), then the
    marketplace's own, which replaces an included rule of the same id (LanguageTool's variant
    overlay); own rules come first, in file order; then `disabled_rules` are dropped and the
    category settings applied ("off" drops a category's rules, "warn"/"block" sets their
    severity)."""
    return _rule_set(folder, facts, detectors)[0]


def load_language_rule_sets(folder: Path, facts, detectors: Mapping | None = None
                            ) -> dict[str, list[Rule]]:
    """The rules a message in one language is checked against, per language tag that has
    rules of its own (<shared>/<lang>/rules.toml, e.g. policy/common/de/, overlaid by the
    marketplace's <lang>/rules.toml): the marketplace's rules that read no words (detectors,
    capitals, lengths, the order ID, review timing: Rule.READS_WORDS false, or any_language),
    compiled with the language's word lists where those share a name (its `review_request`
    makes a free-typed request in that language a review request), then the language's own.
    The marketplace's word rules are written in its first language and do not run on it."""
    from .marketplace import shared_folder
    base_rules, base_words = _rule_set(folder, facts, detectors)
    kind_of = {r.id: r.kind for r in base_rules}  # what the overlay kept, of which kind
    shared = [shared_folder(name, folder.parent) for name in facts.includes]
    tags = sorted({p.parent.name for root in (*shared, folder) for p in root.glob("*/rules.toml")
                   if _LANGUAGE_FOLDER.match(p.parent.name)})
    out = {}
    for tag in tags:
        own, words = _rule_set(folder, facts, detectors, tag, base_words)
        language_words = {n: v for n, v in words.items() if base_words.get(n) != v}
        neutral = _rule_set(folder, facts, detectors, language_words=language_words,
                            keep=_reads_no_language)[0]
        # A neutral rule the marketplace replaced by a word rule of the same id is not one.
        out[tag] = [r for r in neutral if kind_of.get(r.id) == r.kind] + own
    return out


def _reads_no_language(table) -> bool:
    """Whether a rule (its table in a rules file) holds no words of a language."""
    kind = KINDS.get(table.get("kind")) if isinstance(table, dict) else None
    return kind is not None and (not kind.READS_WORDS or table.get("any_language") is True)


# A language folder is named by a BCP 47 primary tag (de, fr, ja).
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}$")


def _rule_set(folder: Path, facts, detectors: Mapping | None, language: str | None = None,
              words: dict[str, str] | None = None, language_words: Mapping[str, str] | None = None,
              keep=None) -> tuple[list[Rule], dict[str, str]]:
    """load_rule_set's overlay for the marketplace (language None) or for one language's
    subfolders; also the word lists in force after it. `language_words` and `keep`: the
    marketplace's rules read again for a language (read_rules)."""
    from .marketplace import shared_folder
    wording = {"marketplace": facts.name, "order_id_example": facts.order_id.example,
               "order_id_description": facts.order_id.description, **facts.wording}
    sub = Path(language) if language else Path()
    if words is None:
        words = {"marketplace_name": re.escape(facts.name.lower())}
    included: dict[str, Rule] = {}
    for name in facts.includes:
        path = shared_folder(name, folder.parent) / sub / "rules.toml"
        if path.is_file():
            rules, words = read_rules(path, detectors, words, wording, language_words, keep)
            included.update((r.id, r) for r in rules)
    own: list[Rule] = []
    if language is None or (folder / sub / "rules.toml").is_file():
        own, words = read_rules(folder / sub / "rules.toml", detectors, words, wording,
                                language_words, keep)
    # The marketplace's own rules first, in file order, then the included ones it keeps.
    ordered = {r.id: r for r in own}
    ordered.update((i, r) for i, r in included.items() if i not in ordered)
    for rule_id in facts.disabled_rules if language is None else ():
        if keep is not None:
            ordered.pop(rule_id, None)  # checked when the whole set was read
            continue
        if rule_id not in ordered:
            raise PolicyError(f"{folder / 'marketplace.toml'}: disabled_rules: no rule {rule_id!r}")
        del ordered[rule_id]
    for rule_id in facts.rule_severity if language is None and keep is None else ():
        if rule_id not in ordered:
            raise PolicyError(f"{folder / 'marketplace.toml'}: [rule_severity]: no rule {rule_id!r}")
    out = []
    for rule in ordered.values():
        if language is not None and rule.id in facts.disabled_rules:
            continue
        rule.language = language
        setting = facts.rule_severity.get(rule.id) or facts.category_severity.get(rule.category)
        if setting == "off":
            continue
        if setting in ("block", "warn"):
            rule.severity = setting
        out.append(rule)
    return out, words


def _build_rule(path: Path, n: int, table, detectors: Mapping, words: dict) -> Rule:
    if not isinstance(table, dict):
        raise PolicyError(f"{path}: rule #{n}: expected a [[rule]] table")
    rule_id = table.get("id") if isinstance(table.get("id"), str) else f"#{n}"

    def fail(problem: str) -> PolicyError:
        return PolicyError(f"{path}: rule {rule_id!r}: {problem}")

    kind = table.get("kind")
    if not isinstance(kind, str):
        raise fail("missing field 'kind'")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    cls = KINDS[kind]
    spec = {**COMMON_FIELDS, **cls.FIELDS}
    unknown = set(table) - set(spec)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))} for kind {kind!r}")
    values = {}
    for name, (ftype, required) in spec.items():
        if name not in table:
            if required:
                raise fail(f"missing field {name!r}")
            continue
        try:
            values[name] = _convert(ftype, table[name], detectors, words)
        except (PatternError, ValueError, TypeError) as exc:
            raise fail(f"field {name!r}: {exc}") from None
    if not values["id"].strip():
        raise fail("empty id")
    if values["category"] not in CATEGORIES:
        raise fail(f"unknown category {values['category']!r} "
                   f"(expected one of {', '.join(CATEGORIES)})")
    if values["severity"] not in SEVERITIES:
        raise fail(f"bad severity {values['severity']!r} (expected block or warn)")
    for other in values.get("yields_to", ()):
        if other not in CATEGORIES:
            raise fail(f"field 'yields_to': unknown category {other!r}")
    for name in ("message", "source"):
        if not values[name].strip():
            raise fail(f"field {name!r} is empty")
    flag, pass_ = values.pop("examples")
    common = {k: values.pop(k) for k in list(values) if k in COMMON_FIELDS}
    rule = cls(
        id=common["id"], kind=kind, category=common["category"], severity=common["severity"],
        source=common["source"], message=common["message"],
        suggestions=tuple(common["suggestions"]),
        replacements=tuple(common.get("replacements", ())),
        yields_to=tuple(common.get("yields_to", ())),
        examples_flag=flag, examples_pass=pass_, options=values,
    )
    problem = rule.check_options()
    if problem:
        raise fail(problem)
    return rule


def _str_list(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return value


def _convert(ftype: str, value, detectors: Mapping, words: dict):
    if ftype == "str":
        if not isinstance(value, str):
            raise ValueError("expected a string")
        return value
    if ftype == "bool":
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if ftype == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError("expected a whole number >= 0")
        return value
    if ftype == "str_list":
        return _str_list(value)
    if ftype == "probability":
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value < 1:
            raise ValueError("expected a number between 0 and 1 (exclusive)")
        return float(value)
    if ftype == "model":
        from .violation_model import load_violation_model, model_path
        if not isinstance(value, str):
            raise ValueError("expected the model's path relative to policy/ (a string)")
        try:
            return load_violation_model(model_path(value))
        except PolicyError as exc:
            raise ValueError(str(exc)) from None
    if ftype == "str_table":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError("expected a table of strings")
        return dict(value)
    if ftype == "patterns":
        patterns = _str_list(value)
        if not patterns:
            raise ValueError("expected at least one pattern")
        return compile_any(patterns, words)
    if ftype == "swaps":
        if not isinstance(value, list) or not value:
            raise ValueError("expected a list of { find = ..., replace = ... } tables")
        swaps = []
        for swap in value:
            if not isinstance(swap, dict) or "find" not in swap or set(swap) - {"find", "replace"}:
                raise ValueError("each swap is { find = \"pattern\", replace = \"text\" or [...] }")
            replace = swap.get("replace", [])
            replace = [replace] if isinstance(replace, str) else _str_list(replace)
            swaps.append((compile_pattern(swap["find"], words), tuple(replace)))
        return swaps
    if ftype == "detector":
        if value not in detectors:
            raise ValueError(f"unknown detector {value!r} (expected one of {', '.join(sorted(detectors))})")
        return (value, detectors[value])
    if ftype == "detectors":
        names = _str_list(value)
        for name in names:
            if name not in detectors:
                raise ValueError(f"unknown detector {name!r} "
                                 f"(expected one of {', '.join(sorted(detectors))})")
        return [(name, detectors[name]) for name in names]
    if ftype == "examples":
        return _examples(value)
    raise ValueError(f"internal: unknown field type {ftype}")  # pragma: no cover


def _examples(value) -> tuple[tuple, tuple]:
    """examples = { flag = [...], pass = [...] }; an entry is a text or
    { text = "...", context = {...}, template = "<id>" | template_kind/max_length,
    language = "<tag>" (the message's language, when the rule runs on several) }."""
    if not isinstance(value, dict) or set(value) - {"flag", "pass"}:
        raise ValueError("expected { flag = [...], pass = [...] }")
    out = []
    for key in ("flag", "pass"):
        entries = value.get(key)
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"needs at least one '{key}' example")
        items = []
        for entry in entries:
            if isinstance(entry, str):
                entry = {"text": entry}
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
                raise ValueError(f"a '{key}' example is a string or a table with a 'text'")
            extra = set(entry) - {"text", "context", "template", "template_kind", "max_length",
                                  "language"}
            if extra:
                raise ValueError(f"unknown example field(s) {', '.join(sorted(extra))}")
            context = entry.get("context", {})
            if not isinstance(context, dict):
                raise ValueError("an example's context is a table")
            for key, val in context.items():
                problem = context_problem(key, val)
                if problem:
                    raise ValueError(f"example context: {problem}")
            items.append(dict(entry))
        out.append(tuple(items))
    return out[0], out[1]
