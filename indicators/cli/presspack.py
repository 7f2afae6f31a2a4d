"""`python -m indicators presspack --out DIR`: the press pack from the command line.

The slide set comes from options or from a presentation link (`--link "https://.../presentation?
present=1&fa=...&ind=..."`), so the pack a presenter prepared in the browser can be made on the
server. Exit 0 when written, 1 when it could not be made, 2 for a usage error (argparse).
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from indicators.cli.table import Command
from indicators.i18n import t

OK, FAILED, USAGE = 0, 1, 2


def arguments(parser, lang: str) -> None:
    parser.add_argument("--out", required=True, help=t("present.cli.help_out", lang))
    parser.add_argument("--link", help=t("present.cli.help_link", lang))
    parser.add_argument("--focus", help=t("present.cli.help_focus", lang))
    parser.add_argument("--indicators", help=t("present.cli.help_indicators", lang))
    parser.add_argument("--areas", help=t("present.cli.help_areas", lang))
    parser.add_argument("--lang", choices=["sv", "en"])
    parser.add_argument("--no-png", action="store_true", help=t("present.cli.help_no_png", lang))
    parser.add_argument("--no-zip", action="store_true", help=t("present.cli.help_no_zip", lang))


def params(args) -> dict[str, str]:
    """The query parameters the options describe (options win over the link)."""
    found: dict[str, str] = {}
    if args.link:
        query = urlsplit(args.link).query or args.link.lstrip("?")
        found.update({k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()})
    for option, key in (("focus", "fa"), ("indicators", "ind"), ("areas", "areas"), ("lang", "lang")):
        value = getattr(args, option)
        if value:
            found[key] = value
    return found


def run(args) -> int:
    from indicators import config, store
    from indicators.present import presspack, slideset
    from indicators.catalog import load_catalog

    catalog = load_catalog()
    spec = slideset.from_params(params(args), catalog)
    lang = spec.lang if (args.lang or args.link) else config.lang()
    spec = slideset.SlideSet(spec.focus_areas, spec.indicators, spec.areas, lang, spec.auto, 0,
                             spec.ignored)
    if spec.ignored:
        print(t("present.cli.ignored", lang, ids=", ".join(spec.ignored)), file=sys.stderr)
    try:
        con = store.connect()
        pack = presspack.build(con, catalog, spec, png=not args.no_png)
        paths = presspack.write(pack, Path(args.out), zip_name=None if args.no_zip else presspack.ZIP_NAME)
    except OSError as error:
        print(t("present.cli.failed", lang, error=str(error)), file=sys.stderr)
        return FAILED
    for warning in pack.warnings:
        print(warning, file=sys.stderr)
    print(t("present.cli.written", lang, count=len(paths), folder=str(Path(args.out)),
            slides=len(pack.slides), images=pack.images, seconds=f"{pack.seconds:.1f}"))
    return OK


COMMANDS = (Command("presspack", "present.cli.help", arguments, run),)
