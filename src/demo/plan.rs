//! The people of the demo organisation and the assembly of a whole plan.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use super::model::*;
use super::respondents::*;
use super::text;
use super::*;
use crate::analytics::Perspective;

// ---------------------------------------------------------------------------
// People

pub(super) struct Names {
    pub(super) last: Vec<&'static str>,
}

impl Names {
    pub(super) fn person(&mut self, rng: &mut StdRng, role: &str, team_codes: Vec<String>) -> DemoPerson {
        let first = text::FIRST_NAMES.choose(rng).copied().unwrap_or("Camille");
        // Distinct last names keep e-mail addresses unique.
        self.named(first, role, team_codes)
    }

    /// A person with a chosen first name: draws nothing from `rng`, so
    /// adding one leaves every later draw (and the demo's answers) as it was.
    pub(super) fn named(&mut self, first: &str, role: &str, team_codes: Vec<String>) -> DemoPerson {
        let last = self.last.pop().unwrap_or("Martin");
        DemoPerson {
            email: format!("{}.{}@example.org", text::email_part(first), text::email_part(last)),
            display_name: format!("{first} {last}"),
            role: role.to_owned(),
            team_codes,
        }
    }
}

// ---------------------------------------------------------------------------
// The plan

/// Six months apart, three weeks each (the lengths of the first two are
/// what their answers were drawn with).
pub(super) const WAVES: [(&str, u32, u32); WAVE_COUNT] = [
    ("Vague 1 — printemps", 385, 364),
    ("Vague 2 — automne", 203, 182),
    ("Vague 3 — printemps", 35, 14),
];

/// The third wave's random stream: separate, so that adding the wave left
/// the first two waves' answers as they were.
const THIRD_WAVE_STREAM: u64 = 0x007a_3e15;

/// Employees answer in bursts: at the launch and after each reminder.
pub(super) fn employee_day(rng: &mut StdRng, days: u32) -> u32 {
    let weights: Vec<f64> = (0..=days)
        .map(|d| match d {
            0 => 6.0,
            1 => 4.0,
            2 => 2.5,
            7 | 14 => 3.0,
            8 | 15 => 1.8,
            _ => 0.8,
        })
        .collect();
    pick_weighted(rng, &weights) as u32
}

/// The instrument version the demo's waves are answered on.
pub const DEMO_INSTRUMENT: crate::analytics::InstrumentVersion = crate::analytics::InstrumentVersion::CURRENT;

/// The engine's input for one wave of the plan (`None` past the last).
pub fn wave_data(plan: &DemoPlan, wave: usize) -> Option<crate::analytics::CampaignData> {
    let mut data = crate::analytics::CampaignData {
        instrument: DEMO_INSTRUMENT,
        ..crate::analytics::CampaignData::default()
    };
    for team in &plan.teams {
        data.add_team(&team.code, &team.name, team.parent_code.as_deref());
    }
    for r in &plan.waves.get(wave)?.responses {
        data.add_respondent(&crate::analytics::Respondent {
            team: r.team.as_deref(),
            population: r.population,
            channel: r.channel,
            answers: &r.answers,
        });
    }
    Some(data)
}

/// One wave of the plan as raw respondents, in the input format of
/// `scripts/reference_analytics.py --raw` (the independent scipy
/// computation the engine is checked against): `k`, the team tree and every
/// respondent with its answers.
pub fn raw_wave(plan: &DemoPlan, wave: usize) -> Option<serde_json::Value> {
    let w = plan.waves.get(wave)?;
    let teams: Vec<serde_json::Value> = plan
        .teams
        .iter()
        .map(|t| serde_json::json!([t.code, t.parent_code]))
        .collect();
    let respondents: Vec<serde_json::Value> = w
        .responses
        .iter()
        .map(|r| {
            let answers: serde_json::Map<String, serde_json::Value> = r
                .answers
                .iter()
                .map(|(item, value)| (item.to_string(), serde_json::json!(value)))
                .collect();
            serde_json::json!({
                "team": r.team,
                "population": r.population.as_str(),
                "channel": r.channel.map(|c| c.as_str()),
                "answers": answers,
            })
        })
        .collect();
    // The points adopted in this wave, measured in the next (the
    // longitudinal reference reads them; the single-wave one ignores them).
    let adopted: Vec<serde_json::Value> = plan
        .actions
        .iter()
        .filter(|a| a.wave == wave)
        .map(|a| serde_json::json!([a.point, a.team]))
        .collect();
    Some(serde_json::json!({
        "k": plan.organisation.anonymity_threshold,
        "instrument_version": DEMO_INSTRUMENT.number(),
        "teams": teams,
        "respondents": respondents,
        "adopted": adopted,
    }))
}

