#!/usr/bin/env python3
"""Writes the 2026 state-side examples (issue 12) from the tables below.

    python3 scripts/gen-state-examples.py          # (re)write the four files
    python3 scripts/gen-state-examples.py --check  # exit 1 if a file differs

Stdlib only and deterministic: the people, their monthly (or quarterly) product lists
and their party records are written out from the tables in this file; nothing is
computed here. The levels and scores these records must get are in
examples/state-2026.md, worked by hand from spec/state-regimes.md.

Files:
  examples/vu-ke-hoach-tai-chinh-2026.json       a ministry department as an organisation
                                                 tree of 12 civil servants (nd335, monthly)
  examples/vu-ke-hoach-tai-chinh-2026-pair.json  the same 12 state records, flat, with the
                                                 leaders' staff counts given, and the party
                                                 records of the 10 party members (pair form)
  examples/trung-tam-y-te-2026-nd233.json        a public service unit of 10 public
                                                 employees (nd233, quarterly)
  examples/trung-tam-y-te-2026-party.json        the party records of its 6 party members,
                                                 each with its state_rating given
"""

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Record = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2026

# --- Vụ Kế hoạch – Tài chính (a fictional ministry department), công chức, nd335 -------
#
# Each person: a product catalogue (label, converted weight, months it is assigned; all
# months when None) and twelve event strings, one per month:
#   N<i>  product i not done            Q<i>  one failed quality review on product i
#   D<i>  one unexcused delay on i       (tokens repeat: "D2 D2" = two delays)
#   -     no assigned work that month (leave)
# `general` holds the twelve general-criteria points (of 30).

AGENCY = "vu-khtc"
STAFF_GROUP = "vu-khtc/chuyen-vien"
LEADER_GROUP = "vu-khtc/lanh-dao"

