//! The shape of a team tree in linear time: each team's level, the teams on
//! a cycle, lineages and sub-trees. Every function here visits each team a
//! bounded number of times, so a long chain of teams (the tree is not
//! trusted to be shallow: it comes from a file) costs its length, not its
//! square.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::db::models::team::Team;

/// The default of `MIROIR_MAX_TEAM_DEPTH`: levels of teams below the
/// organisation (a top-level team is level 1).
pub const DEFAULT_MAX_DEPTH: usize = 12;

/// Levels of a parent map: `depth` of each team that leads up to a root (a
/// root, or a team whose parent is not in the map, is level 1), and the
/// teams that lie on a cycle (those leading into a cycle have no level and
/// are not on it).
#[derive(Debug, Clone)]
pub struct Levels<K> {
    pub depth: HashMap<K, usize>,
    pub cycle: Vec<K>,
}

impl<K: Hash + Eq> Levels<K> {
    pub fn max_depth(&self) -> usize {
        self.depth.values().copied().max().unwrap_or(0)
    }
}

enum Mark {
    /// On the path being walked, at this position.
    OnPath(usize),
    /// Walked: its level, or `None` above which lies a cycle.
    Done(Option<usize>),
}

/// Each team is pushed on a walk once and marked once: linear time.
pub fn levels<K: Hash + Eq + Clone + Ord>(parent_of: &HashMap<K, Option<K>>) -> Levels<K> {
    let mut mark: HashMap<&K, Mark> = HashMap::with_capacity(parent_of.len());
    let mut cycle = Vec::new();
    for start in parent_of.keys() {
        if mark.contains_key(start) {
            continue;
        }
        let mut path: Vec<&K> = Vec::new();
        let mut current = Some(start);
        // The level of the team just above the path, if it has one.
        let above = loop {
            let Some(key) = current else { break Some(0) };
            match mark.get(key) {
                Some(Mark::Done(level)) => break *level,
                Some(Mark::OnPath(at)) => {
                    cycle.extend(path[*at..].iter().map(|k| (*k).clone()));
                    break None;
                }
                None => match parent_of.get(key) {
                    None => break Some(0),
                    Some(parent) => {
                        mark.insert(key, Mark::OnPath(path.len()));
                        path.push(key);
                        current = parent.as_ref();
                    }
                },
            }
        };
        let mut level = above;
        for key in path.into_iter().rev() {
            level = level.map(|l| l + 1);
            mark.insert(key, Mark::Done(level));
        }
    }
    cycle.sort();
    let depth = mark
        .into_iter()
        .filter_map(|(k, m)| match m {
            Mark::Done(Some(level)) => Some((k.clone(), level)),
            _ => None,
        })
        .collect();
    Levels { depth, cycle }
}

