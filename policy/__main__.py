"""`python -m policy check ...` lints messages; `python -m policy triage ...` triages buyer messages."""
import sys

USAGE = "usage: python -m policy {check,triage} [options] [FILE ...]\n"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("check", "triage"):
        sys.stderr.write(USAGE)
        return 2
    if argv[0] == "check":
        from .cli_check import main as run
    else:
        from .cli_triage import main as run
    return run(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