DEPARTMENT: list[Record] = [
    {
        "id": "nguyen-van-an",
        "name": "Nguyễn Văn An",
        "role": "Vụ trưởng (head of the department)",
        "kind": "leader",
        "unit": "vu-khtc",
        "catalogue": [
            ("Chỉ đạo, điều hành chương trình công tác của Vụ", 3, None),
            ("Ký trình kế hoạch, dự toán của Bộ", 2, None),
            ("Chủ trì giao ban, kiểm tra tiến độ", 1, None),
            ("Báo cáo Lãnh đạo Bộ", 1, None),
        ],
        "events": [
            "D1 D1 Q2", "Q1 D1 N4", "Q1 D1 D2", "D1 D1 Q2", "D1 Q2 N3", "Q1 D1 D3",
            "D1 D2 N4", "D1 Q2 D2", "Q1 D1 D1", "Q1 D2 N3", "D1 D1 Q2", "Q1 D1 D4",
        ],
        "general": [24.5, 25, 24.5, 25, 24.5, 24.5, 25, 24.5, 25, 24.5, 25, 25.5],
        # month → unit facts (đ, e); d comes from the staff
        "prolonged_delays": [8],
        "disunity_complaints": [],
    },
    {
        "id": "tran-thi-binh",
        "name": "Trần Thị Bình",
        "role": "Phó Vụ trưởng, phụ trách lĩnh vực kế hoạch (deputy head, planning)",
        "kind": "leader",
        "unit": "vu-khtc",
        "catalogue": [
            ("Chỉ đạo xây dựng, thẩm định kế hoạch của lĩnh vực", 3, None),
            ("Duyệt báo cáo tháng của lĩnh vực", 1, None),
            ("Chủ trì họp kiểm tra tiến độ", 1, None),
            ("Trả lời kiến nghị của địa phương", 1.5, [2, 4, 6, 9, 11]),
        ],
        "events": [
            "D1 D1 Q2", "Q1 Q4 D4", "D1 N3", "D1 D1 Q4 D4", "Q1 D1", "Q1 N3 D4",
            "D1 Q2 D3", "Q1 D1 D2", "D1 D1 N4", "Q1 D1 N2", "Q1 D4 D4", "D1 Q3 D3",
        ],
        "general": [26, 26.5, 26, 26.5, 26, 26, 26.5, 26, 26.5, 26, 26.5, 27],
        "prolonged_delays": [9],
        "disunity_complaints": [],
    },
    {
        "id": "le-van-cuong",
        "name": "Lê Văn Cường",
        "role": "Phó Vụ trưởng, phụ trách lĩnh vực tài chính (deputy head, finance)",
        "kind": "leader",
        "unit": "vu-khtc",
        "catalogue": [
            ("Chỉ đạo lập, thẩm định dự toán", 3, None),
            ("Duyệt quyết toán các đơn vị", 2, None),
            ("Kiểm tra công tác tài chính", 1, [3, 6, 9, 12]),
        ],
        "events": [
            "D1 D2", "D1 D1 Q2", "Q1 D1 D3", "Q1 D2 D2", "D1 Q2", "D1 D2 N3",
            "Q1 D1 D2", "D1 D1 Q2", "Q1 D1 D3", "Q1 D2", "D1 Q2 D2", "D1 D1 Q3",
        ],
        "general": [25, 25.5, 25, 25.5, 25, 25, 25.5, 25, 25.5, 25, 25.5, 26],
        "prolonged_delays": [],
        "disunity_complaints": [],
    },
    {
        "id": "pham-thi-dung",
        "name": "Phạm Thị Dung",
        "role": "Chuyên viên chính, lĩnh vực kế hoạch",
        "kind": "member",
        "unit": "linh-vuc-ke-hoach",
        "catalogue": [
            ("Tổng hợp kế hoạch phát triển của các đơn vị", 3, None),
            ("Báo cáo tình hình thực hiện kế hoạch tháng", 1, None),
            ("Thẩm định đề xuất dự án", 2, None),
            ("Dự thảo văn bản hướng dẫn", 1.5, [3, 6, 9, 12]),
        ],
        "events": ["D2", "Q3", "", "D1", "Q2", "", "D3", "", "Q1", "D2", "", "D4"],
        "general": [26, 26.5, 26, 26.5, 26, 26, 26.5, 26, 26.5, 26, 26.5, 27],
    },
    {
        "id": "hoang-van-em",
        "name": "Hoàng Văn Em",
        "role": "Chuyên viên, lĩnh vực kế hoạch (a month under 50: May)",
        "kind": "member",
        "unit": "linh-vuc-ke-hoach",
        "catalogue": [
            ("Theo dõi chỉ tiêu kế hoạch của các tỉnh", 2, None),
            ("Báo cáo thống kê tháng", 1, None),
            ("Rà soát hồ sơ đề xuất vốn", 2, None),
            ("Cập nhật cơ sở dữ liệu kế hoạch", 1, None),
        ],
        "events": [
            "Q1 D2", "D3 D4", "D1 Q3", "D1 D2 D4", "N1 D2 D2 D2 D2 N3 N4",
            "Q2 D3", "D1 D3", "Q1 D4", "D2 D2 Q3", "Q1 D3", "Q2 D4", "D1 Q3",
        ],
        "general": [21, 21.5, 21, 21.5, 21, 21, 21.5, 21, 21.5, 21, 21.5, 22],
    },
    {
        "id": "vu-thi-giang",
        "name": "Vũ Thị Giang",
        "role": "Chuyên viên, lĩnh vực kế hoạch (maternity leave June–November)",
        "kind": "member",
        "unit": "linh-vuc-ke-hoach",
        "catalogue": [
            ("Tổng hợp báo cáo của các vụ, cục", 2, None),
            ("Dự thảo công văn", 1, None),
            ("Theo dõi kế hoạch đầu tư công", 2, None),
        ],
        "events": [
            "D1 D2 Q3", "Q1 D2", "Q1 D1 D3", "D1 Q2", "Q2 D2 D3", "-", "-",
            "-", "-", "-", "-", "Q1 D1 D3",
        ],
        "general": [21, 21.5, 21, 21.5, 21, None, None, None, None, None, None, 22],
        "leave": {"months_worked": 6, "months_absent": 6, "kind": "maternity"},
    },
    {
        "id": "dang-van-hai",
        "name": "Đặng Văn Hải",
        "role": "Chuyên viên, lĩnh vực kế hoạch (reprimanded 20/8/2026)",
        "kind": "member",
        "unit": "linh-vuc-ke-hoach",
        "catalogue": [
            ("Thẩm định hồ sơ dự án", 2.5, None),
            ("Báo cáo tháng", 1, None),
            ("Kiểm tra thực địa", 1.5, [2, 5, 8, 11]),
        ],
        "events": [
            "D1 Q2", "D1 D3", "Q1", "D1 D2", "Q1 D3", "D1", "D1 Q2", "D1 D1 N3",
            "Q1 D2", "D1 D1", "Q2", "Q1 D1",
        ],
        "general": [22, 22.5, 22, 22.5, 22, 22, 22.5, 20.5, 21, 20.5, 21, 21.5],
        "discipline": [
            {"form": "reprimand", "kind": "administrative", "decided_on": "2026-08-20"}
        ],
    },
    {
        "id": "bui-thi-khanh",
        "name": "Bùi Thị Khánh",
        "role": "Chuyên viên, lĩnh vực kế hoạch",
        "kind": "member",
        "unit": "linh-vuc-ke-hoach",
        "catalogue": [
            ("Xây dựng kế hoạch 5 năm (phần được giao)", 3, None),
            ("Báo cáo tháng", 1, None),
            ("Tổng hợp ý kiến góp ý dự thảo", 1.5, None),
        ],
        "events": [
            "D1", "Q3", "D1 D3", "", "Q1", "D3", "D1", "Q2", "", "D1 D2", "D3",
            "Q1",
        ],
        "general": [24.5, 25, 24.5, 25, 24.5, 24.5, 25, 24.5, 25, 24.5, 25, 25.5],
    },
    {
        "id": "do-van-long",
        "name": "Đỗ Văn Long",
        "role": "Chuyên viên chính, lĩnh vực tài chính",
        "kind": "member",
        "unit": "linh-vuc-tai-chinh",
        "catalogue": [
            ("Thẩm định dự toán của đơn vị", 3, None),
            ("Báo cáo tài chính tháng", 1, None),
            ("Hướng dẫn nghiệp vụ tài chính", 1, None),
        ],
        "events": [
            "D1 D3", "Q1", "D2", "D1", "Q1 D3", "D1", "Q2", "D1 D1", "D3",
            "Q1", "D2", "D1",
        ],
        "general": [24, 24.5, 24, 24.5, 24, 24, 24.5, 24, 24.5, 24, 24.5, 25],
    },
    {
        "id": "ngo-thi-mai",
        "name": "Ngô Thị Mai",
        "role": "Chuyên viên, lĩnh vực tài chính",
        "kind": "member",
        "unit": "linh-vuc-tai-chinh",
        "catalogue": [
            ("Kiểm soát hồ sơ thanh toán", 2, None),
            ("Báo cáo quyết toán", 2, None),
            ("Lưu trữ chứng từ", 0.5, None),
        ],
        "events": [
            "D1 Q2 D2", "Q1 D2 D2", "Q1 D1 D3", "D1 D2 N3", "D1 D1 Q2", "Q1 D1 D2",
            "D1 D2 Q3", "Q1 D1 N3", "D1 Q2 D2", "D1 D1 Q2", "Q1 D1 D2", "Q1 D1 D2",
        ],
        "general": [21, 21.5, 21, 21.5, 21, 21, 21.5, 21, 21.5, 21, 21.5, 22],
    },
    {
        "id": "duong-van-nam",
        "name": "Dương Văn Nam",
        "role": "Chuyên viên, lĩnh vực tài chính",
        "kind": "member",
        "unit": "linh-vuc-tai-chinh",
        "catalogue": [
            ("Thẩm tra quyết toán dự án", 3, None),
            ("Báo cáo tháng", 1, None),
            ("Tổng hợp số liệu thu chi", 2, None),
        ],
        "events": [
            "N1 D2", "Q1 Q1 D3", "D1 D1 N3", "N1 Q2", "Q1 D1 D2 D2", "N1 D3",
            "D1 D1 Q3 Q3", "Q1 D1 N3", "N1 D2 D2", "D1 D1 D1 Q3", "Q1 Q1 N3",
            "N1 D3",
        ],
        "general": [21.5, 22, 21.5, 22, 21.5, 21.5, 22, 21.5, 22, 21.5, 22, 22.5],
    },
    {
        "id": "ly-thi-oanh",
        "name": "Lý Thị Oanh",
        "role": "Chuyên viên, lĩnh vực tài chính",
        "kind": "member",
        "unit": "linh-vuc-tai-chinh",
        "catalogue": [
            ("Theo dõi tài sản công", 2, None),
            ("Báo cáo tháng", 1, None),
            ("Rà soát định mức chi", 1.5, None),
        ],
        "events": [
            "Q1 D3", "D1 D1 Q3", "D1 N3", "Q1 D2 D3", "D1 Q2", "Q1 N3", "D1 D1 D3",
            "Q1 D2 Q3", "D1 N3", "Q1 D1 D3", "D1 D2 Q3", "D1 N3",
        ],
        "general": [21, 21.5, 21, 21.5, 21, 21, 21.5, 21, 21.5, 21, 21.5, 22],
    },
]

