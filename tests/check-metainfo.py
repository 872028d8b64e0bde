#!/usr/bin/env python3
"""appstreamcli 0.16 is lenient: check what it lets through.

A screenshot with an image and a caption, a dated release, OARS content rating, the
launchable and the developer name must all be in the metainfo.
"""
import sys
import xml.etree.ElementTree as ET


def main(path):
    root = ET.parse(path).getroot()
    problems = []
    shots = root.findall("./screenshots/screenshot")
    if not shots or shots[0].find("image") is None or shots[0].find("caption") is None:
        problems.append("no screenshot with an image and a caption")
    releases = root.findall("./releases/release")
    if not releases or not releases[0].get("date") or not releases[0].get("version"):
        problems.append("no dated release")
    rating = root.find("content_rating")
    if rating is None or not rating.get("type", "").startswith("oars-"):
        problems.append("no OARS content rating")
    launchable = root.find("launchable")
    if launchable is None or launchable.get("type") != "desktop-id":
        problems.append("no desktop-id launchable")
    if root.find("developer_name") is None:
        problems.append("no developer name")
    if root.find("./url[@type='homepage']") is None:
        problems.append("no homepage")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