/// The demo plan for `seed`; [`DEFAULT_SEED`] is the one the server uses.
pub fn plan(seed: u64) -> DemoPlan {
    let mut rng = StdRng::seed_from_u64(seed);
    let instrument = Instrument::load();
    let mut branches = draw_branches(&mut rng);
    let adopted = choose_actions(&branches);
    for action in &adopted {
        apply_action(&mut branches, action);
    }
    let staff = staff(&mut rng, &branches);
    let teams = teams(&branches);
    let mut waves: Vec<DemoWave> = (0..2)
        .map(|wave| draw_wave(&mut rng, &instrument, &branches, &staff, wave))
        .collect();
    let mut actions = actions(&adopted, &branches, &staff);
    let mut later = StdRng::seed_from_u64(seed ^ THIRD_WAVE_STREAM);
    let second = choose_second_actions(&mut later, &branches);
    third_wave(&mut later, &mut branches, &second);
    waves.push(draw_wave(&mut later, &instrument, &branches, &staff, 2));
    actions.extend(second_actions(&second, &branches, &staff));
    let Staff {
        directors,
        regional,
        managers,
        viewer,
        consultant,
    } = staff;
    let mut people = directors;
    people.extend(regional);
    people.extend(managers);
    people.push(viewer);
    people.push(consultant);
    DemoPlan {
        organisation: DemoOrganisation {
            name: "Banque Horizon".to_owned(),
            sector: "banking".to_owned(),
            default_language: "fr".to_owned(),
            anonymity_threshold: 5,
        },
        teams,
        people,
        waves,
        actions,
    }
}

/// The people: two directors, a head per region, a manager per branch
/// (in branch order), a viewer and the consultant who accompanies the bank.
struct Staff {
    directors: Vec<DemoPerson>,
    regional: Vec<DemoPerson>,
    managers: Vec<DemoPerson>,
    viewer: DemoPerson,
    consultant: DemoPerson,
}

fn staff(rng: &mut StdRng, branches: &[Branch]) -> Staff {
    let mut last: Vec<&'static str> = text::LAST_NAMES.to_vec();
    last.shuffle(rng);
    let mut names = Names { last };
    let directors: Vec<DemoPerson> = (0..2).map(|_| names.person(rng, "director", Vec::new())).collect();
    let regional: Vec<DemoPerson> = text::REGIONS
        .iter()
        .map(|r| names.person(rng, "manager", vec![r.code.to_owned()]))
        .collect();
    let managers: Vec<DemoPerson> = branches
        .iter()
        .map(|b| names.person(rng, "manager", vec![b.code.clone()]))
        .collect();
    let viewer = names.person(rng, "viewer", Vec::new());
    let consultant = names.named("Hélène", "consultant", Vec::new());
    Staff {
        directors,
        regional,
        managers,
        viewer,
        consultant,
    }
}

/// Regions (headcount: the sum of their branches'), then branches.
fn teams(branches: &[Branch]) -> Vec<DemoTeam> {
    let mut teams = Vec::new();
    for (r, region) in text::REGIONS.iter().enumerate() {
        teams.push(DemoTeam {
            code: region.code.to_owned(),
            name: region.name.to_owned(),
            parent_code: None,
            headcount: branches.iter().filter(|b| b.region == r).map(|b| b.headcount).sum(),
        });
    }
    teams.extend(branches.iter().map(|b| DemoTeam {
        code: b.code.clone(),
        name: b.name.clone(),
        parent_code: text::REGIONS.get(b.region).map(|r| r.code.to_owned()),
        headcount: b.headcount,
    }));
    teams
}

/// One wave: each branch's customers, employees and manager, then the
/// executive committee.
fn draw_wave(rng: &mut StdRng, instrument: &Instrument, branches: &[Branch], staff: &Staff, wave: usize) -> DemoWave {
    let (name, opens, closes) = WAVES[wave];
    let days = opens - closes;
    let mut responses = Vec::new();
    for (branch, manager) in branches.iter().zip(&staff.managers) {
        branch_responses(rng, instrument, branch, manager, (wave, days), &mut responses);
    }
    executive_responses(rng, instrument, branches, staff, (wave, days), &mut responses);
    DemoWave {
        name: name.to_owned(),
        opens_days_ago: opens,
        closes_days_ago: closes,
        responses,
    }
}

