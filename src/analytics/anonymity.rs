//! Anonymity (METHOD.md §7): which groups may show figures of the anonymous
//! populations. Primary suppression hides every group below k; complementary
//! suppression then hides more groups until no hidden count can be derived by
//! subtraction along the tree, assuming the attacker knows every visible
//! count and even the parent's own (unpublished) respondents.

use super::items::{Channel, Dimension, ItemGroup, Perspective, Population, Scope};
use super::tally::{Prepared, Tally};

/// Hidden flags over a forest whose nodes are indexed `0..children.len()`.
///
/// Rules, applied until nothing changes (each pass only adds hidden nodes, so
/// it terminates):
/// 1. under a shown parent, the hidden children holding respondents are none,
///    or at least two whose total is at least k (one hidden child would be
///    the parent minus its visible siblings; a hidden total below k would
///    reveal a pooled group below k);
/// 2. a hidden node with respondents below it keeps at least one such child
///    hidden, otherwise it is the sum of its visible children;
/// 3. a shown parent whose own respondents are 1..k−1 hides at least one
///    child, so that its own answers are not the parent minus its children.
///
/// The missing hidden cell is taken from the visible children with the
/// smallest n; when there is none, the parent itself is hidden.
pub fn suppress(children: &[Vec<usize>], own_n: &[u64], total_n: &[u64], k: u64, initial: &[bool]) -> Vec<bool> {
    suppress_around(children, own_n, total_n, k, initial, &[], &[])
}

/// [`suppress`] where `pinned` nodes are known to the attacker whatever is
/// decided (a channel that is all of its group's customers): never hidden,
/// so never a partner; and where the count of a `protected` node matters
/// even when it is 0 (a team hidden for having fewer than k invitations:
/// its 0 tells that none of those few people answered), so that it is
/// treated as a group with respondents: never the only hidden one, nor in
/// a hidden total below k.
fn suppress_around(
    children: &[Vec<usize>],
    own_n: &[u64],
    total_n: &[u64],
    k: u64,
    initial: &[bool],
    pinned: &[bool],
    protected: &[bool],
) -> Vec<bool> {
    let is_pinned = |i: usize| pinned.get(i).copied().unwrap_or(false);
    let is_protected = |i: usize| protected.get(i).copied().unwrap_or(false);
    let mut hidden: Vec<bool> = (0..children.len())
        .map(|i| !is_pinned(i) && (initial.get(i).copied().unwrap_or(false) || total_n[i] < k))
        .collect();
    loop {
        let mut changed = false;
        for p in 0..children.len() {
            let with_data: Vec<usize> = children[p]
                .iter()
                .copied()
                .filter(|&c| total_n[c] > 0 || is_protected(c))
                .collect();
            let hidden_kids: Vec<usize> = with_data.iter().copied().filter(|&c| hidden[c]).collect();
            let hidden_total: u64 = hidden_kids.iter().map(|&c| total_n[c]).sum();
            let hides_protected = hidden_kids.iter().any(|&c| is_protected(c));
            let needs_more = if hidden[p] {
                total_n[p] > 0 && !with_data.is_empty() && hidden_kids.is_empty()
            } else {
                hidden_kids.len() == 1
                    || ((hidden_total > 0 || hides_protected) && hidden_total < k)
                    || (hidden_kids.is_empty() && own_n[p] > 0 && own_n[p] < k)
            };
            if !needs_more {
                continue;
            }
            let smallest = with_data
                .iter()
                .copied()
                .filter(|&c| !hidden[c] && !is_pinned(c))
                .min_by_key(|&c| (total_n[c], c));
            match smallest {
                Some(c) => hidden[c] = true,
                None if !hidden[p] && !is_pinned(p) => hidden[p] = true,
                None => continue,
            }
            changed = true;
        }
        if !changed {
            return hidden;
        }
    }
}

