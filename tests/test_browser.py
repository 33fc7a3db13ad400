"""The HTML pages in a real browser: headless Chromium over the DevTools protocol
(tests/browser.py). Skipped where no Chromium is installed (.ci/run installs Debian's).

Screenshots are saved in each test's temporary folder (seed.png, batch.png, ...)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser import Browser, find_chromium
from conftest import ROOT, SEED
from newsan.cli import cli
from test_html import HOSTILE

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH (apt-get install chromium, as .ci/run does; or set "
                             "NEWSAN_CHROMIUM): the HTML pages are not opened in a browser")

PEOPLE = [("وزير الخارجية الروسي", "سيرغي لافروف"), ("نائب رئيس الجمهورية العراقية", "نوري المالكي"),
          ("الرئيس الأمريكي", "باراك أوباما"), ("رئيس الحكومة التونسية", "يوسف الشاهد"),
          ("الأمين العام للأمم المتحدة", "بان كي مون")]
PLACES = ["العراق", "روسيا", "موسكو", "بغداد", "تونس", "واشنطن", "سوريا"]
ORGANISATIONS = ["الأمم المتحدة", "جامعة الدول العربية", "الاتحاد الأوروبي"]


def synthetic_article(i: int) -> str:
    """Two people, two places and an organisation, with a direct and an indirect quote."""
    (title_a, a), (title_b, b) = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 2 + 1) % len(PEOPLE)]
    place, other, body = PLACES[i % len(PLACES)], PLACES[(i + 3) % len(PLACES)], ORGANISATIONS[i % 3]
    if a == b:
        (title_b, b) = PEOPLE[(i + 1) % len(PEOPLE)]
    return (f"{a} يلتقي {b} في {place}\n\n"
            f"التقى {title_a} {a} اليوم في {place} مع {title_b} {b}، وبحثا العلاقات بين {place} و{other}.\n"
            f"وقال {a} إن \"بلاده تدعم جهود {body} من أجل السلام في {other}\".\n"
            f"من جهته، أكد {b} أن {body} مدعوة إلى دعم {place} في مواجهة الإرهاب.\n")


def build(tmp_path: Path, name: str, *args: str) -> Path:
    page = tmp_path / name
    result = CliRunner().invoke(cli, ["analyze", "-f", "html", "--workers", "1", *args, "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture(scope="module")
def browser():
    with Browser(CHROMIUM) as opened:
        yield opened


@pytest.fixture
def seed_name(monkeypatch) -> str:
    """The seed as a user names it, from the project's folder (the page shows it)."""
    monkeypatch.chdir(ROOT)
    return str(SEED.relative_to(ROOT))


def test_seed_page(browser, tmp_path, seed_name):
    path = build(tmp_path, "seed.html", seed_name)
    page = browser.open(path.as_uri())
    page.screenshot(tmp_path / "seed.png")
    assert page.errors == []
    assert page.requests == [path.as_uri()]  # nothing fetched: the page is self-contained
    marks = page.evaluate("[...document.querySelectorAll('.text mark')].map(m => [m.textContent, m.className])")
    assert ["المالكي", "PERS"] in marks and ["لافروف", "PERS"] in marks
    assert not [m for m in marks if m[0] in ("المالكي", "لافروف") and m[1] != "PERS"]
    # every quote shows its speaker's name before it (the ::before badge), as laid out
    badges = page.evaluate("[...document.querySelectorAll('.text .q')].map(q => "
                           "[q.dataset.who, getComputedStyle(q, '::before').content])")
    assert len(badges) == 19 and all(badge == json.dumps(who, ensure_ascii=False) for who, badge in badges)
    assert {who for who, _ in badges} == {"نوري المالكي", "سيرغي لافروف"}
    # the canonical name shows on focus, not only on hover
    tip = page.evaluate("(() => { const m = [...document.querySelectorAll('.text mark')]"
                        ".find(m => m.textContent === 'لافروف'); m.focus(); "
                        "return getComputedStyle(m, '::after').content; })()")
    assert tip == json.dumps("سيرغي لافروف · شخص", ensure_ascii=False)
    # the text is laid out right to left: its first word ends at the right edge of its box
    edges = page.evaluate("(() => { const box = document.querySelector('.text'); const r = document.createRange(); "
                          "r.setStart(box.firstChild, 0); r.setEnd(box.firstChild, 1); "
                          "return [getComputedStyle(box).direction, Math.round(box.getBoundingClientRect().right "
                          "- r.getBoundingClientRect().right)]; })()")
    assert edges[0] == "rtl" and abs(edges[1]) <= 2


