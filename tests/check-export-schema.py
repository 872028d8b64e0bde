#!/usr/bin/env python3
"""data/haven-journal.schema.json describes what Haven writes and refuses what Haven refuses.

Usage: check-export-schema.py SCHEMA HAVEN FIXTURE...
Exports a journal made from the fixtures with the real program and validates the export
and the fixtures that are exports; then checks that documents the importer refuses are
refused by the schema too.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(0)

schema_path, haven, *fixtures = sys.argv[1:]
with open(schema_path) as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


with tempfile.TemporaryDirectory() as tmp:
    journal = os.path.join(tmp, "journal.db")
    for fixture in fixtures:
        subprocess.run([haven, "--journal", journal, "--import", fixture], check=True,
                       stdout=subprocess.DEVNULL)
    out = os.path.join(tmp, "export.json")
    subprocess.run([haven, "--journal", journal, "--export", out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out) as f:
        exported = json.load(f)
    errors = [e.message for e in validator.iter_errors(exported)]
    check("fresh export is valid", not errors, "; ".join(errors[:3]))

for fixture in fixtures:
    if fixture.endswith(".json"):
        with open(fixture) as f:
            doc = json.load(f)
        errors = [e.message for e in validator.iter_errors(doc)]
        check(f"{os.path.basename(fixture)} is valid", not errors, "; ".join(errors[:3]))

base = exported
bad = {
    "mood 9": lambda d: d["checkins"][0].update(mood=9),
    "year 99999": lambda d: d["checkins"][0].update(at="99999-01-01T00:00:00Z"),
    "newer version": lambda d: d.update(version=2),
    "missing uuid": lambda d: d["checkins"][0].pop("uuid"),
    "mood as text": lambda d: d["checkins"][0].update(mood="three"),
    "intensity 11": lambda d: d["checkins"][0].update(intensity_after=11),
    "unknown kind": lambda d: d["entries"].append(dict(d["checkins"][0], kind="dream")),
}
for name, spoil in bad.items():
    doc = json.loads(json.dumps(base))
    spoil(doc)
    check(f"schema refuses {name}", not validator.is_valid(doc))

print(f"1..{len(results)}")
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}" + (f" # {detail}" if detail and not ok else ""))
    failed += not ok
sys.exit(1 if failed else 0)