/// Respondent counts as they may be shown (participation while a wave is
/// open, counts beside a closed wave's figures): each node's count with its
/// sub-nodes, `None` where the rules of [`suppress`] hide it, the same
/// decision as the report's at `Scope::All`. `parent` gives each node's
/// parent index (nodes may come in any order); `own` its own respondents.
pub fn shown_counts(parent: &[Option<usize>], own: &[u64], k: u64) -> Vec<Option<u64>> {
    shown_counts_hiding(parent, own, k, &[])
}

/// [`shown_counts`] where the nodes flagged in `initial` are hidden from
/// the start whatever their count (e.g. a team with fewer than k
/// invitations, whose rate would tell who answered); complementary
/// suppression then protects them like any other hidden count.
pub fn shown_counts_hiding(parent: &[Option<usize>], own: &[u64], k: u64, initial: &[bool]) -> Vec<Option<u64>> {
    let nodes = parent.len();
    // The organisation is node `nodes`, parent of the roots.
    let mut children = vec![Vec::new(); nodes + 1];
    for (i, p) in parent.iter().enumerate() {
        children[p.unwrap_or(nodes)].push(i);
    }
    let mut own_all: Vec<u64> = own.to_vec();
    own_all.push(0);
    let mut total = own_all.clone();
    // Children before parents: a node's position in a depth-first order.
    let mut order = Vec::with_capacity(nodes + 1);
    let mut stack = vec![nodes];
    while let Some(n) = stack.pop() {
        order.push(n);
        stack.extend(children[n].iter().copied());
    }
    for &n in order.iter().rev() {
        let below: u64 = children[n].iter().map(|&c| total[c]).sum();
        total[n] += below;
    }
    // A node hidden from the start keeps its count hidden even when it is 0.
    let hidden = suppress_around(&children, &own_all, &total, k, initial, &[], initial);
    (0..nodes).map(|i| (!hidden[i]).then_some(total[i])).collect()
}

/// The group × channel table of one customer scope: the tree (with a
/// virtual child per team holding customers of its own beside sub-teams),
/// each group's count and whether the tree hides it, each channel's counts.
struct ChannelTable {
    tree: Vec<Vec<usize>>,
    /// Real groups (teams, then the organisation); virtual children follow.
    groups: usize,
    group_n: Vec<u64>,
    group_hidden: Vec<bool>,
    /// totals[channel][node], the last "channel" being customers without
    /// one.
    totals: Vec<Vec<u64>>,
    /// A channel that holds all of a shown group's customers (none without
    /// a channel) is the group's count itself: known to the attacker
    /// whatever is decided, so it can protect nothing.
    pinned: Vec<Vec<bool>>,
    k: u64,
}

impl ChannelTable {
    fn new(visibility: &Visibility, prepared: &Prepared, children: &[Vec<usize>], scope: Scope, k: u64) -> Self {
        let groups = children.len();
        let roots = &prepared.tree.roots;
        let with_org = |mut n: Vec<u64>| {
            n.push(roots.iter().map(|&r| n[r]).sum());
            n
        };
        let mut group_n = with_org(
            prepared
                .rollup
                .iter()
                .map(|t| t.n(Population::Customer, scope))
                .collect(),
        );
        let mut totals: Vec<Vec<u64>> = prepared
            .channels
            .iter()
            .map(|(_, slices)| with_org(slices.iter().map(|s| s.n_in(scope)).collect()))
            .collect();
        let mut group_hidden: Vec<bool> = (0..groups)
            .map(|i| !visibility.visible(i, Population::Customer, scope))
            .collect();
        let mut tree = children.to_vec();
        let own_of = |n: &[u64], i: usize| n[i].saturating_sub(children[i].iter().map(|&c| n[c]).sum());
        for i in 0..groups - 1 {
            let own = own_of(&group_n, i);
            if children[i].is_empty() || own == 0 {
                continue;
            }
            let virtual_child = tree.len();
            tree.push(Vec::new());
            tree[i].push(virtual_child);
            group_n.push(own);
            // Known by subtraction whenever it could be shown at all.
            group_hidden.push(own < k);
            for n in &mut totals {
                let own_c = own_of(n, i);
                n.push(own_c);
            }
        }
        let nodes = tree.len();
        // Customers without a channel are a column too: never published,
        // but the group minus its channels.
        let none: Vec<u64> = (0..nodes)
            .map(|i| group_n[i].saturating_sub(totals.iter().map(|n| n[i]).sum()))
            .collect();
        totals.push(none);
        let pinned = totals
            .iter()
            .map(|n| {
                (0..nodes)
                    .map(|i| !group_hidden[i] && n[i] > 0 && n[i] == group_n[i])
                    .collect()
            })
            .collect();
        ChannelTable {
            tree,
            groups,
            group_n,
            group_hidden,
            totals,
            pinned,
            k,
        }
    }