# Months in which a staff member scored under 50 (read from the records above; the tree
# derives it, the flat file gives it to the leaders whose staff include them).
UNDER_50: dict[str, list[int]] = {"hoang-van-em": [5]}
# Whose staff (the subtrees of the units their led_by names): the head's is everyone.
STAFF_OF: dict[str, list[str]] = {
    "nguyen-van-an": [p["id"] for p in DEPARTMENT if p["id"] != "nguyen-van-an"],
    "tran-thi-binh": [p["id"] for p in DEPARTMENT if p["unit"] == "linh-vuc-ke-hoach"],
    "le-van-cuong": [p["id"] for p in DEPARTMENT if p["unit"] == "linh-vuc-tai-chinh"],
}

# Party records (QĐ 366, 2026) of the department's party members: points and tasks.
DEPARTMENT_PARTY: dict[str, tuple[tuple[float, float], tuple[int, int, int, int], str]] = {
    "nguyen-van-an": ((27, 61), (12, 12, 12, 3), "1998-05-19"),
    "tran-thi-binh": ((27, 60), (12, 12, 12, 2), "2003-09-02"),
    "le-van-cuong": ((27.5, 61.5), (10, 10, 10, 2), "2001-03-26"),
    "pham-thi-dung": ((28.5, 65), (10, 10, 10, 4), "2010-11-07"),
    "hoang-van-em": ((25, 56), (10, 10, 9, 1), "2015-06-12"),
    "dang-van-hai": ((25, 57), (10, 10, 10, 1), "2012-02-03"),
    "bui-thi-khanh": ((27, 61), (10, 10, 10, 2), "2016-08-19"),
    "do-van-long": ((27, 60), (10, 10, 10, 2), "2008-12-22"),
    "ngo-thi-mai": ((26, 58), (8, 8, 8, 1), "2018-04-30"),
    "duong-van-nam": ((25, 53), (8, 8, 8, 1), "2019-10-10"),
}
PARTY_GROUP = "chi-bo-vu-khtc/dang-vien"

