//! A synthetic national-scale organisation tree in the JSON Lines unit form of
//! `docs/organisation-trees.md` (feature `synthetic`): about 5.5 million party members
//! in about 52,000 grassroots party organisations, for benchmarks of the organisation
//! engine. No data here describes a real person or unit; the province names and, close
//! enough for a benchmark, their commune counts follow the 2025 arrangement (34
//! provinces; 3,321 communes, wards and special zones in all); everything below them is
//! made up.
//!
//! The hierarchy, at scale 1.0:
//!
//! | tier | units |
//! |---|---|
//! | root | the Central Committee (no records of its own) |
//! | upper level | 34 provincial đảng bộ; in each, four blocs (party agencies, the people's committee, military, police); 6 central đảng bộ (Government, National Assembly, central party agencies, Fatherland Front and mass organisations, Army, Public Security) with 100 ministries, commands and departments beneath them |
//! | grassroots | 3,321 commune and ward đảng bộ (about 120–1,750 members, 735 on average, in 8–35 chi bộ); about 48,700 grassroots organisations of agencies, enterprises, the army and the police: 75% chi bộ cơ sở (10–30 members), 25% đảng bộ cơ sở (100–2,000 members, most of them under 200) |
//! | below grassroots | the chi bộ of each đảng bộ cơ sở (its members split unevenly among chi bộ of 15–40 on average) and of each commune (thôn, tổ dân phố, military, police, school, health station) |
//!
//! Every unit but the root has an `organisation` record (a `party_organisation`);
//! communes, upper-level units, đảng bộ cơ sở and some chi bộ have a `leadership`
//! collective whose `leadership_members` are its leaders (and, in a chi bộ, one member);
//! units tied to an agency have an `agency` record; most units name their secretary (the
//! first leader record of the unit) in `led_by`. Individuals are `members` of the chi bộ,
//! and `leaders` of the unit they lead (the secretary and deputies of provinces and
//! central đảng bộ are centrally managed). Every record has the period `{"year": 2025}`
//! and its facts drawn by the same per-record logic as [`super::assessment`], so the
//! mix of outcomes is the one documented there, with a unique id.
//!
//! Facts that the engine derives from the tree are left out, so that nothing given
//! conflicts with what is derived: `leader.units_in_charge`,
//! `collective.subordinate_units_disciplined`, `conclusions.member_degradation`,
//! discipline records with a `member_id`, and `quota_group` (the default groups apply).
//! The derivable facts still occur: about 1% of collectives carry their own discipline
//! (disciplined subordinate units), and a few leaders of leadership collectives are
//! disciplined or concluded degraded.
//!
//! Units come in depth-first order, each parent before its children. The same scale
//! always gives the same bytes; at a smaller scale, each bloc keeps a random share of
//! its grassroots organisations (whose sizes do not change), so `0.01` is a
//! hundredth of the country, not a hundredth of each unit.
//!
//! ```
//! use cadre_eval::synthetic::national;
//!
//! let mut text = Vec::new();
//! let size = national::write_json_lines(&mut text, 0.001)?;
//! assert_eq!(size.bytes, text.len() as u64);
//! assert_eq!(size.census, national::census(0.001)?);
//! let first = String::from_utf8_lossy(&text).lines().next().map(str::to_owned);
//! assert!(first.is_some_and(|line| line.starts_with(r#"{"id":"trung-uong""#)));
//! # Ok::<(), std::io::Error>(())
//! ```

use crate::contract::assessment::{Assessment, CollectiveInput, LeaderInput};
use crate::contract::subject::{CollectiveKind, SubjectKind};
use crate::synthetic::random::{mix, SplitMix64};
use crate::synthetic::records::assessment_of_kind_in_year;
use serde::Serialize;
use std::io::{self, Write};

/// The seed of the national population (records and structure).
pub const SEED: u64 = 2025;

/// The calendar year every record is assessed for.
pub const YEAR: i32 = 2025;

/// The largest scale accepted (a hundred countries, about 150 GB of JSON).
pub const MAX_SCALE: f64 = 100.0;

/// Grassroots organisations of the provincial blocs, shared among the provinces in
/// proportion to their communes.
const PROVINCIAL_AGENCY_GRASSROOTS: u64 = 31_640;

/// One unit of the tree, as one line of the JSON Lines form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// Unique among units; a dotted path below the province (`thanh-hoa.xa017.cb03`).
    pub id: String,
    /// The unit's name, in Vietnamese.
    pub name: String,
    /// The parent unit's id; `None` for the root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The party organisation (`party_organisation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Assessment>,
    /// The agency, organisation or unit the party organisation belongs to (`agency`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<Assessment>,
    /// The leadership collective (`leadership`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leadership: Option<Assessment>,
    /// Ids of the records of this unit that make up the leadership collective.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leadership_members: Vec<String>,
    /// Ids of the leader records responsible for this unit (its secretary).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub led_by: Vec<String>,
    /// Records of kind `member`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Assessment>,
    /// Records of kind `leader`; the first is the secretary.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leaders: Vec<Assessment>,
    /// Where the unit stands in the hierarchy (not part of the JSON form).
    #[serde(skip)]
    pub tier: Tier,
}

