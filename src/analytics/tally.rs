//! Turns the raw aggregate rows into validated per-team tallies and their
//! roll-ups over the team tree. This is the only place rows are checked, so
//! everything downstream can index without failing.

use std::collections::{BTreeMap, HashMap};

use super::data::{CampaignData, TeamNode};
use super::items::{Channel, ItemCode, Population, Scope};
use super::AnalyticsError;

/// Answer counts indexed by value (scales go up to 10).
pub type Counts = [u64; 11];

/// Orientation buckets indexed by 6 × mean (6..=30).
pub type Buckets = [u64; 31];

/// Pooled aggregates of some set of respondents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub answers: BTreeMap<ItemCode, Counts>,
    pub respondents: BTreeMap<(Population, Scope), u64>,
    pub orientation: Buckets,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        for (item, counts) in &other.answers {
            let mine = self.answers.entry(*item).or_insert([0; 11]);
            for (a, b) in mine.iter_mut().zip(counts) {
                *a += b;
            }
        }
        for (key, count) in &other.respondents {
            *self.respondents.entry(*key).or_insert(0) += count;
        }
        for (a, b) in self.orientation.iter_mut().zip(&other.orientation) {
            *a += b;
        }
    }

    pub fn n(&self, population: Population, scope: Scope) -> u64 {
        self.respondents.get(&(population, scope)).copied().unwrap_or(0)
    }

    pub fn counts(&self, item: &ItemCode) -> Counts {
        self.answers.get(item).copied().unwrap_or([0; 11])
    }
}

/// The team tree in display order: depth first, siblings by code.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub teams: Vec<TeamNode>,
    pub parent: Vec<Option<usize>>,
    pub children: Vec<Vec<usize>>,
    pub roots: Vec<usize>,
    /// Code → position; hashed, since every aggregate row looks its team up.
    pub index: HashMap<String, usize>,
}

impl Tree {
    pub fn build(nodes: &[TeamNode]) -> Result<Tree, AnalyticsError> {
        let mut by_code: BTreeMap<&str, &TeamNode> = BTreeMap::new();
        let mut kids: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
        for node in nodes {
            if by_code.insert(&node.code, node).is_some() {
                return Err(AnalyticsError::DuplicateTeam(node.code.clone()));
            }
        }
        for node in nodes {
            let parent = node.parent_code.as_deref();
            if let Some(p) = parent.filter(|p| !by_code.contains_key(p)) {
                return Err(AnalyticsError::UnknownTeam(p.to_owned()));
            }
            kids.entry(parent).or_default().push(&node.code);
        }
        let mut tree = Tree {
            teams: Vec::new(),
            parent: Vec::new(),
            children: Vec::new(),
            roots: Vec::new(),
            index: HashMap::new(),
        };
        // Explicit stack: trees may be deep and recursion is not worth a crash.
        let mut stack: Vec<(&str, Option<usize>)> = Vec::new();
        let push_kids = |stack: &mut Vec<_>, key: Option<&str>, parent: Option<usize>| {
            let mut list = kids.get(&key).cloned().unwrap_or_default();
            list.sort_unstable();
            stack.extend(list.into_iter().rev().map(|c| (c, parent)));
        };
        push_kids(&mut stack, None, None);
        while let Some((code, parent)) = stack.pop() {
            let Some(node) = by_code.get(code) else {
                continue;
            };
            let idx = tree.teams.len();
            tree.teams.push((*node).clone());
            tree.parent.push(parent);
            tree.children.push(Vec::new());
            tree.index.insert(code.to_owned(), idx);
            match parent {
                Some(p) => tree.children[p].push(idx),
                None => tree.roots.push(idx),
            }
            push_kids(&mut stack, Some(code), Some(idx));
        }
        if tree.teams.len() < nodes.len() {
            let lost = nodes.iter().find(|n| !tree.index.contains_key(&n.code));
            return Err(AnalyticsError::TeamCycle(
                lost.map(|n| n.code.clone()).unwrap_or_default(),
            ));
        }
        Ok(tree)
    }

    /// Indices of `root` and all its descendants, in display order.
    pub fn subtree(&self, root: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.children[i].iter().rev());
        }
        out
    }
}

/// Validated tallies: each team's own answers, its roll-up with all
/// sub-teams, and the organisation-level executive answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub tree: Tree,
    pub own: Vec<Tally>,
    pub rollup: Vec<Tally>,
    pub executives: Tally,
}

impl Prepared {
    /// The whole organisation: every team plus the executives.
    pub fn organisation(&self) -> Tally {
        let mut total = self.executives.clone();
        for &root in &self.tree.roots {
            total.add(&self.rollup[root]);
        }
        total
    }
}