/// A branch's customers and employees, then its manager's
/// self-assessment; `when` is the wave and its length in days.
fn branch_responses(
    rng: &mut StdRng,
    instrument: &Instrument,
    branch: &Branch,
    manager: &DemoPerson,
    when: (usize, u32),
    responses: &mut Vec<DemoResponse>,
) {
    let (wave, days) = when;
    let levels = &branch.levels[wave];
    let team = Some(branch.code.clone());
    for _ in 0..branch.customers[wave] {
        let weights: Vec<f64> = CHANNEL_MIX.iter().map(|c| c.1).collect();
        let channel = CHANNEL_MIX[pick_weighted(rng, &weights)].0;
        let answered = customer(rng, instrument, &levels.customer, channel);
        responses.push(DemoResponse {
            team: team.clone(),
            population: Population::Customer,
            channel: Some(channel),
            day: rng.gen_range(0..=days),
            answers: answered.answers,
            comment: answered.comment,
            author_email: None,
        });
    }
    for _ in 0..branch.employees[wave] {
        let answered = employee(rng, instrument, levels);
        responses.push(DemoResponse {
            team: team.clone(),
            population: Population::Employee,
            channel: None,
            day: employee_day(rng, days),
            answers: answered.answers,
            comment: answered.comment,
            author_email: None,
        });
    }
    let answers = signed(
        rng,
        instrument,
        (
            Perspective::ManagerEstimateEmployee,
            &shifted(&levels.employee, levels.manager_bias),
        ),
        (
            Perspective::ManagerEstimateCustomer,
            &shifted(&levels.customer, levels.manager_customer_bias),
        ),
    );
    responses.push(DemoResponse {
        team,
        population: Population::Manager,
        channel: None,
        day: rng.gen_range(0..=6.min(days)),
        answers,
        comment: None,
        author_email: Some(manager.email.clone()),
    });
}

/// The executive committee: both directors and the heads of the Nord and
/// Sud regions, who sign as executives about the whole organisation.
fn executive_responses(
    rng: &mut StdRng,
    instrument: &Instrument,
    branches: &[Branch],
    staff: &Staff,
    when: (usize, u32),
    responses: &mut Vec<DemoResponse>,
) {
    let (wave, days) = when;
    let executives = staff.directors.iter().chain(staff.regional.iter().take(2));
    let organisation = |side: fn(&BranchLevels) -> &Levels| {
        let mut sum = [0.0; DIMS];
        for b in branches {
            for (s, l) in sum.iter_mut().zip(side(&b.levels[wave])) {
                *s += l / branches.len() as f64;
            }
        }
        sum
    };
    let (all_employees, all_customers) = (organisation(|l| &l.employee), organisation(|l| &l.customer));
    for person in executives {
        // Leadership sees the organisation through its reporting
        // lines: well above what employees and customers say.
        let about_employees = shifted(&all_employees, 0.45 + 0.10 * normal(rng));
        let about_customers = shifted(&all_customers, 0.35 + 0.10 * normal(rng));
        let answers = signed(
            rng,
            instrument,
            (Perspective::ExecutiveEstimateEmployee, &about_employees),
            (Perspective::ExecutiveEstimateCustomer, &about_customers),
        );
        responses.push(DemoResponse {
            team: None,
            population: Population::Executive,
            channel: None,
            day: rng.gen_range(2..=12.min(days)),
            answers,
            comment: None,
            author_email: Some(person.email.clone()),
        });
    }
}

/// The points adopted after wave 2, one action per branch, owned by its
/// manager.
fn second_actions(second: &[SecondAdoption], branches: &[Branch], staff: &Staff) -> Vec<DemoAction> {
    second
        .iter()
        .flat_map(|a| a.branches.iter().map(move |&b| (a.point, b)))
        .filter_map(|(point, b)| {
            Some(DemoAction {
                point: point.to_owned(),
                team: Some(branches.get(b)?.code.clone()),
                owner_email: staff.managers.get(b)?.email.clone(),
                status: "done".to_owned(),
                note: text::action_note(point).to_owned(),
                wave: 1,
            })
        })
        .collect()
}

/// The adopted actions, each owned by the head of its scope.
fn actions(adopted: &[Adopted], branches: &[Branch], staff: &Staff) -> Vec<DemoAction> {
    let owner = |scope: &Scope| match *scope {
        Scope::Organisation => staff.directors.first().map(|p| p.email.clone()),
        Scope::Region(r) => staff.regional.get(r).map(|p| p.email.clone()),
        Scope::Branch(b) => staff.managers.get(b).map(|p| p.email.clone()),
    };
    adopted
        .iter()
        .filter_map(|a| {
            let team = match a.scope {
                Scope::Organisation => None,
                Scope::Region(r) => Some(text::REGIONS.get(r)?.code.to_owned()),
                Scope::Branch(b) => Some(branches.get(b)?.code.clone()),
            };
            Some(DemoAction {
                point: a.point.to_owned(),
                team,
                owner_email: owner(&a.scope)?,
                status: if a.done { "done" } else { "in_progress" }.to_owned(),
                note: text::action_note(a.point).to_owned(),
                wave: 0,
            })
        })
        .collect()
}