/// Where a unit stands in the hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    /// The Central Committee.
    Root,
    /// Above the grassroots (cấp trên cơ sở): provinces, central and provincial blocs,
    /// ministries.
    UpperLevel,
    /// A grassroots party organisation (tổ chức cơ sở đảng): a commune or ward đảng bộ,
    /// a đảng bộ cơ sở or a chi bộ cơ sở.
    Grassroots,
    /// A chi bộ of a grassroots đảng bộ (chi bộ trực thuộc đảng ủy cơ sở).
    BelowGrassroots,
}

/// Counts of the tree at a scale, known from its structure alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Census {
    /// Units (lines of the JSON Lines form).
    pub units: u64,
    /// Grassroots party organisations ([`Tier::Grassroots`]).
    pub grassroots: u64,
    /// Records of every kind.
    pub records: u64,
    /// Records of kind `member`.
    pub members: u64,
    /// Records of kind `leader`.
    pub leaders: u64,
    /// Records of kind `collective`.
    pub collectives: u64,
}

/// What [`write_json_lines`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NationalSize {
    /// Units and records.
    pub census: Census,
    /// Bytes of JSON Lines, newlines included.
    pub bytes: u64,
}

/// Writes the tree at `scale` (1.0 = national, 0.01 = a hundredth of the grassroots
/// organisations) as JSON Lines, one unit per line, and reports what it wrote. The
/// writer is buffered here; a scale that is not a number in `0..=MAX_SCALE` is an
/// `InvalidInput` error.
pub fn write_json_lines<W: Write>(writer: W, scale: f64) -> io::Result<NationalSize> {
    let mut output = io::BufWriter::with_capacity(
        1 << 20,
        Counting {
            inner: writer,
            bytes: 0,
        },
    );
    let mut census = Census::default();
    for unit in units(scale)? {
        census.add_unit(&unit);
        serde_json::to_writer(&mut output, &unit)?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    let bytes = output.get_ref().bytes;
    Ok(NationalSize { census, bytes })
}

/// Units, records and bytes of the tree at `scale`, by generating it into a counting
/// sink (about as long as writing it; [`census`] gives the counts without the bytes at
/// once).
pub fn size(scale: f64) -> io::Result<NationalSize> {
    write_json_lines(io::sink(), scale)
}

/// Units and records of the tree at `scale`, from its structure alone (no record is
/// generated).
pub fn census(scale: f64) -> io::Result<Census> {
    let mut walk = units(scale)?;
    let mut census = Census::default();
    while let Some(plan) = walk.stack.pop() {
        let expansion = walk.expand(&plan);
        census.add_shape(expansion.tier, &expansion.shape);
        walk.stack.extend(expansion.children.into_iter().rev());
    }
    Ok(census)
}

/// The units of the tree at `scale`, parents before children.
pub fn units(scale: f64) -> io::Result<Units> {
    if !(0.0..=MAX_SCALE).contains(&scale) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("scale {scale} is not in 0..={MAX_SCALE}"),
        ));
    }
    Ok(Units {
        stack: vec![Plan {
            id: "trung-uong".to_owned(),
            parent: None,
            key: mix(SEED),
            kind: PlanKind::Root,
        }],
        scale,
        next_record: 0,
    })
}

/// Iterator over the units of the tree; see [`units`].
pub struct Units {
    /// Units still to generate, the next one last.
    stack: Vec<Plan>,
    scale: f64,
    /// The index of the next record: its random stream and its id.
    next_record: u64,
}

impl Iterator for Units {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        let plan = self.stack.pop()?;
        let Expansion {
            name,
            tier,
            shape,
            children,
        } = self.expand(&plan);
        let unit = self.build(plan, name, tier, &shape);
        self.stack.extend(children.into_iter().rev());
        Some(unit)
    }
}

impl Census {
    fn add_unit(&mut self, unit: &Unit) {
        self.units += 1;
        self.grassroots += u64::from(unit.tier == Tier::Grassroots);
        self.members += unit.members.len() as u64;
        self.leaders += unit.leaders.len() as u64;
        self.collectives += [&unit.organisation, &unit.agency, &unit.leadership]
            .into_iter()
            .filter(|record| record.is_some())
            .count() as u64;
        self.records = self.members + self.leaders + self.collectives;
    }

    fn add_shape(&mut self, tier: Tier, shape: &Shape) {
        self.units += 1;
        self.grassroots += u64::from(tier == Tier::Grassroots);
        self.members += u64::from(shape.members);
        self.leaders += u64::from(shape.leaders);
        self.collectives += u64::from(shape.organisation)
            + u64::from(shape.agency)
            + u64::from(shape.leadership.is_some());
        self.records = self.members + self.leaders + self.collectives;
    }
}

/// Counts the bytes that pass to the inner writer.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A unit not generated yet: where it is and what it is.
struct Plan {
    id: String,
    parent: Option<String>,
    /// Seeds the unit's structure (its name, size and children), independent of the
    /// scale and of the units generated before it.
    key: u64,
    kind: PlanKind,
}