def test_clicking_a_speaker_lights_their_mentions_and_quotes(browser, tmp_path, seed_name):
    page = browser.open(build(tmp_path, "seed.html", seed_name).as_uri())
    lit = page.evaluate("(() => { const b = [...document.querySelectorAll('.item.sp')]"
                        ".find(b => b.textContent.startsWith('سيرغي لافروف')); b.click(); "
                        "return [b.getAttribute('aria-pressed'), "
                        "[...document.querySelectorAll('.text .hl')]"
                        ".map(e => e.tagName + ':' + e.textContent.slice(0, 12))]; })()")
    assert lit[0] == "true"
    tags = [entry.split(":")[0] for entry in lit[1]]
    assert tags.count("MARK") == 6 and tags.count("SPAN") == 6  # his 6 mentions and 6 quotes
    assert "MARK:لافروف" in lit[1]
    page.screenshot(tmp_path / "seed-lit.png")
    unlit = page.evaluate("(() => { const b = document.querySelector('.item.sp[aria-pressed=\"true\"]'); b.click(); "
                          "return document.querySelectorAll('.text .hl').length; })()")
    assert unlit == 0


def test_a_batch_of_fifty_articles(browser, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "2017-03-01_seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(49):
        day = date(2017, 3, 1) + timedelta(days=i * 37 % 60)  # two months: a day per column
        (folder / f"{day}_article_{i:02d}.txt").write_text(synthetic_article(i), encoding="utf-8")
    page = browser.open(build(tmp_path, "batch.html", str(folder)).as_uri())
    page.screenshot(tmp_path / "batch.png")
    page.screenshot(tmp_path / "batch-overview.png", selector="#overview")
    assert page.errors == []
    counts = page.evaluate("[document.querySelectorAll('#list li').length, "
                           "document.querySelectorAll('.network .node').length, "
                           "document.querySelectorAll('.network .edge').length, "
                           "document.querySelectorAll('.timeline .period').length, "
                           "document.getElementById('overview').offsetHeight > 0]")
    assert counts[0] == 50 and counts[1] >= 4 and counts[2] >= 3 and counts[3] >= 3 and counts[4]
    # a bar filters the list to its articles; the article opened from it shows the name lit
    chosen = page.evaluate("(() => { const a = [...document.querySelectorAll('.bars a.PERS')]"
                           ".find(a => a.dataset.label === 'سيرغي لافروف'); a.click(); "
                           "return [a.dataset.docs.split(' ').length, "
                           "document.querySelectorAll('#list li:not([hidden])').length, "
                           "document.querySelector('#list .filter').textContent]; })()")
    assert chosen[0] == chosen[1] >= 10 and chosen[2] == f"سيرغي لافروف ({chosen[0]})"
    opened = page.evaluate("new Promise(done => { window.addEventListener('hashchange', () => setTimeout(() => {"
                           "const doc = document.querySelector('.doc:target'); done([doc.id, doc.offsetHeight > 0, "
                           "document.getElementById('overview').offsetHeight, "
                           "doc.querySelector('.item[aria-pressed=\"true\"]').textContent, "
                           "doc.querySelectorAll('.text mark.hl').length]); }, 50)); "
                           "document.querySelector('#list li:not([hidden]) a').click(); })")
    assert opened[0].startswith("doc-") and opened[1] and opened[2] == 0
    assert opened[3].startswith("سيرغي لافروف") and opened[4] >= 1
    page.screenshot(tmp_path / "batch-article.png")
    assert page.errors == []


def test_a_hostile_article_runs_nothing(browser, tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    path = build(tmp_path, "hostile.html", str(source))
    page = browser.open(path.as_uri())
    page.screenshot(tmp_path / "hostile.png")
    state = page.evaluate("[typeof window.pwned, document.scripts.length, document.images.length, "
                          "document.querySelectorAll('.text *:not(mark):not(span):not(b)').length, "
                          "document.querySelector('.text').textContent, getComputedStyle(document.body).display]")
    assert state == ["undefined", 1, 0, 0, HOSTILE, "block"]
    assert page.errors == [] and page.requests == [path.as_uri()]