    /// Primary suppression: a cell below k, of a hidden group, hidden at
    /// `Scope::All` (`base`), or never published (a virtual child's).
    fn initial(&self, base: &[Vec<bool>]) -> Vec<Vec<bool>> {
        self.totals
            .iter()
            .enumerate()
            .map(|(c, n)| {
                (0..self.tree.len())
                    .map(|i| {
                        let never_published = i >= self.groups || c == self.totals.len() - 1;
                        let primary = self.group_hidden[i]
                            || n[i] < self.k
                            || base.get(c).and_then(|b| b.get(i)).copied().unwrap_or(false);
                        !self.pinned[c][i] && (never_published || primary)
                    })
                    .collect()
            })
            .collect()
    }

    /// Down the columns and across the rows until neither hides more.
    fn settle(&mut self, cells: &mut [Vec<bool>]) {
        loop {
            let mut changed = false;
            for (c, n) in self.totals.iter().enumerate() {
                let own: Vec<u64> = (0..self.tree.len())
                    .map(|i| n[i].saturating_sub(self.tree[i].iter().map(|&ch| n[ch]).sum()))
                    .collect();
                let flags = suppress_around(&self.tree, &own, n, self.k, &cells[c], &self.pinned[c], &[]);
                changed |= flags != cells[c];
                cells[c] = flags;
            }
            for i in 0..self.tree.len() {
                changed |= self.across_channels(cells, i);
            }
            if !changed {
                return;
            }
        }
    }

    /// The exact check (`disclosure`): while a group below k can be solved
    /// from the published cells, hide the channel cells of the group it is
    /// found at (or of its nearest ancestor with any left to hide) and let
    /// the rules settle again. Each round hides at least one more cell.
    fn audit(&mut self, children: &[Vec<usize>], cells: &mut [Vec<bool>]) {
        let groups = self.groups;
        let channels = self.totals.len() - 1;
        let mut parent = vec![None; groups];
        for (g, kids) in children.iter().enumerate() {
            for &c in kids {
                parent[c] = Some(g);
            }
        }
        let atoms: Vec<Vec<u64>> = (0..groups - 1)
            .map(|t| {
                self.totals
                    .iter()
                    .map(|n| n[t].saturating_sub(children[t].iter().map(|&c| n[c]).sum()))
                    .collect()
            })
            .collect();
        loop {
            let real: Vec<Vec<bool>> = cells[..channels].iter().map(|c| c[..groups].to_vec()).collect();
            let table = super::disclosure::Table {
                children,
                atoms: &atoms,
                group_hidden: &self.group_hidden[..groups],
                cells: &real,
                k: self.k,
            };
            let Some(mut g) = table.first_disclosure() else {
                return;
            };
            loop {
                let open: Vec<usize> = (0..channels).filter(|&c| !cells[c][g] && !self.pinned[c][g]).collect();
                if !open.is_empty() {
                    for c in open {
                        cells[c][g] = true;
                    }
                    break;
                }
                match parent[g] {
                    Some(p) => g = p,
                    // Nothing left to hide: what remains is known from the
                    // groups' own counts, which the tree rules decide.
                    None => return,
                }
            }
            self.settle(cells);
        }
    }

