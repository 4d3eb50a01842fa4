"""The /triage page: does a buyer's message need a reply, and which template fits."""
from flask import Blueprint

bp = Blueprint("triage", __name__)