#[derive(Clone, Copy)]
enum PlanKind {
    Root,
    Province(&'static Province),
    CentralBloc(&'static CentralBloc),
    /// A ministry, command or department under a central đảng bộ (cấp trên cơ sở).
    Intermediate {
        bloc: &'static CentralBloc,
        ordinal: u64,
        grassroots: u64,
    },
    ProvincialBloc {
        province: &'static Province,
        bloc: &'static ProvincialBloc,
        grassroots: u64,
    },
    Commune {
        province: &'static Province,
        ordinal: u64,
    },
    /// A grassroots organisation of an agency, an enterprise, the army or the police.
    AgencyGrassroots {
        setting: Setting,
        ordinal: u64,
    },
    /// A chi bộ of a grassroots đảng bộ.
    Cell {
        name: CellName,
        people: u32,
    },
}

#[derive(Clone, Copy)]
enum CellName {
    Numbered(u64),
    Village { ward: bool, ordinal: u64 },
    Special(&'static str),
}

/// What a grassroots organisation belongs to, for its name and its agency record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setting {
    PartyAgency,
    Government,
    Military,
    Police,
}

impl Setting {
    /// Kinds of agency or unit in this setting, for names.
    fn labels(self) -> &'static [&'static str] {
        match self {
            Setting::PartyAgency => &[
                "Ban",
                "Văn phòng",
                "Báo",
                "Trường Chính trị",
                "Ủy ban Kiểm tra",
            ],
            Setting::Government => &[
                "Sở",
                "Trường Trung học phổ thông",
                "Bệnh viện",
                "Công ty",
                "Ban Quản lý",
                "Trung tâm",
                "Chi cục",
                "Trường Cao đẳng",
            ],
            Setting::Military => &[
                "Trung đoàn",
                "Tiểu đoàn",
                "Ban Chỉ huy",
                "Kho",
                "Trường Quân sự",
            ],
            Setting::Police => &[
                "Phòng",
                "Đội",
                "Trại tạm giam",
                "Trung đoàn Cảnh sát cơ động",
            ],
        }
    }
}

/// A province or centrally run city after the 2025 merger.
struct Province {
    id: &'static str,
    name: &'static str,
    city: bool,
    communes: u64,
}

/// The 34 provinces and their communes and wards (3,321 in all; per province, as
/// recalled from the 2025 resolutions, not checked against them unit by unit).
const PROVINCES: [Province; 34] = [
    province("ha-noi", "Hà Nội", true, 126),
    province("hue", "Huế", true, 40),
    province("lai-chau", "Lai Châu", false, 38),
    province("dien-bien", "Điện Biên", false, 45),
    province("son-la", "Sơn La", false, 75),
    province("lang-son", "Lạng Sơn", false, 65),
    province("quang-ninh", "Quảng Ninh", false, 54),
    province("thanh-hoa", "Thanh Hóa", false, 166),
    province("nghe-an", "Nghệ An", false, 130),
    province("ha-tinh", "Hà Tĩnh", false, 69),
    province("cao-bang", "Cao Bằng", false, 56),
    province("tuyen-quang", "Tuyên Quang", false, 124),
    province("lao-cai", "Lào Cai", false, 99),
    province("thai-nguyen", "Thái Nguyên", false, 92),
    province("phu-tho", "Phú Thọ", false, 148),
    province("bac-ninh", "Bắc Ninh", false, 99),
    province("hung-yen", "Hưng Yên", false, 104),
    province("hai-phong", "Hải Phòng", true, 114),
    province("ninh-binh", "Ninh Bình", false, 129),
    province("quang-tri", "Quảng Trị", false, 78),
    province("da-nang", "Đà Nẵng", true, 94),
    province("quang-ngai", "Quảng Ngãi", false, 96),
    province("gia-lai", "Gia Lai", false, 135),
    province("khanh-hoa", "Khánh Hòa", false, 65),
    province("lam-dong", "Lâm Đồng", false, 124),
    province("dak-lak", "Đắk Lắk", false, 102),
    province("ho-chi-minh", "Hồ Chí Minh", true, 168),
    province("dong-nai", "Đồng Nai", false, 95),
    province("tay-ninh", "Tây Ninh", false, 96),
    province("can-tho", "Cần Thơ", true, 103),
    province("vinh-long", "Vĩnh Long", false, 124),
    province("dong-thap", "Đồng Tháp", false, 102),
    province("ca-mau", "Cà Mau", false, 64),
    province("an-giang", "An Giang", false, 102),
];

const fn province(id: &'static str, name: &'static str, city: bool, communes: u64) -> Province {
    Province {
        id,
        name,
        city,
        communes,
    }
}

impl Province {
    fn kind(&self) -> &'static str {
        if self.city {
            "thành phố"
        } else {
            "tỉnh"
        }
    }
}

/// A bloc directly under a province.
struct ProvincialBloc {
    suffix: &'static str,
    name: &'static str,
    /// Its share of the province's agency grassroots organisations, per mille.
    share: u64,
    setting: Setting,
    /// Whether the bloc stands for an agency (rated as `agency`).
    agency: bool,
}