    /// The rules across one group's channels (a star: the group above its
    /// channels and its customers without one; the group's own count is
    /// decided on the tree, not here). Returns whether a cell was hidden.
    fn across_channels(&self, cells: &mut [Vec<bool>], node: usize) -> bool {
        let channels = self.totals.len();
        let star: Vec<Vec<usize>> = std::iter::once((1..=channels).collect())
            .chain((0..channels).map(|_| Vec::new()))
            .collect();
        let mut total = vec![self.group_n[node]];
        total.extend(self.totals.iter().map(|n| n[node]));
        let listed: u64 = total[1..].iter().sum();
        let mut own = vec![self.group_n[node].saturating_sub(listed)];
        own.extend(total[1..].iter().copied());
        let mut initial = vec![self.group_hidden[node]];
        initial.extend(cells.iter().map(|c| c[node]));
        let mut fixed = vec![!self.group_hidden[node]];
        fixed.extend(self.pinned.iter().map(|p| p[node]));
        let flags = suppress_around(&star, &own, &total, self.k, &initial, &fixed, &[]);
        let mut changed = false;
        for (c, cell) in cells.iter_mut().enumerate() {
            if flags[c + 1] && !cell[node] {
                cell[node] = true;
                changed = true;
            }
        }
        changed
    }
}

/// The scopes whose figures are published for an anonymous population.
pub fn protected_scopes(population: Population) -> Vec<Scope> {
    let mut scopes = vec![Scope::All];
    let (perspectives, headlines): (&[Perspective], &[ItemGroup]) = match population {
        Population::Customer => (
            &[Perspective::Customer],
            &[ItemGroup::Nps, ItemGroup::Csat, ItemGroup::Ces, ItemGroup::Fcr],
        ),
        Population::Employee => (
            &[Perspective::Employee, Perspective::EmployeeEstimateCustomer],
            &[ItemGroup::Enps, ItemGroup::Ies, ItemGroup::Orientation],
        ),
        Population::Manager | Population::Executive => return Vec::new(),
    };
    for &d in Dimension::ALL {
        for &p in perspectives {
            scopes.push(Scope::Group(ItemGroup::Dimension(d, p)));
        }
    }
    scopes.extend(headlines.iter().map(|&g| Scope::Group(g)));
    scopes
}

/// Hidden flags for every team (by tree index) and for the organisation
/// (index = number of teams), per anonymous population and scope, and for
/// the customers of each channel of every group: the one publication
/// decision of a wave, read by every view (tree, `?team=`, `?channel=`,
/// channel spreads, counts), so that no view shows what another hides.
#[derive(Debug, Clone, PartialEq)]
pub struct Visibility {
    /// Indexed by [`Visibility::slot`]; `None` for scopes nobody publishes.
    hidden: Vec<Option<Vec<bool>>>,
    /// Customer cells of each channel (by `Channel::index`), indexed by the
    /// customer slot like `hidden`; empty in a view of one channel.
    channels: Vec<Vec<Option<Vec<bool>>>>,
}

impl Visibility {
    /// `Scope::All` then every item group, for each anonymous population.
    const SCOPES: usize = 1 + ItemGroup::COUNT;

    fn slot(population: Population, scope: Scope) -> Option<usize> {
        let base = match population {
            Population::Customer => 0,
            Population::Employee => Self::SCOPES,
            Population::Manager | Population::Executive => return None,
        };
        Some(
            base + match scope {
                Scope::All => 0,
                Scope::Group(g) => 1 + g.slot(),
            },
        )
    }