# --- Trung tâm Y tế khu vực Hòa An (a fictional public service unit), viên chức, nd233 ---
#
# Quarterly; events as above, one string per quarter; `-` no work in the quarter.

CENTRE_AGENCY = "ttyt-hoa-an"
CENTRE: list[Record] = [
    {
        "id": "phan-van-quang",
        "name": "Phan Văn Quang",
        "role": "Giám đốc (head; the province rated the centre Good)",
        "kind": "leader",
        "group": "ttyt-hoa-an/lanh-dao",
        "catalogue": [
            ("Chỉ đạo thực hiện kế hoạch khám chữa bệnh", 4, None),
            ("Chỉ đạo công tác y tế dự phòng", 3, None),
            ("Quản lý tài chính, tài sản của Trung tâm", 2, None),
        ],
        "events": ["D1 Q3", "D2 D3", "Q1 D1", "D2 Q3"],
        "general": [23.5, 24, 24, 24.5],
        "unit": {"staff_not_completed": 0},
        "headed_level": "good",
    },
    {
        "id": "trinh-thi-quynh",
        "name": "Trịnh Thị Quỳnh",
        "role": "Phó Giám đốc",
        "kind": "leader",
        "group": "ttyt-hoa-an/lanh-dao",
        "catalogue": [
            ("Phụ trách chuyên môn khám chữa bệnh", 4, None),
            ("Kiểm tra chất lượng bệnh viện", 2, None),
        ],
        "events": ["D1 Q2", "D1 D1 Q2", "Q1 D2", "D1 Q2 D2"],
        "general": [22, 22.5, 22.5, 23],
        "unit": {"staff_not_completed": 0},
        "unit_q": {2: {"prolonged_delays": True}},
    },
    {
        "id": "cao-van-son",
        "name": "Cao Văn Sơn",
        "role": "Bác sĩ khoa Nội",
        "kind": "member",
        "catalogue": [
            ("Khám, điều trị ngoại trú", 5, None),
            ("Điều trị nội trú", 4, None),
            ("Sinh hoạt chuyên môn, bình bệnh án", 1, None),
        ],
        "events": ["D3", "Q2", "D1 D3", "Q3"],
        "general": [25.5, 26, 26, 26.5],
    },
    {
        "id": "mac-thi-tam",
        "name": "Mạc Thị Tâm",
        "role": "Bác sĩ khoa Sản",
        "kind": "member",
        "catalogue": [
            ("Khám thai, quản lý thai nghén", 4, None),
            ("Đỡ đẻ, phẫu thuật sản khoa", 4, None),
            ("Tuyên truyền sức khỏe sinh sản", 1, None),
        ],
        "events": ["D2 Q3", "D1", "Q2 D3", "D1 D2"],
        "general": [24.5, 25, 25, 25.5],
    },
    {
        "id": "ha-van-thang",
        "name": "Hà Văn Thắng",
        "role": "Điều dưỡng trưởng",
        "kind": "member",
        "catalogue": [
            ("Quản lý điều dưỡng các khoa", 3, None),
            ("Chăm sóc người bệnh", 3, None),
            ("Đào tạo điều dưỡng mới", 1, None),
        ],
        "events": ["D1 Q2 D2", "Q1 D2 D3", "Q1 D2 D2", "D1 Q2 Q3"],
        "general": [21.5, 22, 22, 22.5],
    },
    {
        "id": "kieu-thi-uyen",
        "name": "Kiều Thị Uyên",
        "role": "Dược sĩ (unpaid personal leave April–June)",
        "kind": "member",
        "catalogue": [
            ("Cấp phát thuốc", 3, None),
            ("Quản lý kho dược", 2, None),
            ("Báo cáo sử dụng thuốc", 1, None),
        ],
        "events": ["D1 Q2 D3", "-", "Q1 D2 D3", "Q1 D1 D2"],
        "general": [21, None, 21.5, 22],
        "leave": {"months_worked": 9, "months_absent": 3, "kind": "unpaid"},
    },
    {
        "id": "lam-van-vinh",
        "name": "Lâm Văn Vinh",
        "role": "Kỹ thuật viên xét nghiệm (recruited 1/7/2026)",
        "kind": "member",
        "catalogue": [
            ("Thực hiện xét nghiệm", 4, None),
            ("Bảo dưỡng thiết bị", 1, None),
            ("Kiểm chuẩn chất lượng xét nghiệm", 1, None),
        ],
        "events": [None, None, "D1 D1 N3", "Q1 D2 D3"],
        "general": [None, None, 22.5, 23],
        "leave": {"months_worked": 6, "months_absent": 6, "kind": "other"},
    },
    {
        "id": "ta-thi-xuan",
        "name": "Tạ Thị Xuân",
        "role": "Kế toán",
        "kind": "member",
        "catalogue": [
            ("Kế toán thanh toán", 3, None),
            ("Báo cáo tài chính quý", 2, None),
            ("Quyết toán bảo hiểm y tế", 2, None),
        ],
        "events": ["D1 Q2 D3", "Q1 D1 D2", "D1 D1 Q3", "D1 Q2 N3"],
        "general": [21, 21.5, 21.5, 22],
    },
    {
        "id": "nong-van-bao",
        "name": "Nông Văn Bảo",
        "role": "Nhân viên y tế dự phòng",
        "kind": "member",
        "catalogue": [
            ("Giám sát dịch bệnh", 3, None),
            ("Tiêm chủng mở rộng", 3, None),
            ("Báo cáo dịch tễ", 1, None),
        ],
        "events": ["N1 D2 Q3", "Q1 N2 D3", "D1 D1 N3", "Q1 Q2 D2 D3"],
        "general": [21, 21.5, 21.5, 22],
    },
    {
        "id": "chu-van-y",
        "name": "Chu Văn Ý",
        "role": "Bác sĩ (transferred in mid-July: 5.5 months worked)",
        "kind": "member",
        "catalogue": [
            ("Khám, điều trị ngoại trú", 5, None),
            ("Trực cấp cứu", 2, None),
        ],
        "events": [None, None, "D2", "Q1 D1"],
        "general": [None, None, 22.5, 23],
        "leave": {"months_worked": 5.5, "months_absent": 6.5, "kind": "other"},
    },
]
CENTRE_STAFF_GROUP = "ttyt-hoa-an/chuyen-mon"