const PROVINCIAL_BLOCS: [ProvincialBloc; 4] = [
    ProvincialBloc {
        suffix: "cqd",
        name: "các cơ quan Đảng",
        share: 80,
        setting: Setting::PartyAgency,
        agency: false,
    },
    ProvincialBloc {
        suffix: "ubnd",
        name: "Ủy ban nhân dân",
        share: 700,
        setting: Setting::Government,
        agency: true,
    },
    ProvincialBloc {
        suffix: "qs",
        name: "Quân sự",
        share: 120,
        setting: Setting::Military,
        agency: true,
    },
    ProvincialBloc {
        suffix: "ca",
        name: "Công an",
        share: 100,
        setting: Setting::Police,
        agency: true,
    },
];

/// A đảng bộ directly under the Central Committee, other than the provinces.
struct CentralBloc {
    id: &'static str,
    name: &'static str,
    intermediate: &'static str,
    intermediates: u64,
    grassroots: u64,
    setting: Setting,
    agency: bool,
}

const CENTRAL_BLOCS: [CentralBloc; 6] = [
    CentralBloc {
        id: "dang-bo-chinh-phu",
        name: "Đảng bộ Chính phủ",
        intermediate: "Đảng bộ bộ, ngành",
        intermediates: 25,
        grassroots: 4_000,
        setting: Setting::Government,
        agency: false,
    },
    CentralBloc {
        id: "dang-bo-quoc-hoi",
        name: "Đảng bộ Quốc hội",
        intermediate: "Đảng bộ cơ quan",
        intermediates: 5,
        grassroots: 150,
        setting: Setting::PartyAgency,
        agency: false,
    },
    CentralBloc {
        id: "dang-bo-cac-co-quan-dang-tw",
        name: "Đảng bộ các cơ quan Đảng Trung ương",
        intermediate: "Đảng bộ cơ quan",
        intermediates: 12,
        grassroots: 250,
        setting: Setting::PartyAgency,
        agency: false,
    },
    CentralBloc {
        id: "dang-bo-mttq-doan-the-tw",
        name: "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương",
        intermediate: "Đảng bộ cơ quan",
        intermediates: 8,
        grassroots: 300,
        setting: Setting::PartyAgency,
        agency: false,
    },
    CentralBloc {
        id: "dang-bo-quan-doi",
        name: "Đảng bộ Quân đội",
        intermediate: "Đảng bộ quân khu, quân đoàn, binh chủng",
        intermediates: 30,
        grassroots: 9_000,
        setting: Setting::Military,
        agency: true,
    },
    CentralBloc {
        id: "dang-bo-cong-an-tw",
        name: "Đảng bộ Công an Trung ương",
        intermediate: "Đảng bộ cục, đơn vị",
        intermediates: 20,
        grassroots: 3_500,
        setting: Setting::Police,
        agency: true,
    },
];

/// The records a unit has.
#[derive(Default)]
struct Shape {
    organisation: bool,
    agency: bool,
    /// The leadership collective, and how many members of the unit (after its leaders)
    /// belong to it.
    leadership: Option<u32>,
    /// Leader records; the first is the secretary.
    leaders: u32,
    /// How many of the first leaders are centrally managed (the others are not).
    centrally_managed: u32,
    members: u32,
    /// Whether `led_by` names the secretary.
    led: bool,
}

impl Shape {
    /// An upper-level unit: its organisation, its standing committee and their leaders.
    fn upper(leaders: u32, centrally_managed: u32, agency: bool) -> Shape {
        Shape {
            organisation: true,
            agency,
            leadership: Some(0),
            leaders,
            centrally_managed,
            members: 0,
            led: true,
        }
    }
}

struct Expansion {
    name: String,
    tier: Tier,
    shape: Shape,
    children: Vec<Plan>,
}