    /// Suppression is decided on the whole tree and every channel at once,
    /// even when a report shows a subtree or one channel, so that two
    /// reports never disagree about a figure. `prepared` must hold every
    /// channel (`prepare(data, None)`).
    pub fn compute(prepared: &Prepared, k: u64) -> Visibility {
        let tree = &prepared.tree;
        let org = tree.teams.len();
        let mut children = tree.children.clone();
        children.push(tree.roots.clone());
        let with_org = |mut n: Vec<u64>| {
            n.push(tree.roots.iter().map(|&r| n[r]).sum());
            n
        };
        let mut hidden = vec![None; 2 * Self::SCOPES];
        for population in [Population::Customer, Population::Employee] {
            let n_of = |tallies: &[Tally], scope: Scope| -> Vec<u64> {
                with_org(tallies.iter().map(|t| t.n(population, scope)).collect())
            };
            let mut base: Vec<bool> = Vec::new();
            for scope in protected_scopes(population) {
                let total = n_of(&prepared.rollup, scope);
                let mut own = n_of(&prepared.own, scope);
                own[org] = 0;
                let flags = suppress(&children, &own, &total, k, &base);
                if scope == Scope::All {
                    base = flags.clone();
                }
                if let Some(slot) = Self::slot(population, scope) {
                    hidden[slot] = Some(flags);
                }
            }
        }
        let mut visibility = Visibility {
            hidden,
            channels: Vec::new(),
        };
        visibility.channels = visibility.channel_cells(prepared, &children, k);
        visibility
    }

    /// The customer cells (group × channel) of every customer scope: the
    /// tree rules down each channel's column and the same rules across each
    /// group's channels (the group's customers are the sum of its channels
    /// and of those without one), applied in turn until neither hides more.
    ///
    /// A team with customers of its own and sub-teams gets a virtual child
    /// holding its own customers: never published, but its count is the
    /// team's minus its sub-teams', so it is a row and a cell of each column
    /// like any other (without it, a team's own customers of one channel
    /// could be its own count minus its other channels).
    fn channel_cells(&self, prepared: &Prepared, children: &[Vec<usize>], k: u64) -> Vec<Vec<Option<Vec<bool>>>> {
        let groups = children.len();
        let mut out = vec![vec![None; Self::SCOPES]; Channel::ALL.len()];
        let mut base: Vec<Vec<bool>> = Vec::new();
        for scope in protected_scopes(Population::Customer) {
            let Some(slot) = Self::slot(Population::Customer, scope) else {
                continue;
            };
            let mut table = ChannelTable::new(self, prepared, children, scope, k);
            let mut cells = table.initial(&base);
            table.settle(&mut cells);
            table.audit(children, &mut cells);
            cells.truncate(Channel::ALL.len());
            for flags in &mut cells {
                flags.truncate(groups);
            }
            if scope == Scope::All {
                base = cells.clone();
            }
            for (c, flags) in cells.into_iter().enumerate() {
                out[c][slot] = Some(flags);
            }
        }
        out
    }

    /// Whether figures of `population` in `scope` may be shown for `node`.
    pub fn visible(&self, node: usize, population: Population, scope: Scope) -> bool {
        if !population.is_anonymous() {
            return true;
        }
        let hidden_here = |s: Scope| {
            Self::slot(population, s)
                .and_then(|slot| self.hidden[slot].as_ref())
                .and_then(|flags| flags.get(node))
                .copied()
                .unwrap_or(true)
        };
        !hidden_here(Scope::All) && !hidden_here(scope)
    }

    /// Whether the figures of the customers of `channel` in `scope` may be
    /// shown for `node`.
    pub fn channel_visible(&self, node: usize, channel: Channel, scope: Scope) -> bool {
        let hidden_here = |s: Scope| {
            Self::slot(Population::Customer, s)
                .and_then(|slot| self.channels.get(channel.index())?.get(slot)?.as_ref())
                .and_then(|flags| flags.get(node))
                .copied()
                .unwrap_or(true)
        };
        !hidden_here(Scope::All) && !hidden_here(scope)
    }