# Party records (QĐ 366, 2026) of the centre's party members, with the state result they
# read, as a party secretary would copy it from the centre's decision.
CENTRE_PARTY: dict[
    str, tuple[tuple[float, float], tuple[int, int, int, int], str, str]
] = {
    "phan-van-quang": ((28.5, 66.5), (12, 12, 12, 5), "2004-07-01", "good"),
    "trinh-thi-quynh": ((27, 60), (10, 10, 10, 2), "2009-05-19", "good"),
    "cao-van-son": ((28, 65), (10, 10, 10, 4), "2011-11-11", "excellent"),
    "mac-thi-tam": ((27.5, 61), (10, 10, 10, 3), "2013-03-08", "good"),
    "ha-van-thang": ((26, 57), (8, 8, 8, 1), "2006-01-15", "good"),
    "ta-thi-xuan": ((25.5, 55), (8, 8, 8, 1), "2017-09-02", "good"),
}
CENTRE_PARTY_GROUP = "chi-bo-ttyt-hoa-an/dang-vien"


# --- writing ------------------------------------------------------------------------------


def products(
    catalogue: list[tuple[str, float, list[int] | None]], events: str, period: int
) -> list[Record]:
    """The product list of one period from the catalogue and its event string."""
    tokens = events.split()
    out = []
    for index, (label, weight, months) in enumerate(catalogue, start=1):
        if months is not None and period not in months:
            continue
        item = {"label": label, "weight": weight, "done": f"N{index}" not in tokens}
        failures = tokens.count(f"Q{index}")
        delays = tokens.count(f"D{index}")
        if failures:
            item["quality_failures"] = failures
        if delays:
            item["delays"] = delays
        out.append(item)
    return out