impl Units {
    /// The unit's name, tier and records, and its children, from its plan alone.
    fn expand(&self, plan: &Plan) -> Expansion {
        let mut rng = SplitMix64::from_state(plan.key);
        let mut children = Vec::new();
        let mut child = |suffix: String, kind: PlanKind| {
            let ordinal = children.len() as u64;
            children.push(Plan {
                id: if plan.parent.is_none() {
                    suffix
                } else {
                    format!("{}.{suffix}", plan.id)
                },
                parent: Some(plan.id.clone()),
                key: mix(plan.key ^ mix(ordinal.wrapping_add(1))),
                kind,
            });
        };
        let (name, tier, shape) = match plan.kind {
            PlanKind::Root => {
                for province in &PROVINCES {
                    child(province.id.to_owned(), PlanKind::Province(province));
                }
                for bloc in &CENTRAL_BLOCS {
                    child(bloc.id.to_owned(), PlanKind::CentralBloc(bloc));
                }
                let name = "Đảng Cộng sản Việt Nam (Ban Chấp hành Trung ương)".to_owned();
                (name, Tier::Root, Shape::default())
            }
            PlanKind::Province(province) => {
                let communes = scaled(province.communes, self.scale, &mut rng);
                for ordinal in 1..=communes {
                    child(
                        format!("xa{ordinal:03}"),
                        PlanKind::Commune { province, ordinal },
                    );
                }
                let agency_grassroots = PROVINCIAL_AGENCY_GRASSROOTS * province.communes / 3_321;
                for bloc in &PROVINCIAL_BLOCS {
                    let grassroots =
                        scaled(agency_grassroots * bloc.share / 1_000, self.scale, &mut rng);
                    child(
                        bloc.suffix.to_owned(),
                        PlanKind::ProvincialBloc {
                            province,
                            bloc,
                            grassroots,
                        },
                    );
                }
                let name = format!("Đảng bộ {} {}", province.kind(), province.name);
                let leaders = rng.between(13, 18);
                (name, Tier::UpperLevel, Shape::upper(leaders, 4, false))
            }
            PlanKind::ProvincialBloc {
                province,
                bloc,
                grassroots,
            } => {
                for ordinal in 1..=grassroots {
                    child(
                        format!("cs{ordinal:04}"),
                        PlanKind::AgencyGrassroots {
                            setting: bloc.setting,
                            ordinal,
                        },
                    );
                }
                let name = format!(
                    "Đảng bộ {} {} {}",
                    bloc.name,
                    province.kind(),
                    province.name
                );
                let leaders = rng.between(5, 9);
                (
                    name,
                    Tier::UpperLevel,
                    Shape::upper(leaders, 0, bloc.agency),
                )
            }
            PlanKind::CentralBloc(bloc) => {
                let per_intermediate = bloc.grassroots / bloc.intermediates;
                for ordinal in 1..=bloc.intermediates {
                    // Ministries and commands differ in size: 50–150% of the mean.
                    let weight = u64::from(rng.between(50, 150));
                    let grassroots = scaled(per_intermediate * weight / 100, self.scale, &mut rng);
                    child(
                        format!("db{ordinal:02}"),
                        PlanKind::Intermediate {
                            bloc,
                            ordinal,
                            grassroots,
                        },
                    );
                }
                let leaders = rng.between(7, 13);
                (
                    bloc.name.to_owned(),
                    Tier::UpperLevel,
                    Shape::upper(leaders, 3, bloc.agency),
                )
            }
            PlanKind::Intermediate {
                bloc,
                ordinal,
                grassroots,
            } => {
                for ordinal in 1..=grassroots {
                    child(
                        format!("cs{ordinal:04}"),
                        PlanKind::AgencyGrassroots {
                            setting: bloc.setting,
                            ordinal,
                        },
                    );
                }
                let name = format!("{} số {ordinal}", bloc.intermediate);
                let leaders = rng.between(5, 9);
                (name, Tier::UpperLevel, Shape::upper(leaders, 0, true))
            }
            PlanKind::Commune { province, ordinal } => {
                // Wards are most of a city's communes, a minority elsewhere.
                let ward = rng.chance(if province.city { 4_500 } else { 1_500 });
                let cells = rng.between(8, 35);
                for (index, special, people) in [
                    (1, "Chi bộ Quân sự", rng.between(5, 15)),
                    (2, "Chi bộ Công an", rng.between(5, 15)),
                    (3, "Chi bộ Trường học", rng.between(8, 25)),
                    (4, "Chi bộ Trạm Y tế", rng.between(5, 12)),
                ] {
                    child(
                        format!("cb{index:02}"),
                        PlanKind::Cell {
                            name: CellName::Special(special),
                            people,
                        },
                    );
                }
                for index in 5..=u64::from(cells) {
                    child(
                        format!("cb{index:02}"),
                        PlanKind::Cell {
                            name: CellName::Village {
                                ward,
                                ordinal: index - 4,
                            },
                            people: rng.between(24, 54),
                        },
                    );
                }
                let name = format!(
                    "Đảng bộ {} số {ordinal}, {} {}",
                    if ward { "phường" } else { "xã" },
                    province.kind(),
                    province.name
                );
                let shape = Shape {
                    organisation: true,
                    agency: true,
                    leadership: Some(0),
                    leaders: rng.between(5, 9),
                    centrally_managed: 0,
                    members: 0,
                    led: true,
                };
                (name, Tier::Grassroots, shape)
            }
            PlanKind::AgencyGrassroots { setting, ordinal } => {
                let labels = setting.labels();
                let label = labels
                    .get(rng.below(labels.len() as u32) as usize)
                    .copied()
                    .unwrap_or("Cơ quan");
                let agency = rng.chance(9_000);
                if rng.chance(7_500) {
                    // Chi bộ cơ sở: 10–30 people, members of the unit itself.
                    let people = rng.between(10, 30);
                    let leaders = 1 + u32::from(rng.chance(6_000));
                    let shape = Shape {
                        organisation: true,
                        agency,
                        leadership: rng.chance(3_500).then_some(1),
                        leaders,
                        centrally_managed: 0,
                        members: people - leaders,
                        led: rng.chance(9_500),
                    };
                    let name = format!("Chi bộ {label} số {ordinal}");
                    (name, Tier::Grassroots, shape)
                } else {
                    // Đảng bộ cơ sở: 100–2,000 people in chi bộ of 15–40, most under 200.
                    let people = match rng.below(100) {
                        0..=89 => rng.between(100, 200),
                        90..=98 => rng.between(201, 800),
                        _ => rng.between(801, 2_000),
                    };
                    let target = rng.between(15, 40);
                    let cells = people.div_ceil(target).max(3);
                    let weights: Vec<u32> = (0..cells).map(|_| rng.between(5, 15)).collect();
                    let total_weight: u32 = weights.iter().sum();
                    let mut assigned = 0;
                    for (index, weight) in weights.iter().enumerate() {
                        let share = if index + 1 == weights.len() {
                            people - assigned
                        } else {
                            people * weight / total_weight.max(1)
                        };
                        assigned += share;
                        let ordinal = index as u64 + 1;
                        child(
                            format!("cb{ordinal:02}"),
                            PlanKind::Cell {
                                name: CellName::Numbered(ordinal),
                                people: share,
                            },
                        );
                    }
                    let shape = Shape {
                        organisation: true,
                        agency,
                        leadership: Some(0),
                        leaders: rng.between(3, 7),
                        centrally_managed: 0,
                        members: 0,
                        led: true,
                    };
                    let name = format!("Đảng bộ {label} số {ordinal}");
                    (name, Tier::Grassroots, shape)
                }
            }
            PlanKind::Cell { name, people } => {
                let name = match name {
                    CellName::Numbered(ordinal) => format!("Chi bộ số {ordinal}"),
                    CellName::Village {
                        ward: true,
                        ordinal,
                    } => format!("Chi bộ tổ dân phố {ordinal}"),
                    CellName::Village {
                        ward: false,
                        ordinal,
                    } => format!("Chi bộ thôn {ordinal}"),
                    CellName::Special(name) => name.to_owned(),
                };
                let leaders = (1 + u32::from(people >= 10 && rng.chance(3_000))).min(people);
                let members = people - leaders;
                let shape = Shape {
                    organisation: true,
                    agency: false,
                    leadership: (members > 0 && rng.chance(1_500)).then_some(1),
                    leaders,
                    centrally_managed: 0,
                    members,
                    led: rng.chance(9_000),
                };
                (name, Tier::BelowGrassroots, shape)
            }
        };
        Expansion {
            name,
            tier,
            shape,
            children,
        }
    }

