"""A marketplace's facts, as data: policy/<marketplace>/marketplace.toml, validated at start.

Everything that differs between marketplaces and is not a rule lives in that file:
its display name and languages, which categories apply and at what severity, the
categories' display names, message kinds and their length limits, order-ID formats,
the reply clock, review-request rules, allowed links, extra triage intents and the
interface wording ("Seller Central", "Mark as no response needed").
docs/policy-dialect.md describes every key.

A marketplace is any folder under policy/ holding a marketplace.toml; the shared
folder policy/common/ (rules, word lists and category names every marketplace
includes) has none. The default marketplace is the MARKETPLACE environment variable,
else policy/common/common.toml's `default_marketplace`.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .finding import CATEGORIES
from .patterns import PatternError, compile_plain
from .policyfile import PolicyError, read_toml
from .schema import check_table
from .templates import PYTHON_ONLY_PATTERN_RE

POLICY_ROOT = Path(__file__).resolve().parent
COMMON = "common"
FACTS_FILE = "marketplace.toml"
COMMON_FILE = "common.toml"
_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
CATEGORY_SEVERITIES = ("block", "warn", "off")
REPLY_SCOPES = ("every_message", "first_message")
# Interface wording a page, a script or a rule's message may show; the first four are required.
WORDING_KEYS = {
    "policy_name": ("text", True),        # the name of its messaging policy document
    "seller_tool": ("text", True),        # where the seller pastes the message: "Seller Central"
    "messages_page": ("text", True),      # the marketplace's messaging page: "Buyer-Seller Messages"
    "customer": ("text", True),           # what the marketplace calls a buyer: "buyer", "customer"
    "no_response_needed": ("text", False),  # the button that closes a message without reply
    "order_id_name": ("text", False),     # "order ID", "order number", "purchase order number"
}


@dataclass(frozen=True)
class MessageKind:
    """One kind of message the marketplace knows (an SP-API operation, a reply, ...)."""

    id: str
    title: str
    template_kind: str
    max_length: int
    rejects_longer: bool = False  # the marketplace refuses a longer text (not just a warning)

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "template_kind": self.template_kind,
                "max_length": self.max_length, "rejects_longer": self.rejects_longer}


def _grouped(pattern: str) -> str:
    """`pattern` safe to put between anchors: grouped when it has an alternation."""
    return f"(?:{pattern})" if "|" in pattern else pattern


@dataclass(frozen=True)
class OrderIdFormat:
    """The marketplace's order-ID formats: written once, used by rules, forms and history."""

    patterns: tuple[str, ...]
    example: str
    description: str
    required_in: tuple[str, ...]   # template kinds whose text must carry the order ID

    @property
    def pattern(self) -> str:
        """All formats as one plain pattern, without anchors or word edges."""
        return "|".join(_grouped(p) for p in self.patterns) if len(self.patterns) > 1 \
            else self.patterns[0]

    @property
    def field_pattern(self) -> str:
        """The pattern a form field's whole value must match (Python and browser alike)."""
        return f"^{_grouped(self.pattern)}$"

    @property
    def in_text(self) -> str:
        """The pattern that finds an order ID inside a message (not inside a longer number)."""
        return rf"\b{_grouped(self.pattern)}\b"

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, (value or "").strip()) is not None

    def to_dict(self) -> dict:
        return {"pattern": self.field_pattern, "example": self.example,
                "description": self.description}


@dataclass(frozen=True)
class ReplyClock:
    hours: int
    counts_weekends: bool
    applies_to: str          # every_message | first_message
    note: str                # one line for the seller ("... counts every message not answered ...")

    def to_dict(self) -> dict:
        return {"hours": self.hours, "counts_weekends": self.counts_weekends,
                "applies_to": self.applies_to, "note": self.note}


@dataclass(frozen=True)
class ReviewRequests:
    allowed: bool
    once_per_order: bool
    template_kinds: tuple[str, ...]      # which template kinds are review requests
    opens_after_days: int | None         # after the earliest delivery date
    closes_after_days: int | None        # after the latest delivery date
    note: str

    def to_dict(self) -> dict:
        return {"allowed": self.allowed, "once_per_order": self.once_per_order,
                "template_kinds": list(self.template_kinds),
                "opens_after_days": self.opens_after_days,
                "closes_after_days": self.closes_after_days, "note": self.note}