/// The teams of an organisation indexed once, for many lineage questions.
pub struct Hierarchy<'a> {
    by_id: HashMap<&'a str, &'a Team>,
    children: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Hierarchy<'a> {
    pub fn new(teams: &'a [Team]) -> Hierarchy<'a> {
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for t in teams {
            if let Some(p) = t.parent_id.as_deref() {
                children.entry(p).or_default().push(&t.id);
            }
        }
        Hierarchy {
            by_id: teams.iter().map(|t| (t.id.as_str(), t)).collect(),
            children,
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a Team> {
        self.by_id.get(id).copied()
    }

    /// The team's id followed by its ancestors' ids: as many steps as the
    /// team is deep (and never more than there are teams, even on a cycle
    /// the database should not hold).
    pub fn lineage(&self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut current = self.get(id);
        while let Some(t) = current {
            if out.len() >= self.by_id.len() {
                break;
            }
            out.push(t.id.clone());
            current = t.parent_id.as_deref().and_then(|p| self.get(p));
        }
        out
    }

    /// The teams for which `allowed(lineage)` holds, asked of each team with
    /// its own id only: a lineage rule of the policy allows a team when it
    /// allows the team itself or any of its ancestors, so a team's answer is
    /// its own or its parent's. Each team is decided once — linear, where
    /// asking with each full lineage costs the sum of the depths (a test
    /// checks both ways agree for every role).
    pub fn allowed_by_lineage(&self, allowed: impl Fn(&[String]) -> bool) -> HashSet<&'a str> {
        let mut decided: HashMap<&'a str, bool> = HashMap::with_capacity(self.by_id.len());
        for start in self.by_id.keys() {
            let mut path: Vec<&'a str> = Vec::new();
            let mut current = Some(*start);
            let mut above = false;
            while let Some(id) = current {
                if let Some(known) = decided.get(id) {
                    above = *known;
                    break;
                }
                if path.len() >= self.by_id.len() {
                    break; // a cycle the database should not hold
                }
                path.push(id);
                current = self
                    .get(id)
                    .and_then(|t| t.parent_id.as_deref())
                    .and_then(|p| self.by_id.get_key_value(p).map(|(k, _)| *k));
            }
            for id in path.into_iter().rev() {
                above = above || allowed(&[id.to_string()]);
                decided.insert(id, above);
            }
        }
        decided.into_iter().filter_map(|(id, ok)| ok.then_some(id)).collect()
    }

    /// The team's id and the ids of all teams below it.
    pub fn subtree(&self, id: &str) -> Vec<String> {
        if self.get(id).is_none() {
            return Vec::new();
        }
        let mut seen: HashSet<&str> = HashSet::from([id]);
        let mut out = vec![id.to_string()];
        let mut next = 0;
        while let Some(current) = out.get(next) {
            if let Some(kids) = self.children.get(current.as_str()) {
                let fresh: Vec<String> = kids.iter().filter(|k| seen.insert(k)).map(|k| k.to_string()).collect();
                out.extend(fresh);
            }
            next += 1;
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn parents(pairs: &[(&str, Option<&str>)]) -> HashMap<String, Option<String>> {
        pairs
            .iter()
            .map(|(k, p)| (k.to_string(), p.map(str::to_string)))
            .collect()
    }

    #[test]
    fn levels_count_from_one_at_the_top() {
        let l = levels(&parents(&[
            ("A", None),
            ("B", Some("A")),
            ("C", Some("B")),
            ("D", Some("A")),
        ]));
        assert_eq!(l.depth["A"], 1);
        assert_eq!(l.depth["C"], 3);
        assert_eq!(l.depth["D"], 2);
        assert_eq!(l.max_depth(), 3);
        assert!(l.cycle.is_empty());
    }

    #[test]
    fn cycles_are_named_and_what_hangs_below_them_has_no_level() {
        let l = levels(&parents(&[
            ("A", Some("B")),
            ("B", Some("A")),
            ("C", Some("A")),
            ("D", None),
            ("E", Some("E")),
        ]));
        assert_eq!(l.cycle, vec!["A", "B", "E"]);
        assert_eq!(l.depth.get("C"), None);
        assert_eq!(l.depth["D"], 1);
    }

    #[test]
    fn a_long_chain_costs_its_length() {
        let n = 200_000;
        let map: HashMap<String, Option<String>> = (0..n)
            .map(|i| (format!("t{i}"), (i > 0).then(|| format!("t{}", i - 1))))
            .collect();
        let l = levels(&map);
        assert_eq!(l.max_depth(), n);
    }

    /// A team whose id, code and name are `id` (also for other modules' tests).
    pub(crate) fn team(id: &str, parent: Option<&str>) -> Team {
        Team {
            id: id.into(),
            organisation_id: "o".into(),
            code: id.into(),
            name: id.into(),
            parent_id: parent.map(Into::into),
            headcount: 0,
        }
    }

    #[test]
    fn visibility_decided_once_per_team_matches_asking_with_each_lineage() {
        use crate::auth::policy::{Action, Decision, Principal, Role};
        let teams = vec![
            team("r", None),
            team("a", Some("r")),
            team("b", Some("a")),
            team("c", Some("b")),
            team("s", None),
            team("t", Some("s")),
        ];
        let h = Hierarchy::new(&teams);
        for role in Role::ALL {
            for managed in [vec![], vec!["a"], vec!["s", "c"], vec!["r"]] {
                let mut p = Principal::default();
                p.memberships.insert("o".into(), role);
                p.managed_teams = managed.iter().map(|m| m.to_string()).collect();
                for principal in [p.clone(), Principal::default()] {
                    let ask =
                        |lineage: &[String]| principal.may(Action::ViewTeam { org: "o", lineage }) == Decision::Allow;
                    let fast = h.allowed_by_lineage(ask);
                    for t in &teams {
                        assert_eq!(
                            fast.contains(t.id.as_str()),
                            ask(&h.lineage(&t.id)),
                            "{role:?} {managed:?} {}",
                            t.id
                        );
                    }
                }
            }
        }
        let chain: Vec<Team> = (0..20_000)
            .map(|i| {
                let parent = (i > 0).then(|| format!("t{}", i - 1));
                team(&format!("t{i}"), parent.as_deref())
            })
            .collect();
        let h = Hierarchy::new(&chain);
        assert_eq!(h.allowed_by_lineage(|l| l[0] == "t0").len(), 20_000);
    }

    #[test]
    fn lineages_and_subtrees() {
        let teams = vec![
            team("r", None),
            team("a", Some("r")),
            team("b", Some("a")),
            team("c", Some("r")),
        ];
        let h = Hierarchy::new(&teams);
        assert_eq!(h.lineage("b"), vec!["b", "a", "r"]);
        assert_eq!(h.lineage("nope"), Vec::<String>::new());
        let mut below = h.subtree("a");
        below.sort();
        assert_eq!(below, vec!["a", "b"]);
        assert_eq!(h.subtree("r").len(), 4);
        // A cycle the database should never hold still ends.
        let looped = vec![team("x", Some("y")), team("y", Some("x"))];
        assert_eq!(Hierarchy::new(&looped).lineage("x").len(), 2);
        assert_eq!(Hierarchy::new(&looped).subtree("x").len(), 2);
    }
}