    /// The unit's records, drawn from consecutive record indices.
    fn build(&mut self, plan: Plan, name: String, tier: Tier, shape: &Shape) -> Unit {
        let collective = |units: &mut Units, kind: CollectiveKind| {
            units.record(SubjectKind::Collective, Some(kind))
        };
        let organisation = shape
            .organisation
            .then(|| collective(self, CollectiveKind::PartyOrganisation));
        let agency = shape
            .agency
            .then(|| collective(self, CollectiveKind::Agency));
        let leadership = shape
            .leadership
            .map(|_| collective(self, CollectiveKind::Leadership));
        let leaders: Vec<Assessment> = (0..shape.leaders)
            .map(|position| {
                let mut leader = self.record(SubjectKind::Leader, None);
                leader.subject.centrally_managed = if position < shape.centrally_managed {
                    Some(true)
                } else {
                    leader.subject.centrally_managed.and(Some(false))
                };
                leader
            })
            .collect();
        let members: Vec<Assessment> = (0..shape.members)
            .map(|_| self.record(SubjectKind::Member, None))
            .collect();
        let leadership_members = match shape.leadership {
            Some(from_members) => leaders
                .iter()
                .chain(members.iter().take(from_members as usize))
                .map(|record| record.id.clone())
                .collect(),
            None => Vec::new(),
        };
        let led_by = leaders
            .first()
            .filter(|_| shape.led)
            .map(|secretary| vec![secretary.id.clone()])
            .unwrap_or_default();
        Unit {
            id: plan.id,
            name,
            parent: plan.parent,
            organisation,
            agency,
            leadership,
            leadership_members,
            led_by,
            members,
            leaders,
            tier,
        }
    }

    /// The next record, of the given kind, fitted to the tree.
    fn record(&mut self, kind: SubjectKind, collective_kind: Option<CollectiveKind>) -> Assessment {
        let index = self.next_record;
        self.next_record += 1;
        let mut record = assessment_of_kind_in_year(SEED, index, kind, collective_kind, YEAR);
        leave_derivable_facts_out(&mut record);
        record
    }
}

/// Removes the facts that the engine derives from the tree (`docs/organisation-trees.md`),
/// so that none conflicts with its derivation, and the caller's quota group.
fn leave_derivable_facts_out(record: &mut Assessment) {
    record.quota_group = None;
    record.discipline.retain(|entry| entry.member_id.is_none());
    record.conclusions.member_degradation = None;
    if let Some(leader) = record.leader.as_mut() {
        leader.units_in_charge = None;
    }
    if record.leader == Some(LeaderInput::default()) {
        record.leader = None;
    }
    if let Some(collective) = record.collective.as_mut() {
        collective.subordinate_units_disciplined = None;
    }
    if record.collective == Some(CollectiveInput::default()) {
        record.collective = None;
    }
}