@dataclass(frozen=True)
class AllowedLink:
    """Links the marketplace lets a seller send (its own order pages, a seller's own shop)."""

    kind: str                 # the finding's hit kind, e.g. "order_page"
    domain: str               # registered name, any public suffix: "shop" -> shop.com, shop.de
    paths: tuple[str, ...]    # plain patterns matched at the start of the link's path; () = any
    severity: str             # "warn" (shown, not blocking) or "off" (not reported)
    message: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "domain": self.domain, "paths": list(self.paths),
                "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class Links:
    """What the link detector needs to know about the marketplace's own site."""

    own_domain: str                    # its bare name ("Shop.com") is the brand, not a link
    blocked_paths: tuple[str, ...]     # own pages that block all the same (product, store pages)
    allowed: tuple[AllowedLink, ...]   # checked in file order; the first that matches decides

    def to_dict(self) -> dict:
        return {"own_domain": self.own_domain, "blocked_paths": list(self.blocked_paths),
                "allowed": [link.to_dict() for link in self.allowed]}


@dataclass(frozen=True)
class Marketplace:
    id: str
    name: str
    languages: tuple[str, ...]
    default_language: str
    includes: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    category_severity: dict[str, str]           # category -> block | warn | off
    category_names: dict[str, dict[str, str]]   # locale -> category -> display name
    template_kinds: dict[str, str]              # template kind -> what it is
    message_kinds: dict[str, MessageKind]
    max_length: int                             # limit of a message without a template
    order_id: OrderIdFormat
    reply_clock: ReplyClock
    review_requests: ReviewRequests
    links: Links
    intents: dict[str, str]                     # extra triage intents: id -> display name
    wording: dict[str, str] = field(default_factory=dict)
    rule_severity: dict[str, str] = field(default_factory=dict)  # rule id -> block | warn
    allowed_phone_numbers: tuple[str, ...] = ()                  # its own help lines: not flagged

    def applies(self, category: str) -> bool:
        return self.category_severity.get(category) != "off"

    def names(self, locale: str = "en") -> dict[str, str]:
        """Category display names in `locale`, English where the locale has none."""
        return {**self.category_names.get("en", {}), **self.category_names.get(locale, {})}

    def to_dict(self, locale: str = "en") -> dict:
        """The JSON shape served by GET /api/marketplaces."""
        return {
            "id": self.id, "name": self.name, "languages": list(self.languages),
            "default_language": self.default_language,
            "categories": {c: {"name": self.names(locale).get(c, c),
                               "applies": self.applies(c),
                               **({"severity": self.category_severity[c]}
                                  if c in self.category_severity else {})}
                           for c in CATEGORIES},
            "template_kinds": dict(self.template_kinds),
            "message_kinds": [k.to_dict() for k in self.message_kinds.values()],
            "max_length": self.max_length,
            "order_id": self.order_id.to_dict(),
            "reply_clock": self.reply_clock.to_dict(),
            "review_requests": self.review_requests.to_dict(),
            "links": self.links.to_dict(),
            "intents": dict(self.intents),
            "wording": dict(self.wording),
        }


# -- discovery and the default --------------------------------------------------------

def policy_roots() -> list[Path]:
    """Folders holding marketplace folders: those of the POLICY_PATH environment variable
    (os.pathsep-separated; a seller's own marketplaces), then the built-in policy/."""
    extra = [Path(p) for p in os.environ.get("POLICY_PATH", "").split(os.pathsep) if p.strip()]
    return [*extra, POLICY_ROOT]


def marketplace_ids() -> list[str]:
    """Every marketplace: each folder of a policy root that holds a marketplace.toml, sorted."""
    found = set()
    for root in policy_roots():
        if root.is_dir():
            found.update(p.name for p in root.iterdir()
                         if p.is_dir() and (p / FACTS_FILE).is_file() and _ID_RE.match(p.name))
    return sorted(found)