/// Checks every row and sums them per team; customer rows of other channels
/// than `channel` (when given) are left out.
pub fn prepare(data: &CampaignData, channel: Option<Channel>) -> Result<Prepared, AnalyticsError> {
    let tree = Tree::build(&data.teams)?;
    let mut own = vec![Tally::default(); tree.teams.len()];
    let mut executives = Tally::default();
    let keep = |population: Population, row_channel: Option<Channel>| {
        population != Population::Customer || channel.is_none() || row_channel == channel
    };
    for row in &data.histograms {
        check_placement(&row.team, row.population, row.channel)?;
        if row.item.population() != row.population {
            return Err(AnalyticsError::WrongPopulation {
                item: row.item.to_string(),
                population: row.population,
            });
        }
        if !row.item.accepts(row.value) {
            return Err(AnalyticsError::OutOfScale {
                item: row.item.to_string(),
                value: row.value,
            });
        }
        if keep(row.population, row.channel) {
            let tally = target(&tree, &mut own, &mut executives, row.team.as_deref())?;
            tally.answers.entry(row.item).or_insert([0; 11])[usize::from(row.value)] += row.count;
        }
    }
    for row in &data.respondents {
        check_placement(&row.team, row.population, row.channel)?;
        if keep(row.population, row.channel) {
            let tally = target(&tree, &mut own, &mut executives, row.team.as_deref())?;
            *tally.respondents.entry((row.population, row.scope)).or_insert(0) += row.count;
        }
    }
    for row in &data.orientation {
        if !(6..=30).contains(&row.key) {
            return Err(AnalyticsError::OrientationKey(row.key));
        }
        let tally = target(&tree, &mut own, &mut executives, Some(&row.team))?;
        tally.orientation[usize::from(row.key)] += row.count;
    }
    Ok(Prepared::new(tree, own, executives))
}

/// The customers of one channel only, for channel views. The rows were
/// already checked by [`prepare`]; other populations are left out since
/// channel views only read customer figures, which keeps the six channel
/// passes about as cheap as one pass over the customer rows.
pub fn prepare_customer_channel(data: &CampaignData, channel: Channel) -> Result<Prepared, AnalyticsError> {
    let tree = Tree::build(&data.teams)?;
    let mut own = vec![Tally::default(); tree.teams.len()];
    let mut executives = Tally::default();
    let ours = |population: Population, row_channel: Option<Channel>| {
        population == Population::Customer && row_channel == Some(channel)
    };
    for row in data.histograms.iter().filter(|r| ours(r.population, r.channel)) {
        let tally = target(&tree, &mut own, &mut executives, row.team.as_deref())?;
        tally.answers.entry(row.item).or_insert([0; 11])[usize::from(row.value)] += row.count;
    }
    for row in data.respondents.iter().filter(|r| ours(r.population, r.channel)) {
        let tally = target(&tree, &mut own, &mut executives, row.team.as_deref())?;
        *tally.respondents.entry((row.population, row.scope)).or_insert(0) += row.count;
    }
    Ok(Prepared::new(tree, own, executives))
}

impl Prepared {
    /// Rolls each team's own tallies up into all its ancestors.
    fn new(tree: Tree, own: Vec<Tally>, executives: Tally) -> Prepared {
        let mut rollup = own.clone();
        // Display order is a preorder, so walking it backwards meets children first.
        for i in (0..tree.teams.len()).rev() {
            if let Some(p) = tree.parent[i] {
                let child = rollup[i].clone();
                rollup[p].add(&child);
            }
        }
        Prepared {
            tree,
            own,
            rollup,
            executives,
        }
    }
}

fn check_placement(
    team: &Option<String>,
    population: Population,
    channel: Option<Channel>,
) -> Result<(), AnalyticsError> {
    let organisation_level = population == Population::Executive;
    if team.is_none() != organisation_level {
        return Err(AnalyticsError::Misplaced {
            population,
            reason: "team must be empty for executives and only for them",
        });
    }
    if channel.is_some() && population != Population::Customer {
        return Err(AnalyticsError::Misplaced {
            population,
            reason: "only customer rows carry a channel",
        });
    }
    Ok(())
}

fn target<'a>(
    tree: &Tree,
    own: &'a mut [Tally],
    executives: &'a mut Tally,
    team: Option<&str>,
) -> Result<&'a mut Tally, AnalyticsError> {
    match team {
        None => Ok(executives),
        Some(code) => {
            let idx = tree
                .index
                .get(code)
                .copied()
                .ok_or_else(|| AnalyticsError::UnknownTeam(code.to_owned()))?;
            own.get_mut(idx)
                .ok_or_else(|| AnalyticsError::UnknownTeam(code.to_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(code: &str, parent: Option<&str>) -> TeamNode {
        TeamNode {
            code: code.into(),
            name: code.into(),
            parent_code: parent.map(Into::into),
        }
    }

    #[test]
    fn tree_is_in_display_order_and_rejects_cycles() {
        let tree = Tree::build(&[
            team("b", None),
            team("a2", Some("a")),
            team("a", None),
            team("a1", Some("a")),
        ])
        .unwrap();
        let codes: Vec<&str> = tree.teams.iter().map(|t| t.code.as_str()).collect();
        assert_eq!(codes, ["a", "a1", "a2", "b"]);
        assert_eq!(tree.subtree(0), [0, 1, 2]);
        assert!(Tree::build(&[team("x", Some("y")), team("y", Some("x"))]).is_err());
        assert!(Tree::build(&[team("x", Some("z"))]).is_err());
        assert!(Tree::build(&[team("x", None), team("x", None)]).is_err());
    }
}
