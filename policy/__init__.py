"""Marketplace messaging policy: check a seller's message, triage a buyer's.

    >>> import policy
    >>> findings = policy.check("Leave a 5-star review and get a $10 gift card!")
    >>> any(f.blocks for f in findings)
    True
"""
from .finding import CATEGORIES, SEVERITIES, Finding
from .engine import CheckResult, Policy, PolicyError, check, check_message, load_policy
from .textview import ContextError

__all__ = ["CATEGORIES", "SEVERITIES", "CheckResult", "ContextError", "Finding", "Policy",
           "PolicyError", "check", "check_message", "load_policy"]
