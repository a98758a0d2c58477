"""``towerplan report``: the PDF's text read back holds the figures ``status``, ``nodes`` and
``plan`` give, in English and Chinese, with and without a system CJK font; bad input is one
line, exit 2 and no file left behind."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE

pypdf = pytest.importorskip("pypdf", reason="pypdf (the test extra) reads the PDF back")


def pdf_text(path) -> tuple[int, str]:
    """(pages, the text of every page with all whitespace taken out): a table cell wrapped
    onto two lines still reads as one string."""
    reader = pypdf.PdfReader(str(path))
    text = "".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), squash(text)


def squash(text: str) -> str:
    return "".join(str(text).split())


@pytest.fixture(scope="module")
def rongfa_week(tmp_path_factory):
    """The Rongfa weekly report (English and Chinese) and ``status``/``nodes`` as JSON, on a
    fresh database (no frozen plan: the figures are against the master plan)."""
    from tests.conftest import run_cli

    folder = tmp_path_factory.mktemp("rongfa")
    db = ["--db", str(folder / "site.db")]
    out = {}
    for lang, env in (("en", None), ("zh", None), ("nocjk", {"TOWERPLAN_NO_CJK_FONT": "1"})):
        pdf = folder / f"report-{lang}.pdf"
        res = run_cli("report", EXAMPLE, "--week", "2023-W27", "-o", pdf, *db,
                      "--lang", "zh" if lang == "zh" else "en", "--by", "wang", env=env)
        assert res.returncode == 0, res.stderr
        out[lang] = pdf_text(pdf)
        pages = out[lang][0]
        assert res.stdout.strip() == f"wrote {pdf}: weekly site report, week 2023-W27, " \
                                     f"{pages} pages"
    status = json.loads(run_cli("status", EXAMPLE, "--format", "json", *db).stdout)
    nodes = json.loads(run_cli("nodes", EXAMPLE, "--format", "json", *db).stdout)
    return out, status, nodes


def test_summary_has_the_figures_and_words_of_status(rongfa_week):
    reports, status, _ = rongfa_week
    pages, text = reports["en"]
    # cover; summary and elevation; the week's plan, PPC and look-ahead; key nodes; flowline
    assert (pages, reports["nocjk"][0], reports["zh"][0]) == (5, 5, 5)
    assert status["status_date"] == "2023-07-04" and squash("Status date2023-07-04") in text
    for t in status["towers"]:
        words = f"{t['days_ahead']} days AHEAD"  # status: "19 days AHEAD"
        assert squash(words) in text
        assert squash(f"{t['days_ahead']} days ahead ({t['working_days_ahead']} working days)") \
            in text
        assert squash(f"{t['floors_done']} / {t['floors_total']}") in text
        assert squash(f"{t['height_m']:.1f} of {t['height_total_m']:.1f} m") in text
        assert squash(f"{t['current_cycle_days']:g} days/floor now") in text
        n = t["topping_out_ahead_days"]
        assert squash(f"forecast {t['forecast_topping_out']}, {abs(n)} days "
                      f"{'early' if n > 0 else 'late'} against planned "
                      f"{t['planned_topping_out']}") in text
        assert squash(f"trend {t['trend_topping_out']} at the cycle now") in text
        node = t["next_node"]
        assert squash(f"{node['name']} · target {node['target']} · forecast "
                      f"{node['forecast']}") in text
    a, b = status["towers"]
    assert (a["days_ahead"], b["days_ahead"]) == (19, 31)  # the article's position


def test_key_nodes_table_is_the_nodes_command(rongfa_week):
    reports, _, nodes = rongfa_week
    _, text = reports["en"]
    for n in nodes:
        when = f"{n['actual']} (actual)" if n["actual"] else n["forecast"]
        m = n["margin_days"]
        margin = "on time" if m == 0 else f"{abs(m)} d {'early' if m > 0 else 'late'}"
        assert squash(f"{n['target'] or ''}{n['planned']}{when}{n['status']}{margin}") in text


def test_chinese_is_real_text_with_and_without_a_system_cjk_font(rongfa_week):
    reports, _, _ = rongfa_week
    for lang in ("en", "zh", "nocjk"):
        assert "融发大厦RongfaTower" in reports[lang][1]
        assert "融发大厦A塔" in reports[lang][1]
    _, zh = reports["zh"]
    assert "施工周报" in zh and "形象进度图" in zh and "关键节点" in zh
    assert "提前19天" in zh and "提前31天" in zh
    assert "对比计划总控计划(由项目文件生成)" in zh  # the plan compared against, in Chinese


def test_the_week_plan_ppc_and_reasons(tmp_path, cli):
    db = ["--db", str(tmp_path / "site.db")]
    env = {"TOWERPLAN_USER": "wang"}
    assert cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--freeze", *db,
               env=env).returncode == 0
    assert cli("progress", EXAMPLE, "B.F24", "--finished", "2023-07-14", *db,
               env=env).returncode == 0
    assert cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--reason", "B.F18.risers",
               "materials", "--note", "riser pipes late", *db, env=env).returncode == 0
    plan = json.loads(cli("plan", "week", EXAMPLE, "--period", "2023-W27", "--format",
                          "json", *db).stdout)
    status = json.loads(cli("status", EXAMPLE, "--plan", "week", "--period", "2023-W27",
                            "--format", "json", *db).stdout)
    pdf = tmp_path / "w27.pdf"
    res = cli("report", EXAMPLE, "--week", "2023-W27", "-o", pdf, *db, env=env)
    assert res.returncode == 0, res.stderr
    pages, text = pdf_text(pdf)
    ppc = plan["ppc"]
    assert (ppc["percent"], ppc["done"], ppc["not_done"]) == (83.3, 10, 2)
    assert squash(f"PPC {ppc['percent']:g}%: {ppc['done']} done of "
                  f"{ppc['done'] + ppc['not_done']} due so far") in text
    assert squash("B.F18.risers") in text and squash("materials: riser pipes late") in text
    assert squash("no reason recorded yet") in text  # B.F15.facade, as status says
    assert ppc["causes"] == {"materials": 1, "no reason recorded": 1}
    # the 8-week chart: W20–W26 have no frozen plan; W27's bar is labelled with its PPC
    assert text.count("notfrozen") == 7 and text.count("83.3%") == 2
    assert squash("Compared againstweek 2023-W27 plan (version 1)") in text
    assert squash("Prepared bywang") in text
    for t in status["towers"]:
        assert squash(f"{t['days_ahead']} days AHEAD") in text
    assert pages == 5


def test_monthly_report_adds_the_s_curve_whatif_and_risk(tmp_path, cli):
    pdf = tmp_path / "m.pdf"
    res = cli("report", EXAMPLE, "--month", "2023-07", "-o", pdf, "--db", tmp_path / "s.db",
              "--scenario", EXAMPLE.parent / "whatif_cycle9_from_F30.yaml", "--risk", "50")
    assert res.returncode == 0, res.stderr
    pages, text = pdf_text(pdf)
    assert res.stdout.strip().endswith(f"month 2023-07, {pages} pages")
    assert squash("7 S-curve") in text and squash("8 What-if scenarios") in text
    assert squash("9 Schedule risk (Monte Carlo)") in text
    whatif = json.loads(cli("whatif", EXAMPLE, EXAMPLE.parent / "whatif_cycle9_from_F30.yaml",
                            "--format", "json").stdout)
    (scenario,) = whatif["scenarios"]
    a = next(t for t in scenario["towers"] if t["tower"] == "A")
    word = "later" if a["delta_days"] > 0 else "earlier"
    # 2024-03-17 13 d earlier: the shift carries its word, as whatif prints it
    assert squash(f"{a['topping_out']} {abs(a['delta_days'])} d {word}") in text
    assert squash("50 iterations") in text


@pytest.mark.parametrize(("args", "message"), [
    (["--week", "2023-W60"], "towerplan: --week: a week period is written like 2023-W27, "
                             "not '2023-W60'"),
    (["--month", "2023-13"], "towerplan: --month: a month period is written like 2023-07, "
                             "not '2023-13'"),
    (["--week", "2030-W01"], "towerplan: --week: nothing is planned in week 2030-W01 "
                             "(2029-12-31 – 2030-01-06): no report to write"),
    (["--week", "2023-W27", "--scenario", "nope.yaml"],
     "towerplan: --scenario: no scenario file 'nope.yaml'"),
])
def test_bad_input_is_one_line_and_leaves_no_file(tmp_path, cli, args, message):
    out = tmp_path / "r.pdf"
    res = cli("report", EXAMPLE, *args, "-o", out, "--db", tmp_path / "s.db")
    assert (res.returncode, res.stderr.strip(), res.stdout) == (2, message, "")
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".db"] == []


def test_an_output_that_cannot_be_written(tmp_path, cli):
    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "a folder.pdf").mkdir()
    for out, said in ((tmp_path / "plain.txt" / "r.pdf", "does not exist"),
                      (tmp_path / "nowhere" / "r.pdf", "does not exist"),
                      (tmp_path / "a folder.pdf", "it is a folder"),
                      (tmp_path / "r.docx", "the file must end in .pdf")):
        res = cli("report", EXAMPLE, "--week", "2023-W27", "-o", out)
        assert res.returncode == 2 and said in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder.pdf", "plain.txt"]
