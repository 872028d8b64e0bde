#!/usr/bin/env python3
"""The Dutch translation is complete and POTFILES lists every file with translatable strings.

1. Every source file that marks strings for translation is in po/POTFILES.in.
2. xgettext over POTFILES.in (the same keywords as meson's glib preset) gives a template;
   every message in it has a Dutch translation (msgcmp), so nothing new went untranslated.
3. msgfmt --check --statistics finds no errors, no untranslated and no fuzzy messages.
"""
import os
import re
import subprocess
import sys
import tempfile

MARKERS = [
    re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\('),
    re.compile(r'translatable="yes"'),
]
SOURCE_DIRS = ["src", "data"]
SOURCE_ENDINGS = (".c", ".h", ".ui", ".in", ".gschema.xml")


def listed(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def marked_files(root):
    found = set()
    for top in SOURCE_DIRS:
        for d, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                if not name.endswith(SOURCE_ENDINGS):
                    continue
                path = os.path.join(d, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if name.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml")):
                    found.add(rel)
                elif any(m.search(text) for m in MARKERS):
                    found.add(rel)
    return found


def main(root):
    failures = []
    potfiles = listed(root)
    for rel in sorted(marked_files(root) - potfiles):
        failures.append(f"po/POTFILES.in misses {rel}")
    for rel in sorted(potfiles):
        if not os.path.exists(os.path.join(root, rel)):
            failures.append(f"po/POTFILES.in lists {rel}, which does not exist")

    po = os.path.join(root, "po", "nl.po")
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "haven.pot")
        files = [os.path.join(root, p) for p in sorted(potfiles)
                 if os.path.exists(os.path.join(root, p))]
        cmd = ["xgettext", "--from-code=UTF-8", "--add-comments=Translators",
               "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
               "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
               "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
               "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
               "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
               "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
               "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
               "--flag=g_log:3:c-format", "--flag=g_print:1:c-format",
               "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
               "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
               "--flag=g_snprintf:3:c-format",
               "-o", pot] + files
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("xgettext failed:\n" + r.stderr)
        else:
            r = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
            if r.returncode != 0:
                failures.append("po/nl.po lacks translations:\n" + r.stderr)

    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
    stats = r.stderr.strip()
    print(stats)
    if r.returncode != 0:
        failures.append("msgfmt --check failed:\n" + stats)
    elif "untranslated" in stats or "fuzzy" in stats:
        failures.append("po/nl.po has untranslated or fuzzy messages: " + stats)

    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