    /// The publication as a report of one channel reads it: the customer
    /// flags are that channel's cells; employees are unchanged.
    pub fn for_channel(&self, channel: Channel) -> Visibility {
        let mut hidden = self.hidden.clone();
        for (slot, flags) in hidden.iter_mut().enumerate().take(Self::SCOPES) {
            let cells = self
                .channels
                .get(channel.index())
                .and_then(|c| c.get(slot))
                .cloned()
                .flatten();
            // A view that holds no channel cells shows no channel.
            *flags = cells.or_else(|| flags.as_ref().map(|f| vec![true; f.len()]));
        }
        Visibility {
            hidden,
            channels: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// root(0) → a(1), b(2), c(3); own respondents of the root given apart.
    fn run(own_root: u64, a: u64, b: u64, c: u64, k: u64) -> Vec<bool> {
        let children = vec![vec![1, 2, 3], vec![], vec![], vec![]];
        let own = [own_root, a, b, c];
        let total = [own_root + a + b + c, a, b, c];
        suppress(&children, &own, &total, k, &[])
    }

    #[test]
    fn k_minus_one_is_hidden_and_k_is_shown() {
        let children = vec![vec![]];
        assert_eq!(suppress(&children, &[4], &[4], 5, &[]), [true]);
        assert_eq!(suppress(&children, &[5], &[5], 5, &[]), [false]);
    }

    #[test]
    fn one_hidden_child_drags_its_smallest_sibling_along() {
        assert_eq!(run(0, 2, 9, 7, 5), [false, true, false, true]);
    }

    #[test]
    fn two_hidden_children_below_k_together_need_a_third() {
        assert_eq!(run(0, 1, 2, 8, 5), [false, true, true, true]);
        assert_eq!(run(0, 3, 4, 8, 5), [false, true, true, false]);
    }

    #[test]
    fn a_parent_with_few_own_respondents_hides_two_children() {
        assert_eq!(run(2, 6, 9, 7, 5), [false, true, false, true]);
        assert_eq!(run(6, 6, 9, 7, 5), [false, false, false, false]);
    }

    #[test]
    fn an_only_child_that_is_hidden_hides_its_parent() {
        // root 0 (own 3) → a 1 (n 2): root n 5 ≥ k but root − own = a.
        let children = vec![vec![1], vec![]];
        assert_eq!(suppress(&children, &[3, 2], &[5, 2], 5, &[]), [true, true]);
    }

    #[test]
    fn a_hidden_region_keeps_one_of_its_stores_hidden() {
        // org 0 → r1 1 (stores 3, 4), r2 2 (n 2).
        let children = vec![vec![1, 2], vec![3, 4], vec![], vec![], vec![]];
        let total = [22, 20, 2, 12, 8];
        let own = [0, 0, 2, 12, 8];
        let hidden = suppress(&children, &own, &total, 5, &[]);
        assert_eq!(hidden, [false, true, true, false, true]);
    }

    #[test]
    fn shown_counts_roll_up_and_hide_a_small_team_with_a_partner() {
        // r(0) → a(1) 2, b(2) 9, c(3) 7; given in another order than the tree's.
        let parent = [None, Some(0), Some(0), Some(0)];
        let shown = shown_counts(&parent, &[0, 2, 9, 7], 5);
        assert_eq!(shown, [Some(18), None, Some(9), None]);
    }

    #[test]
    fn empty_children_reveal_nothing_and_need_no_partner() {
        assert_eq!(run(0, 0, 9, 7, 5), [false, true, false, false]);
    }

    #[test]
    fn a_team_hidden_from_the_start_keeps_even_its_zero() {
        // r(0) → a(1) 7, b(2) 6, c(3) 0 answers but hidden from the start
        // (fewer than k invited): without a partner, r − a − b = 0 would
        // say that none of c's few people answered.
        let parent = [None, Some(0), Some(0), Some(0)];
        let own = [0, 7, 6, 0];
        // A team with no answers among many invited: its 0 reveals no one,
        // it needs no partner.
        assert_eq!(shown_counts(&parent, &own, 5), [Some(13), Some(7), Some(6), None]);
        let shown = shown_counts_hiding(&parent, &own, 5, &[false, false, false, true]);
        assert_eq!(shown[3], None);
        assert_eq!(
            shown.iter().filter(|n| n.is_none()).count(),
            2,
            "c and a partner: {shown:?}"
        );
        assert_eq!(shown[0], Some(13), "the region still shows");
    }
}
