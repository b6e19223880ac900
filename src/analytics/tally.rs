//! Turns the raw aggregate rows into validated per-team tallies and their
//! roll-ups over the team tree. This is the only place rows are checked, so
//! everything downstream can index without failing.
//!
//! Tallies are dense arrays indexed by item group (`ItemGroup::slot`): every
//! figure of the report pools the answers of a group (a dimension seen from
//! one perspective, or one headline item), so nothing finer is kept, and
//! rolling a team into its parent is a few thousand additions with no
//! allocation. Rows are read once; the customers of each channel are tallied
//! in the same pass.

use std::collections::{BTreeMap, HashMap};

use super::data::{CampaignData, TeamNode};
use super::items::{Channel, Dimension, InstrumentVersion, ItemCode, ItemGroup, Perspective, Population, Scope};
use super::scores::Score;
use super::AnalyticsError;

/// Answer counts indexed by value (scales go up to 10).
pub type Counts = [u64; 11];

/// Orientation buckets indexed by 6 × mean (6..=30).
pub type Buckets = [u64; 31];

const GROUPS: usize = ItemGroup::COUNT;
const POPULATIONS: usize = 4;
const DIMENSIONS: usize = 11;

fn add_counts(mine: &mut Counts, other: &Counts) {
    for (a, b) in mine.iter_mut().zip(other) {
        *a += b;
    }
}

/// Pooled aggregates of some set of respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Answers per item group, pooled over the group's items.
    answers: [Counts; GROUPS],
    /// Respondents per item group (the group's population is implied).
    in_group: [u64; GROUPS],
    /// Respondents per population (`Scope::All`).
    in_population: [u64; POPULATIONS],
    pub orientation: Buckets,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            answers: [[0; 11]; GROUPS],
            in_group: [0; GROUPS],
            in_population: [0; POPULATIONS],
            orientation: [0; 31],
        }
    }
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        for (mine, theirs) in self.answers.iter_mut().zip(&other.answers) {
            add_counts(mine, theirs);
        }
        for (a, b) in self.in_group.iter_mut().zip(&other.in_group) {
            *a += b;
        }
        for (a, b) in self.in_population.iter_mut().zip(&other.in_population) {
            *a += b;
        }
        for (a, b) in self.orientation.iter_mut().zip(&other.orientation) {
            *a += b;
        }
    }

    /// Respondents of `population` in `scope` (0 for a group of another
    /// population).
    pub fn n(&self, population: Population, scope: Scope) -> u64 {
        match scope {
            Scope::All => self.in_population[population.index()],
            Scope::Group(g) if g.population() == population => self.in_group[g.slot()],
            Scope::Group(_) => 0,
        }
    }

    /// Answers to the items of `group`, pooled.
    pub fn counts(&self, group: ItemGroup) -> &Counts {
        &self.answers[group.slot()]
    }

    fn add_answers(&mut self, item: ItemCode, value: u8, count: u64) {
        self.answers[item.group().slot()][usize::from(value)] += count;
    }

    /// `scope` must belong to `population` (checked by [`prepare`]).
    fn add_respondents(&mut self, population: Population, scope: Scope, count: u64) {
        match scope {
            Scope::All => self.in_population[population.index()] += count,
            Scope::Group(g) => self.in_group[g.slot()] += count,
        }
    }

    /// The customer figures channel views need.
    pub fn customers(&self) -> Customers {
        let mut slice = Customers {
            n: self.in_population[Population::Customer.index()],
            ..Customers::default()
        };
        for &d in Dimension::ALL {
            let g = ItemGroup::Dimension(d, Perspective::Customer).slot();
            slice.in_dimension[d.index()] = self.in_group[g];
            slice.answers[d.index()] = self.answers[g];
        }
        slice
    }
}

/// The customer side of a tally, per dimension: all a channel view reads.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Customers {
    pub n: u64,
    in_dimension: [u64; DIMENSIONS],
    answers: [Counts; DIMENSIONS],
}

impl Customers {
    pub fn add(&mut self, other: &Customers) {
        self.n += other.n;
        for (a, b) in self.in_dimension.iter_mut().zip(&other.in_dimension) {
            *a += b;
        }
        for (mine, theirs) in self.answers.iter_mut().zip(&other.answers) {
            add_counts(mine, theirs);
        }
    }

    /// Customers in `scope` (`All` or a customer dimension; 0 otherwise).
    pub fn n_in(&self, scope: Scope) -> u64 {
        match scope {
            Scope::All => self.n,
            Scope::Group(ItemGroup::Dimension(d, Perspective::Customer)) => self.in_dimension[d.index()],
            Scope::Group(_) => 0,
        }
    }

    /// The customer score of a dimension, ignoring anonymity.
    pub fn score(&self, d: Dimension) -> Score {
        Score::from_counts(self.in_dimension[d.index()], &self.answers[d.index()], 4)
    }

    fn add_answers(&mut self, item: ItemCode, value: u8, count: u64) {
        if let ItemGroup::Dimension(d, Perspective::Customer) = item.group() {
            self.answers[d.index()][usize::from(value)] += count;
        }
    }

