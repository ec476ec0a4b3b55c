#!/usr/bin/env python3
"""Checks a .po file: every translated message keeps the placeholders of its English text.

fmt placeholders ({}, {:>8}, {0}) must be the same and in the same order (the message is
formatted with the English text's arguments, in order), and so must printf conversions of
c-format messages (%s, %d, %%). Escaped braces ({{ }}) are text.

    python3 po/check-placeholders.py po/zh_CN.po
"""
import re
import sys

FMT = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
PRINTF = re.compile(r"%(?:%|[-+ #0]*[0-9*]*(?:\.[0-9*]+)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcspn])")


def unquote(text):
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def entries(path):
    """Yields (line, flags, msgid, [msgstr...]) for every entry, msgid_plural as msgid."""
    entry = {"flags": set(), "strings": {}, "line": 0}
    key = None

    def finish():
        if "msgid" in entry["strings"]:
            strings = entry["strings"]
            texts = [v for k, v in sorted(strings.items()) if k.startswith("msgstr")]
            yield entry["line"], entry["flags"], strings["msgid"], strings.get("msgid_plural"), texts

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip():
                yield from finish()
                entry = {"flags": set(), "strings": {}, "line": 0}
                key = None
            elif line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#~"):
                continue
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry["strings"][key] += unquote(line[1:-1])
            else:
                m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line)
                if not m:
                    raise SystemExit(f"{path}:{number}: cannot read: {line}")
                key = m.group(1)
                if key == "msgid" and not entry["line"]:
                    entry["line"] = number
                entry["strings"][key] = unquote(m.group(2))
    yield from finish()


def main():
    bad = 0
    count = 0
    for path in sys.argv[1:]:
        for line, flags, msgid, plural, texts in entries(path):
            if msgid == "":
                continue
            count += 1
            for text in texts:
                if text == "":
                    continue
                for name, pattern in (("{}", FMT), ("printf", PRINTF)):
                    if name == "printf" and "c-format" not in flags:
                        continue
                    want = pattern.findall(msgid)
                    got = pattern.findall(text)
                    if plural is not None and name == "{}" and got != want:
                        want = pattern.findall(plural)
                    if got != want:
                        print(f"{path}:{line}: {name} placeholders {got} differ from the English {want}: {msgid!r}")
                        bad += 1
    print(f"{count} messages checked, {bad} with placeholders that differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