def period_entry(
    key: str, number: int, person: Record, index: int, unit: Record | None
) -> Record | None:
    events = person["events"][index]
    if events is None:
        return None
    if events == "-":
        return {key: number, "no_work": True}
    entry = {key: number, "general": person["general"][index]}
    entry["products"] = products(person["catalogue"], events, number)
    if unit is not None:
        entry["unit"] = unit
    return entry


def department_record(person: Record, staff_counts: bool) -> Record:
    """staff_counts: give staff_not_completed (flat file) or leave it to the tree."""
    periods = []
    for index in range(12):
        month = index + 1
        unit: Record | None = None
        if person["kind"] == "leader":
            unit = {}
            if staff_counts:
                under = sum(
                    month in UNDER_50.get(staff, []) for staff in STAFF_OF[person["id"]]
                )
                unit["staff_not_completed"] = under
            if month in person["prolonged_delays"]:
                unit["prolonged_delays"] = True
            if month in person["disunity_complaints"]:
                unit["disunity_complaints"] = True
            if not unit:
                unit = None
        entry = period_entry("month", month, person, index, unit)
        if entry is not None:
            periods.append(entry)
    record = {
        "id": person["id"],
        "rating": "state",
        "period": {"year": YEAR},
        "as_of": "2026-12-10",
        "subject": {"kind": person["kind"], "employment": "cong_chuc"},
        "agency": AGENCY,
        "quota_group": LEADER_GROUP if person["kind"] == "leader" else STAFF_GROUP,
    }
    if "leave" in person:
        record["leave"] = person["leave"]
    if "discipline" in person:
        record["discipline"] = person["discipline"]
    record["periods"] = periods
    return record


