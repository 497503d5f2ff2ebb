"""art17: a heading with a heading below written as it is across one comma (as long,
the comma at the same place) is flagged for the article-start model
(`comma_sibling_below`): sections come in such series, a page's headlines seldom do."""

import test_line_roles_breaks_series as breaks_series_test
from conftest import load_script

BODY_A = "春节将至，酉阳各大景区推出系列活动，吸引众多游客前来打卡，感受土家族苗族文化的独特魅力。"
BODY_B = "近年来，酉阳以智慧旅游为抓手，推动景区服务提档升级，游客满意度持续提升。"
BODY_C = "全域旅游带动乡村振兴，农家乐、民宿等新业态蓬勃发展，群众收入稳步增长。"


def feature_at(text: str, heading: str) -> float:
    return breaks_series_test.feature_at(text, heading, "comma_sibling_below")


def page(first: str, second: str) -> str:
    return "\n\n".join(["", "重庆酉阳：诚邀八方来客 共迎春暖花开", BODY_A, first, BODY_B, second, BODY_C, ""])


def test_a_heading_with_a_comma_parallel_one_below_is_flagged():
    text = page("智慧旅游增动能，服务品质再升级", "全域旅游展新貌，产业振兴动力足")
    assert feature_at(text, "智慧旅游增动能，服务品质再升级") == 1.0
    assert feature_at(text, "全域旅游展新貌，产业振兴动力足") == 0.0  # nothing below it


def test_a_heading_whose_comma_stands_elsewhere_is_not():
    assert feature_at(page("智慧旅游增动能，服务品质再升级", "全域旅游展新貌产业，振兴动力足"),
                      "智慧旅游增动能，服务品质再升级") == 0.0


def test_layout_dev_seeds_read_a_range_and_a_list():
    layout_dev = load_script("benchmarks/layout_dev.py")
    assert layout_dev._seeds("1001-1003") == [1001, 1002, 1003]
    assert layout_dev._seeds("7,2001-2002") == [7, 2001, 2002]