    fn add_respondents(&mut self, scope: Scope, count: u64) {
        match scope {
            Scope::All => self.n += count,
            Scope::Group(ItemGroup::Dimension(d, Perspective::Customer)) => self.in_dimension[d.index()] += count,
            Scope::Group(_) => {}
        }
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
/// sub-teams, the organisation-level executive answers, and the customers
/// of each channel rolled up the same way.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// How manager and executive answers read.
    pub instrument: InstrumentVersion,
    pub tree: Tree,
    pub own: Vec<Tally>,
    pub rollup: Vec<Tally>,
    pub executives: Tally,
    /// Per channel (in `Channel::ALL` order), the roll-up of every team's
    /// customers of that channel.
    pub channels: Vec<(Channel, Vec<Customers>)>,
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

    /// The customers of one channel in the whole organisation.
    pub fn organisation_channel(&self, slices: &[Customers]) -> Customers {
        let mut total = Customers::default();
        for &root in &self.tree.roots {
            total.add(&slices[root]);
        }
        total
    }
}

/// Resolves team codes to tree positions, remembering the last one: the
/// database hands rows over mostly in runs of one team (storage order),
/// with one shared string per team, so most rows are recognised by the
/// string's address alone.
struct Teams<'a> {
    tree: &'a Tree,
    last: Option<(&'a str, usize)>,
}

impl<'a> Teams<'a> {
    fn resolve(&mut self, code: &'a str) -> Result<usize, AnalyticsError> {
        if let Some((last, idx)) = self.last {
            if std::ptr::eq(last, code) || last == code {
                return Ok(idx);
            }
        }
        let idx = self
            .tree
            .index
            .get(code)
            .copied()
            .ok_or_else(|| AnalyticsError::UnknownTeam(code.to_owned()))?;
        self.last = Some((code, idx));
        Ok(idx)
    }
}

/// Checks every row and sums them per team, in one pass; customer rows of
/// other channels than `channel` (when given) are left out of the tallies
/// (the per-channel customer tallies always hold every channel).
pub fn prepare(data: &CampaignData, channel: Option<Channel>) -> Result<Prepared, AnalyticsError> {
    let tree = Tree::build(&data.teams)?;
    let teams = tree.teams.len();
    let mut own = vec![Tally::default(); teams];
    let mut executives = Tally::default();
    let mut by_channel = vec![vec![Customers::default(); teams]; Channel::ALL.len()];
    let keep = |population: Population, row_channel: Option<Channel>| {
        population != Population::Customer || channel.is_none() || row_channel == channel
    };
    let mut resolver = Teams {
        tree: &tree,
        last: None,
    };
    for row in &data.histograms {
        check_placement(row.team.is_some(), row.population, row.channel)?;
        if row.item.population() != row.population {
            return Err(AnalyticsError::WrongPopulation {
                item: row.item.to_string(),
                population: row.population,
            });
        }
        if !row.item.accepts(data.instrument, row.value) {
            return Err(AnalyticsError::OutOfScale {
                item: row.item.to_string(),
                value: row.value,
            });
        }
        let Some(code) = row.team.as_deref() else {
            executives.add_answers(row.item, row.value, row.count);
            continue;
        };
        let idx = resolver.resolve(code)?;
        if keep(row.population, row.channel) {
            own[idx].add_answers(row.item, row.value, row.count);
        }
        if let Some(c) = row.channel {
            by_channel[c.index()][idx].add_answers(row.item, row.value, row.count);
        }
    }
    for row in &data.respondents {
        check_placement(row.team.is_some(), row.population, row.channel)?;
        if let Scope::Group(g) = row.scope {
            if g.population() != row.population {
                return Err(AnalyticsError::Misplaced {
                    population: row.population,
                    reason: "respondent scope of another population",
                });
            }
        }
        let Some(code) = row.team.as_deref() else {
            executives.add_respondents(row.population, row.scope, row.count);
            continue;
        };
        let idx = resolver.resolve(code)?;
        if keep(row.population, row.channel) {
            own[idx].add_respondents(row.population, row.scope, row.count);
        }
        if let Some(c) = row.channel {
            by_channel[c.index()][idx].add_respondents(row.scope, row.count);
        }
    }
    for row in &data.orientation {
        if !(6..=30).contains(&row.key) {
            return Err(AnalyticsError::OrientationKey(row.key));
        }
        let idx = resolver.resolve(&row.team)?;
        own[idx].orientation[usize::from(row.key)] += row.count;
    }
    let mut rollup = own.clone();
    roll_up(&tree, &mut rollup, Tally::add);
    for slices in &mut by_channel {
        roll_up(&tree, slices, Customers::add);
    }
    Ok(Prepared {
        instrument: data.instrument,
        tree,
        own,
        rollup,
        executives,
        channels: Channel::ALL.iter().copied().zip(by_channel).collect(),
    })
}

/// Adds every team into its parent, deepest first, in place.
fn roll_up<T>(tree: &Tree, nodes: &mut [T], add: impl Fn(&mut T, &T)) {
    // Display order is a preorder: a parent always sits before its children,
    // so walking backwards meets children first.
    for i in (0..nodes.len()).rev() {
        if let Some(p) = tree.parent[i] {
            let (before, from_child) = nodes.split_at_mut(i);
            add(&mut before[p], &from_child[0]);
        }
    }
}

fn check_placement(has_team: bool, population: Population, channel: Option<Channel>) -> Result<(), AnalyticsError> {
    let organisation_level = population == Population::Executive;
    if has_team == organisation_level {
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
