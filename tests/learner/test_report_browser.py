"""The report as a learner sees it: rendered by headless Chromium, for a generated
history of several weeks, and its speed on a long history.

Chromium comes from Debian's package (`chromium-headless-shell`), which `.ci/run`
installs when absent; outside CI, without it, the browser test is skipped and says so.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mlkata.engine.curriculum import load_curriculum
from mlkata.learn.report import render, write_report

from .history import generated_history

ROOT = Path(__file__).resolve().parents[2]
CURRICULUM = load_curriculum(ROOT / "curriculum.toml")
NOW = dt.datetime(2026, 11, 19, 18)
SECTIONS = (
    "total-points",
    "what-next",
    "mistakes",
    "mastery-chart",
    "points-chart",
    "activity-calendar",
    "failing",
)


def _browser() -> str:
    for name in ("chromium-headless-shell", "chromium", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("no headless Chromium: .ci/run installs chromium-headless-shell")
    pytest.skip("no headless Chromium: apt install chromium-headless-shell to run this test")


def _headless(browser: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.ids += [value for key, value in attrs if key == "id"]


def test_the_report_renders_in_a_real_browser(tmp_path):
    """Does Chromium show the report of a six-week history as a page with every section,
    the charts drawn (not a blank screenshot), the mistakes named?"""
    browser = _browser()
    runs = generated_history(CURRICULUM, NOW)
    page = write_report(tmp_path / "report.html", CURRICULUM, runs, {"mse_gradient": 2})
    dom = _headless(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-1000:]
    parsed = _Ids()
    parsed.feed(dom.stdout)
    missing = [section for section in SECTIONS if section not in parsed.ids]
    assert not missing, missing
    assert parsed.tags.count("circle") >= 10 and parsed.tags.count("rect") >= 100
    assert "the 1/n of a mean" in dom.stdout and "a transposed matrix" in dom.stdout

    shot = tmp_path / "report.png"
    done = _headless(browser, f"--screenshot={shot}", "--window-size=1100,2600", page.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr[-1000:]
    from PIL import Image

    with Image.open(shot) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
        width, height = rgb.size
    assert colours is not None and len(colours) > 50  # text, bars, chart: not blank
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    assert white < 0.97 * width * height
    green = sum(
        count
        for count, (r, g, b) in colours
        if g > 120 and g > r + 40 and g > b + 20  # the passed bars, the chart, the calendar
    )
    assert green > 500, green


def test_an_empty_history_renders():
    """Does a learner with no run get a page that says so in every section?"""
    html = render(CURRICULUM, [], NOW)
    for section in SECTIONS:
        assert f'id="{section}"' in html
    assert "No graded runs yet." in html and "No named mistake yet." in html


def test_a_ten_thousand_run_history_renders_in_under_a_second():
    """Does the report of 10 000 runs take less than a second of CPU time (CPU, not
    wall time: a busy machine must not fail it)?"""
    runs = generated_history(CURRICULUM, NOW, weeks=52, runs=10_000)
    start = time.process_time()
    html = render(CURRICULUM, runs, NOW)
    used = time.process_time() - start
    assert "10000 graded runs" in html
    assert used < 1.0, f"{used:.2f} s of CPU time"


def test_the_report_is_accessible_and_printable():
    """Does every chart have a text alternative with its numbers, is colour never the
    only signal (fixed / not fixed in words), and is there a print style?"""
    html = render(CURRICULUM, generated_history(CURRICULUM, NOW), NOW)
    charts = [tag for tag in html.split("<svg")[1:]]
    assert len(charts) == 3
    for chart in charts:
        head = chart.split(">", 1)[0]
        assert 'role="img"' in head and 'aria-label="' in head
        label = head.split('aria-label="', 1)[1].split('"', 1)[0]
        assert any(ch.isdigit() for ch in label), label
    assert ">not fixed</span>" in html or ">fixed</span>" in html
    assert "@media print" in html