def marketplace_folder(marketplace: str) -> Path:
    """policy/<marketplace>/ (or the POLICY_PATH folder holding it); PolicyError if none."""
    if isinstance(marketplace, str) and _ID_RE.match(marketplace):
        for root in policy_roots():
            if (root / marketplace / FACTS_FILE).is_file():
                return root / marketplace
    raise PolicyError(f"unknown marketplace {str(marketplace)[:40]!r} "
                      f"(expected one of {', '.join(marketplace_ids())})")


def default_marketplace() -> str:
    """The MARKETPLACE environment variable, else common.toml's default_marketplace."""
    chosen = os.environ.get("MARKETPLACE", "").strip()
    return chosen or _common(POLICY_ROOT)["default_marketplace"]


@lru_cache(maxsize=None)
def policy_version(marketplace: str) -> str:
    """The version of a marketplace's policy as checks report it (DESIGN.md: `/api/check`'s
    "policy"): the first 12 hex digits of a SHA-256 over the marketplace's folder and the folders
    it includes, every TOML file's path and bytes. It changes whenever a rule, a word list, a
    template or a fact does, so a stored result can say which policy judged it."""
    folder = marketplace_folder(marketplace)
    includes = load_marketplace_from(folder).includes
    digest = hashlib.sha256()
    for root in (folder, *(shared_folder(name, folder.parent) for name in includes)):
        for path in sorted(root.glob("**/*.toml")):
            digest.update(f"{root.name}/{path.relative_to(root)}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def shared_folder(name: str, near: Path) -> Path:
    """A folder a marketplace includes (e.g. common): beside the marketplace, else policy/."""
    for root in (near, POLICY_ROOT):
        if (root / name).is_dir():
            return root / name
    raise PolicyError(f"no shared policy folder {name!r} beside {near} or in {POLICY_ROOT}")


@lru_cache(maxsize=None)
def load_marketplace(marketplace: str) -> Marketplace:
    """The validated facts of policy/<marketplace>/ (cached: facts never change at run time)."""
    return load_marketplace_from(marketplace_folder(marketplace))


# -- reading and validating --------------------------------------------------------------

_COMMON_KEYS = {"default_marketplace": ("text", True), "categories": ("table", True)}
_FACT_KEYS = {
    "name": ("text", True), "languages": ("str_list", True), "default_language": ("text", False),
    "includes": ("str_list", False), "disabled_rules": ("str_list", False),
    "categories": ("table", False), "template_kinds": ("str_table", True),
    "message_kinds": ("table", True), "max_length": ("int", True), "order_id": ("table", True),
    "reply_clock": ("table", True), "review_requests": ("table", True),
    "links": ("table", True), "intents": ("str_table", False),
    "wording": ("table", True),
    "rule_severity": ("str_table", False), "allowed_phone_numbers": ("str_list", False),
}
_CATEGORY_KEYS = {"name": ("text", False), "names": ("str_table", False),
                  "severity": ("text", False)}
_MESSAGE_KIND_KEYS = {"title": ("text", True), "template_kind": ("text", True),
                      "max_length": ("int", True), "rejects_longer": ("bool", False)}
_ORDER_ID_KEYS = {"patterns": ("str_list", True), "example": ("text", True),
                  "description": ("text", True), "required_in": ("str_list", False)}
_REPLY_KEYS = {"hours": ("int", True), "counts_weekends": ("bool", True),
               "applies_to": ("text", True), "note": ("text", True)}
_REVIEW_KEYS = {"allowed": ("bool", True), "once_per_order": ("bool", True),
                "template_kinds": ("str_list", False), "opens_after_days": ("int", False),
                "closes_after_days": ("int", False), "note": ("text", True)}
_LINKS_KEYS = {"own_domain": ("text", True), "blocked_paths": ("str_list", False),
               "allowed": ("table", False)}
_LINK_KEYS = {"domain": ("text", False), "paths": ("str_list", False),
              "severity": ("text", True), "message": ("text", True)}


@lru_cache(maxsize=None)
def _common(root: Path) -> dict:
    path = root / COMMON / COMMON_FILE
    data = check_table(read_toml(path, "common policy file"), _COMMON_KEYS, str(path))
    names: dict[str, dict[str, str]] = {}
    _read_categories(data["categories"], f"{path}: [categories]", names, {})
    missing = [c for c in CATEGORIES if c not in names.get("en", {})]
    if missing:
        raise PolicyError(f"{path}: [categories]: no English name for {', '.join(missing)}")
    return {"default_marketplace": data["default_marketplace"], "category_names": names}


def _read_categories(table: dict, where: str, names: dict, severity: dict) -> None:
    for category, entry in table.items():
        if category not in CATEGORIES:
            raise PolicyError(f"{where}: unknown category {category!r} "
                              f"(expected one of {', '.join(CATEGORIES)})")
        check_table(entry, _CATEGORY_KEYS, f"{where}.{category}")
        if "name" in entry:
            names.setdefault("en", {})[category] = entry["name"]
        for locale, name in entry.get("names", {}).items():
            names.setdefault(locale, {})[category] = name
        if "severity" in entry:
            if entry["severity"] not in CATEGORY_SEVERITIES:
                raise PolicyError(f"{where}.{category}: severity must be one of "
                                  f"{', '.join(CATEGORY_SEVERITIES)}")
            severity[category] = entry["severity"]


def _plain_patterns(patterns, where: str) -> None:
    for pattern in patterns:
        try:
            compile_plain(pattern)
        except PatternError as exc:
            raise PolicyError(f"{where}: {exc}") from None


def load_marketplace_from(folder: str | Path) -> Marketplace:
    """Read and validate folder/marketplace.toml (uncached); the folder name is the id."""
    folder = Path(folder)
    path = folder / FACTS_FILE
    where = str(path)
    data = check_table(read_toml(path, "marketplace file"), _FACT_KEYS, where)
    if not _ID_RE.match(folder.name):
        raise PolicyError(f"{folder}: a marketplace folder is named in lower case letters, "
                          "digits and _ (it is the marketplace id)")

    languages = tuple(data["languages"])
    for lang in languages:
        if not _LANGUAGE_RE.match(lang):
            raise PolicyError(f"{where}: languages: {lang!r} is not a BCP 47 primary tag (en, de)")
    default_language = data.get("default_language", languages[0] if languages else "")
    if not languages or default_language not in languages:
        raise PolicyError(f"{where}: default_language must be one of languages")

    common = _common(POLICY_ROOT)
    names = {locale: dict(table) for locale, table in common["category_names"].items()}
    severity: dict[str, str] = {}
    _read_categories(data.get("categories", {}), f"{where}: [categories]", names, severity)

    template_kinds = dict(data["template_kinds"])
    if not template_kinds:
        raise PolicyError(f"{where}: [template_kinds] needs at least one kind")
    for kind in template_kinds:
        if not _ID_RE.match(kind):
            raise PolicyError(f"{where}: [template_kinds]: {kind!r} must be lower_snake_case")

    def known_kinds(kinds, key):
        bad = [k for k in kinds if k not in template_kinds]
        if bad:
            raise PolicyError(f"{where}: {key}: unknown template kind(s) {', '.join(bad)} "
                              f"(declared in [template_kinds]: {', '.join(template_kinds)})")
        return tuple(kinds)

    message_kinds = {}
    for kind_id, entry in data["message_kinds"].items():
        check_table(entry, _MESSAGE_KIND_KEYS, f"{where}: [message_kinds.{kind_id}]")
        known_kinds([entry["template_kind"]], f"[message_kinds.{kind_id}] template_kind")
        if entry["max_length"] < 1:
            raise PolicyError(f"{where}: [message_kinds.{kind_id}] max_length must be positive")
        message_kinds[kind_id] = MessageKind(kind_id, entry["title"], entry["template_kind"],
                                             entry["max_length"], entry.get("rejects_longer", False))
    if not message_kinds:
        raise PolicyError(f"{where}: [message_kinds] needs at least one kind")
    if data["max_length"] < 1:
        raise PolicyError(f"{where}: max_length must be positive")

    raw = check_table(data["order_id"], _ORDER_ID_KEYS, f"{where}: [order_id]")
    for pattern in raw["patterns"]:
        try:
            compile_plain(pattern)
        except PatternError as exc:
            raise PolicyError(f"{where}: [order_id] patterns: {exc}") from None
        if PYTHON_ONLY_PATTERN_RE.search(pattern) or pattern.startswith("^") or pattern.endswith("$"):
            raise PolicyError(f"{where}: [order_id] pattern {pattern!r}: write the bare format "
                              "(no ^ or $, no Python-only syntax: it also runs in the browser)")
    order_id = OrderIdFormat(tuple(raw["patterns"]), raw["example"], raw["description"],
                             known_kinds(raw.get("required_in", []), "[order_id] required_in"))
    if not order_id.matches(order_id.example):
        raise PolicyError(f"{where}: [order_id] example {order_id.example!r} matches no pattern")

    raw = check_table(data["reply_clock"], _REPLY_KEYS, f"{where}: [reply_clock]")
    if raw["applies_to"] not in REPLY_SCOPES:
        raise PolicyError(f"{where}: [reply_clock] applies_to must be one of {', '.join(REPLY_SCOPES)}")
    reply_clock = ReplyClock(raw["hours"], raw["counts_weekends"], raw["applies_to"], raw["note"])

    raw = check_table(data["review_requests"], _REVIEW_KEYS, f"{where}: [review_requests]")
    if ("opens_after_days" in raw) != ("closes_after_days" in raw):
        raise PolicyError(f"{where}: [review_requests]: give both opens_after_days and "
                          "closes_after_days, or neither (no window)")
    review = ReviewRequests(raw["allowed"], raw["once_per_order"],
                            known_kinds(raw.get("template_kinds", []), "[review_requests] template_kinds"),
                            raw.get("opens_after_days"), raw.get("closes_after_days"), raw["note"])

    raw = check_table(data["links"], _LINKS_KEYS, f"{where}: [links]")
    own = raw["own_domain"].lower()
    _plain_patterns(raw.get("blocked_paths", []), f"{where}: [links] blocked_paths")
    allowed = []
    for kind, entry in raw.get("allowed", {}).items():
        here = f"{where}: [links.allowed.{kind}]"
        check_table(entry, _LINK_KEYS, here)
        if entry["severity"] not in ("warn", "off"):
            raise PolicyError(f"{here}: severity must be warn or off")
        _plain_patterns(entry.get("paths", []), f"{here} paths")
        allowed.append(AllowedLink(kind, entry.get("domain", own).lower(),
                                   tuple(entry.get("paths", [])), entry["severity"], entry["message"]))
    links = Links(own, tuple(raw.get("blocked_paths", [])), tuple(allowed))

    intents = dict(data.get("intents", {}))
    for intent in intents:
        if not _ID_RE.match(intent):
            raise PolicyError(f"{where}: [intents]: {intent!r} must be lower_snake_case")
    wording = dict(check_table(data["wording"], WORDING_KEYS, f"{where}: [wording]"))

    rule_severity = dict(data.get("rule_severity", {}))
    for rule_id, level in rule_severity.items():
        if level not in ("block", "warn"):
            raise PolicyError(f"{where}: [rule_severity]: {rule_id}: {level!r} is not block or warn")
    phones = tuple(data.get("allowed_phone_numbers", []))
    for number in phones:
        if sum(ch.isdigit() for ch in number) < 7:
            raise PolicyError(f"{where}: allowed_phone_numbers: {number!r} is not a phone number")

    includes = tuple(data.get("includes", [COMMON]))
    for shared in includes:
        try:
            shared_folder(shared, folder.parent)
        except PolicyError as exc:
            raise PolicyError(f"{where}: includes: {exc}") from None

    return Marketplace(
        id=folder.name, name=data["name"], languages=languages, default_language=default_language,
        includes=includes, disabled_rules=tuple(data.get("disabled_rules", [])),
        category_severity=severity, category_names=names, template_kinds=template_kinds,
        message_kinds=message_kinds, max_length=data["max_length"], order_id=order_id,
        reply_clock=reply_clock, review_requests=review, links=links,
        intents=intents, wording=wording, rule_severity=rule_severity, allowed_phone_numbers=phones,
    )
