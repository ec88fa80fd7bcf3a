"""Audit reports: file names, JSON content, the offline HTML page and its SVG charts, the trend."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser

import pytest
from fakes import SEED, SIZE

from redactor.quality.origins import ORIGIN_KEYS
from redactor.quality.report import load_history, render_html, report_stem, write_report
from redactor.quality.synth import generate


class Collect(HTMLParser):
    """Every start tag with its attributes, and the stack of open tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in ("meta", "br", "img", "link", "input", "hr"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), tuple(self.stack)))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


def parse(page: str) -> Collect:
    c = Collect()
    c.feed(page)
    c.close()
    return c


def dated(report, day):
    out = copy.deepcopy(report)
    out["date"] = day
    out["created"] = f"{day}T00:00:00+00:00"
    return out


def test_file_names_are_date_and_policy(perfect_report, tmp_path):
    json_path, html_path = write_report(dated(perfect_report, "2024-05-01"), tmp_path / "audits")
    assert json_path.name == "2024-05-01-hipaa.json" and html_path.name == "2024-05-01-hipaa.html"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["schema"].startswith("redactor.audit.") and data["passed"] is True


@pytest.mark.parametrize(("name", "stem"), [("hipaa", "2024-01-02-hipaa"),
                                            ("my policy/v2", "2024-01-02-my-policy-v2"),
                                            ("../..", "2024-01-02-policy")])
def test_report_stem_is_a_safe_file_name(perfect_report, name, stem):
    report = dated(perfect_report, "2024-01-02")
    report["policy"]["name"] = name
    assert report_stem(report) == stem


def test_html_renders_offline_with_svg_charts(perfect_report):
    page = render_html(perfect_report)
    doc = parse(page)
    tags = [t for t, _, _ in doc.tags]
    svgs = [a for t, a, _ in doc.tags if t == "svg"]
    assert {a.get("id") for a in svgs} >= {"person-origin", "person-origin-gender", "entity",
                                          "leak-origin", "trend"}
    inside = {t for t, _, stack in doc.tags if "svg" in stack}
    assert {"circle", "line", "rect", "text", "title"} <= inside
    # error bars: three lines (bar and two caps) per group with an interval
    err = [a for t, a, _ in doc.tags if t == "line" and a.get("class") == "err"]
    assert len(err) >= 3 * len(ORIGIN_KEYS)
    # offline: no script, no stylesheet or image fetched from anywhere
    assert "script" not in tags and "link" not in tags and "img" not in tags
    for _, attrs, _ in doc.tags:
        for key in ("src", "href"):
            assert not attrs.get(key), (key, attrs)
    assert "@import" not in page and "url(" not in page
    assert page.count("<svg") == page.count("</svg>")


def test_html_names_failing_gates(perfect_report):
    report = copy.deepcopy(perfect_report)
    report["passed"] = False
    report["gates"][3] = {"name": "max_group_gap.origin", "passed": False, "limit": 0.05,
                          "value": 0.12, "failing": ["origin=korea"], "detail": ""}
    page = render_html(report)
    assert "FAILED" in page and "origin=korea" in page and "max_group_gap.origin" in page


def test_html_names_groups_with_too_few_examples(perfect_report):
    report = copy.deepcopy(perfect_report)
    report["passed"], report["verdict"] = False, "INSUFFICIENT"
    report["insufficient_support"] = ["origin=vietnam"]
    report["policy"]["gate_min_support"] = 20
    report["gates"][3] = {"name": "max_group_gap.origin", "status": "INSUFFICIENT",
                          "passed": False, "limit": 0.05, "value": 0.133, "failing": [],
                          "insufficient": [{"group": "origin=vietnam", "n_gold": 15}],
                          "min_support": 20, "detail": ""}
    page = render_html(report)
    assert "INSUFFICIENT SUPPORT" in page and "PASSED" not in page
    assert "origin=vietnam (n=15)" in page and "Too few examples to judge" in page
    assert "0.133" in page and "(too few)" in page


def test_trend_uses_earlier_reports_of_the_same_policy(perfect_report, tmp_path):
    folder = tmp_path / "audits"
    write_report(dated(perfect_report, "2024-01-01"), folder)
    write_report(dated(perfect_report, "2024-02-01"), folder)
    other = dated(perfect_report, "2024-03-01")
    other["policy"]["name"] = "gdpr"
    write_report(other, folder)
    (folder / "notes.json").write_text('{"not": "a report"}', encoding="utf-8")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    _, html_path = write_report(dated(perfect_report, "2024-04-01"), folder)
    history = load_history(folder, "hipaa")
    assert [p.date for p in history] == ["2024-01-01", "2024-02-01", "2024-04-01"]
    doc = parse(html_path.read_text(encoding="utf-8"))
    trend = [a for t, a, stack in doc.tags if t == "polyline"]
    assert trend and all(len(a["points"].split()) == 3 for a in trend)
    # A rerun on the same day replaces that day's report instead of adding a point.
    write_report(dated(perfect_report, "2024-04-01"), folder)
    assert len(load_history(folder, "hipaa")) == 3


def test_reports_hold_no_document_text(perfect_report, tmp_path, hipaa):
    json_path, html_path = write_report(perfect_report, tmp_path)
    content = json_path.read_text(encoding="utf-8") + html_path.read_text(encoding="utf-8")
    values = {d.text[s.start : s.end] for d in generate(SIZE, SEED, labels=hipaa.entity_labels)
              for s in d.spans}
    leaked = [v for v in values if len(v) >= 7 and v in content]
    assert not leaked