def party_record(
    pid: str,
    score: tuple[float, float],
    tasks: tuple[int, int, int, int],
    admitted: str,
    group: str,
    state_level: str | None = None,
) -> Record:
    record: Record = {
        "id": pid,
        "period": {"year": YEAR},
        "as_of": "2026-12-22",
        "subject": {"kind": "member", "admitted_on": admitted},
        "score": {"general": score[0], "task_results": score[1]},
        "tasks": dict(zip(("assigned", "completed", "on_time", "exceeded"), tasks)),
        "quota_group": group,
    }
    if state_level is not None:
        record["state_rating"] = {"regime": "nd233", "year": YEAR, "level": state_level}
    return record


def department_tree() -> Record:
    by_id = {p["id"]: department_record(p, staff_counts=False) for p in DEPARTMENT}

    def members(unit: str) -> list[Record]:
        return [by_id[p["id"]] for p in DEPARTMENT if p["unit"] == unit and p["kind"] == "member"]

    return {
        "id": "vu-khtc",
        "name": "Vụ Kế hoạch – Tài chính (hư cấu / fictional)",
        "led_by": ["nguyen-van-an"],
        "leaders": [by_id[p["id"]] for p in DEPARTMENT if p["kind"] == "leader"],
        "units": [
            {
                "id": "linh-vuc-ke-hoach",
                "name": "Lĩnh vực kế hoạch",
                "led_by": ["tran-thi-binh"],
                "members": members("linh-vuc-ke-hoach"),
            },
            {
                "id": "linh-vuc-tai-chinh",
                "name": "Lĩnh vực tài chính",
                "led_by": ["le-van-cuong"],
                "members": members("linh-vuc-tai-chinh"),
            },
        ],
    }


def department_pair() -> list[Record]:
    records = [department_record(p, staff_counts=True) for p in DEPARTMENT]
    for pid, (score, tasks, admitted) in DEPARTMENT_PARTY.items():
        records.append(party_record(pid, score, tasks, admitted, PARTY_GROUP))
    return records


def centre_record(person: Record) -> Record:
    periods = []
    for index in range(4):
        quarter = index + 1
        unit = None
        if person["kind"] == "leader":
            unit = dict(person["unit"], **person.get("unit_q", {}).get(quarter, {}))
        entry = period_entry("quarter", quarter, person, index, unit)
        if entry is not None:
            periods.append(entry)
    record = {
        "id": person["id"],
        "rating": "state",
        "period": {"year": YEAR},
        "as_of": "2026-12-12",
        "subject": {"kind": person["kind"], "employment": "vien_chuc"},
        "agency": CENTRE_AGENCY,
        "quota_group": person.get("group", CENTRE_STAFF_GROUP),
    }
    if "headed_level" in person:
        record["leader"] = {"headed_level": person["headed_level"]}
    if "leave" in person:
        record["leave"] = person["leave"]
    record["periods"] = periods
    return record


def centre_party() -> list[Record]:
    return [
        party_record(pid, score, tasks, admitted, CENTRE_PARTY_GROUP, state_level)
        for pid, (score, tasks, admitted, state_level) in CENTRE_PARTY.items()
    ]


def render(value: Any, indent: int = 0, width: int = 100) -> str:
    """JSON with short objects and lists kept on one line, so the files stay readable."""
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if len(flat) + indent <= width or not isinstance(value, (dict, list)) or not value:
        return flat
    if isinstance(value, dict) and not any(isinstance(v, (dict, list)) for v in value.values()):
        return flat  # a product, a leave: one line each, however long
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {render(v, indent + 2, width)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + render(v, indent + 2, width) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


FILES: dict[str, Callable[[], Any]] = {
    "examples/vu-ke-hoach-tai-chinh-2026.json": department_tree,
    "examples/vu-ke-hoach-tai-chinh-2026-pair.json": department_pair,
    "examples/trung-tam-y-te-2026-nd233.json": lambda: [centre_record(p) for p in CENTRE],
    "examples/trung-tam-y-te-2026-party.json": centre_party,
}


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, build in FILES.items():
        text = render(build()) + "\n"
        path = ROOT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run scripts/gen-state-examples.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