/// `count × scale`, rounded up or down at random in proportion to the fraction, so that
/// the totals of a scaled tree are the scaled totals on average.
fn scaled(count: u64, scale: f64, rng: &mut SplitMix64) -> u64 {
    let exact = count as f64 * scale;
    let whole = exact.floor();
    let fraction = exact - whole;
    // 53 random bits as a uniform number in [0, 1).
    let draw = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    whole as u64 + u64::from(draw < fraction)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::{decode_assessment, evaluate_valid, validate, Level, Options, Outcome};
    use std::collections::{BTreeMap, HashMap, HashSet};

    /// About 20,000 records.
    const TEST_SCALE: f64 = 0.0035;

    fn test_lines() -> (Vec<u8>, NationalSize) {
        let mut text = Vec::new();
        let size = write_json_lines(&mut text, TEST_SCALE).unwrap();
        (text, size)
    }

    fn records_of(unit: &serde_json::Value) -> Vec<(String, &serde_json::Value)> {
        let mut records = Vec::new();
        for key in ["organisation", "agency", "leadership"] {
            if let Some(record) = unit.get(key) {
                records.push((key.to_owned(), record));
            }
        }
        for key in ["members", "leaders"] {
            for record in unit
                .get(key)
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
            {
                records.push((key.to_owned(), record));
            }
        }
        records
    }

    #[test]
    fn every_record_of_a_scaled_tree_decodes_and_validates() {
        let (text, size) = test_lines();
        let text = String::from_utf8(text).unwrap();
        assert!((15_000..=30_000).contains(&size.census.records), "{size:?}");
        let mut checked = 0u64;
        let mut rejected = Vec::new();
        for line in text.lines() {
            let unit: serde_json::Value = serde_json::from_str(line).unwrap();
            for (place, record) in records_of(&unit) {
                let json = record.to_string();
                match decode_assessment(&json).and_then(|a| validate(&a)) {
                    Ok(valid) => {
                        assert_eq!(valid.period.from.to_string(), "2025-01-01");
                        assert_eq!(valid.period.to.to_string(), "2025-12-31");
                    }
                    Err(errors) => rejected.push((unit["id"].clone(), place, errors.to_string())),
                }
                checked += 1;
            }
        }
        assert_eq!(checked, size.census.records);
        assert!(
            rejected.is_empty(),
            "{} of {checked} rejected, first: {:?}",
            rejected.len(),
            rejected.first()
        );
    }

    #[test]
    fn the_lines_form_one_tree_with_consistent_references() {
        let (text, size) = test_lines();
        let text = String::from_utf8(text).unwrap();
        let allowed: HashSet<&str> = [
            "id",
            "name",
            "parent",
            "organisation",
            "agency",
            "leadership",
            "leadership_members",
            "led_by",
            "members",
            "leaders",
        ]
        .into_iter()
        .collect();
        let mut unit_ids = HashSet::new();
        let mut record_ids = HashSet::new();
        let mut roots = 0;
        let mut bytes = 0u64;
        for line in text.lines() {
            bytes += line.len() as u64 + 1;
            let unit: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = unit.as_object().unwrap();
            for key in object.keys() {
                assert!(allowed.contains(key.as_str()), "unexpected key {key}");
            }
            let id = unit["id"].as_str().unwrap().to_owned();
            match unit.get("parent") {
                // Parents come first, so the parent is already known.
                Some(parent) => assert!(unit_ids.contains(parent.as_str().unwrap()), "{id}"),
                None => roots += 1,
            }
            assert!(unit_ids.insert(id.clone()), "duplicate unit {id}");
            let expected_kind = |place: &str| match place {
                "organisation" => ("collective", Some("party_organisation")),
                "agency" => ("collective", Some("agency")),
                "leadership" => ("collective", Some("leadership")),
                "members" => ("member", None),
                _ => ("leader", None),
            };
            let mut own_ids = HashMap::new();
            for (place, record) in records_of(&unit) {
                let record_id = record["id"].as_str().unwrap().to_owned();
                assert!(
                    record_ids.insert(record_id.clone()),
                    "duplicate record {record_id}"
                );
                let (kind, collective_kind) = expected_kind(&place);
                assert_eq!(record["subject"]["kind"], kind, "{record_id}");
                assert_eq!(
                    record["subject"]
                        .get("collective_kind")
                        .and_then(|k| k.as_str()),
                    collective_kind
                );
                assert_eq!(record["period"], serde_json::json!({ "year": 2025 }));
                own_ids.insert(record_id, place);
            }
            for led_by in unit
                .get("led_by")
                .and_then(|l| l.as_array())
                .into_iter()
                .flatten()
            {
                let secretary = led_by.as_str().unwrap();
                assert_eq!(own_ids.get(secretary).map(String::as_str), Some("leaders"));
                assert_eq!(
                    unit["leaders"][0]["id"], *led_by,
                    "the secretary comes first"
                );
            }
            let leadership_members = unit.get("leadership_members").and_then(|l| l.as_array());
            assert_eq!(
                leadership_members.is_some(),
                unit.get("leadership").is_some(),
                "{id}"
            );
            for member in leadership_members.into_iter().flatten() {
                let place = own_ids.get(member.as_str().unwrap()).map(String::as_str);
                assert!(
                    matches!(place, Some("members" | "leaders")),
                    "{id}: {member}"
                );
            }
        }
        assert_eq!(roots, 1);
        assert_eq!(size.bytes, bytes);
        assert_eq!(size.census.units, unit_ids.len() as u64);
        assert_eq!(size.census.records, record_ids.len() as u64);
    }

    #[test]
    fn the_tree_depends_only_on_the_scale() {
        let (first, _) = test_lines();
        let (second, _) = test_lines();
        assert!(first == second, "two runs differ");
        let mut other = Vec::new();
        write_json_lines(&mut other, TEST_SCALE * 2.0).unwrap();
        assert!(first != other);
        assert_eq!(size(TEST_SCALE).unwrap().bytes, first.len() as u64);
    }

    #[test]
    fn the_census_matches_what_is_generated() {
        let (_, size) = test_lines();
        assert_eq!(census(TEST_SCALE).unwrap(), size.census);
        let skeleton = census(0.0).unwrap();
        assert_eq!(skeleton.grassroots, 0);
        // The root, 34 provinces with their 4 blocs, 6 central blocs and their 100
        // ministries and commands.
        assert_eq!(skeleton.units, 1 + 34 * 5 + 6 + 100);
    }

    #[test]
    fn the_national_tree_has_the_documented_size() {
        let national = census(1.0).unwrap();
        let people = national.members + national.leaders;
        assert!(
            (5_300_000..=5_700_000).contains(&people),
            "{people} party members: {national:?}"
        );
        assert!(
            (51_000..=53_000).contains(&national.grassroots),
            "{} grassroots organisations: {national:?}",
            national.grassroots
        );
        assert!(
            (150_000..=300_000).contains(&national.units),
            "{national:?}"
        );
    }

    #[test]
    fn scales_outside_the_range_are_refused() {
        for scale in [-0.5, f64::NAN, f64::INFINITY, MAX_SCALE * 2.0] {
            let error = write_json_lines(io::sink(), scale).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{scale}");
        }
    }

    #[test]
    fn the_tree_has_the_expected_mix_of_units_and_outcomes() {
        let mut tiers: HashMap<Tier, u64> = HashMap::new();
        let mut levels: BTreeMap<String, u64> = BTreeMap::new();
        let (mut own_discipline, mut disciplined_leaders, mut with_agency, mut led) =
            (0u64, 0u64, 0u64, 0u64);
        let mut chi_bo_co_so_sizes = Vec::new();
        for unit in units(TEST_SCALE).unwrap() {
            *tiers.entry(unit.tier).or_default() += 1;
            with_agency += u64::from(unit.agency.is_some());
            led += u64::from(!unit.led_by.is_empty());
            for collective in [&unit.organisation, &unit.agency].into_iter().flatten() {
                own_discipline += u64::from(!collective.discipline.is_empty());
            }
            for leader in &unit.leaders {
                disciplined_leaders += u64::from(
                    unit.leadership_members.contains(&leader.id)
                        && (!leader.discipline.is_empty() || leader.conclusions.degradation),
                );
            }
            if unit.tier == Tier::Grassroots && unit.name.starts_with("Chi bộ") {
                chi_bo_co_so_sizes.push(unit.members.len() + unit.leaders.len());
            }
            for member in &unit.members {
                let decision =
                    evaluate_valid(&validate(member).unwrap(), &Options::default()).unwrap();
                let key = match (decision.outcome, decision.level) {
                    (Outcome::Classified, Some(level)) => level.as_str().to_owned(),
                    (outcome, _) => format!("{outcome:?}"),
                };
                *levels.entry(key).or_default() += 1;
            }
        }
        let units: u64 = tiers.values().sum();
        assert_eq!(tiers[&Tier::Root], 1);
        assert!(
            tiers[&Tier::BelowGrassroots] > tiers[&Tier::Grassroots],
            "{tiers:?}"
        );
        assert!(
            with_agency > 0 && with_agency < units / 2,
            "{with_agency} of {units}"
        );
        assert!(led > units * 8 / 10 && led < units, "{led} of {units}");
        assert!(own_discipline > 0, "no disciplined unit");
        assert!(disciplined_leaders > 0, "no disciplined leadership member");
        assert!(chi_bo_co_so_sizes
            .iter()
            .all(|people| (10..=30).contains(people)));
        let members: u64 = levels.values().sum();
        let count = |level: Level| levels.get(level.as_str()).copied().unwrap_or(0);
        assert!(count(Level::Good) > members / 2, "{levels:?}");
        assert!(count(Level::Excellent) > members / 50, "{levels:?}");
        assert!(
            count(Level::NotCompleted) > 0 && count(Level::Completed) > 0,
            "{levels:?}"
        );
    }
}
