"""A heading after an article whose last two section headings are a parallel
series, and not of that series, is flagged for the article-start model
(`breaks_series`): a feature's sections end and the next article begins."""

from zhnews import layout, line_roles

BODY_A = "开展试点，既为大范围改革实践投石问路，也为局部先行先试开辟空间。承担改革试点任务的地方如何找准切入点？记者在多地进行了调研。"
BODY_B = "我国地区发展不平衡，改革试点的实施条件差异较大。一些改革试点地方鼓励不同区域进行差别化探索，尊重基层实践，避免一刀切。"
BODY_C = "一些地方在承接改革试点任务时，从群众关注的焦点、百姓生活的难点中寻找试点改革的切入点。"


def page(third: str) -> str:
    return "\n\n".join(["", "差别试点，建起改革“前哨站”（深阅读）", BODY_A, "鼓励不同区域，进行差别化试点", BODY_B,
                        "从焦点难点中，寻找试点切入点", BODY_C, third,
                        "立法是法治建设的首要环节，良法是善治的前提和基础。“十三五”时期，我国立法工作取得重大进展。", ""])


def feature_at(text: str, heading: str, name: str = "breaks_series") -> float:
    """The article-start feature `name` the model is given at `heading` (no run starts an article)."""
    seen = {}
    units = layout.tokenize(text)

    def decide(i, x, rule_new):
        seen[units[i].text] = x[line_roles.FEATURES.index(name)]
        return False

    layout.segment(text, decide=decide)
    return seen[heading]


def test_a_heading_unlike_the_series_of_sections_breaks_it():
    assert feature_at(page("立足新起点 推进“十四五”时期立法工作"), "立足新起点 推进“十四五”时期立法工作") == 1.0


def test_a_third_section_of_the_series_does_not():
    assert feature_at(page("总结试点经验，带动面上改革"), "总结试点经验，带动面上改革") == 0.0


def test_one_section_is_no_series_yet():
    assert feature_at(page("立足新起点 推进“十四五”时期立法工作"), "从焦点难点中，寻找试点切入点") == 0.0
