"""One way to check a message for the API and the pages: fills the context the app knows.

The engine stays pure; the app adds what only it knows (an earlier review request for the
same order, from the history database; the seller's own dictionary, web.dictionary) before
asking it.
"""
from __future__ import annotations

from dataclasses import dataclass

import policy

from . import history
from .dictionary import seller_words

CONTEXT_FIELDS = ("order_id", "delivered_on", "delivered_latest")


def category_labels(marketplace: policy.Policy, locale: str = "en") -> dict[str, str]:
    """How each fixed category is named on the page: the marketplace's names (common.toml,
    overlaid by its marketplace.toml), the same table GET /api/marketplaces serves."""
    return marketplace.facts.names(locale)


def asks_for_review(text: str, marketplace: policy.Policy, template_id: str | None,
                    language: str | None = "auto") -> bool:
    """Whether the message is a review request (its template's kind, or text asking for a
    review, wherever written, in its language): the page records such a message in the
    history when copied."""
    template = template_id if template_id in marketplace.templates else None
    return marketplace.asks_for_review(text, template, language)


def check_message(text: str, marketplace: policy.Policy, template_id: str | None,
                  context: dict) -> list[policy.Finding]:
    return check_result(text, marketplace, template_id, context).findings


def check_result(text: str, marketplace: policy.Policy, template_id: str | None,
                 context: dict, language: str | None = "auto") -> policy.CheckResult:
    """The findings and the message's language; `language` is "auto" or a checked tag."""
    context = dict(context)
    own = seller_words()  # the seller's dictionary: words the spelling check takes as right
    if own:
        context["known_words"] = "\n".join(filter(None, (context.get("known_words"), own)))
    if context.get("order_id") and asks_for_review(text, marketplace, template_id, language):
        earlier = history.previous_request_on(context["order_id"], marketplace.marketplace)
        if earlier:
            context["previous_request_on"] = earlier
    return policy.check_message(text, marketplace=marketplace.marketplace, template=template_id,
                                context=context or None, language=language)


@dataclass(frozen=True)
class Piece:
    """A run of the message for the preview; `finding` is set when the run is flagged."""

    text: str
    finding: policy.Finding | None = None


def preview_pieces(text: str, findings: list[policy.Finding]) -> list[Piece]:
    """The message cut where highlights start and end (same cuts as compose.js draws).

    Where flagged spans overlap, the run shows the blocking finding first.
    """
    spans = [f for f in findings if f.end > f.start]
    cuts = sorted({0, len(text)} | {max(0, min(len(text), p)) for f in spans for p in (f.start, f.end)})
    pieces: list[tuple[int, int, tuple]] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(f for f in spans if f.start <= a and f.end >= b)
        if pieces and pieces[-1][2] == covering:
            pieces[-1] = (pieces[-1][0], b, covering)
        else:
            pieces.append((a, b, covering))
    out = []
    for a, b, covering in pieces:
        strongest = next((f for f in covering if f.blocks), covering[0] if covering else None)
        out.append(Piece(text[a:b], strongest))
    return out
