//! Anonymity (METHOD.md §7): which groups may show figures of the anonymous
//! populations. Primary suppression hides every group below k; complementary
//! suppression then hides more groups until no hidden count can be derived by
//! subtraction along the tree, assuming the attacker knows every visible
//! count and even the parent's own (unpublished) respondents.

use super::items::{Dimension, ItemGroup, Perspective, Population, Scope};
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
    let mut hidden: Vec<bool> = (0..children.len())
        .map(|i| initial.get(i).copied().unwrap_or(false) || total_n[i] < k)
        .collect();
    loop {
        let mut changed = false;
        for p in 0..children.len() {
            let with_data: Vec<usize> = children[p].iter().copied().filter(|&c| total_n[c] > 0).collect();
            let hidden_kids: Vec<usize> = with_data.iter().copied().filter(|&c| hidden[c]).collect();
            let hidden_total: u64 = hidden_kids.iter().map(|&c| total_n[c]).sum();
            let needs_more = if hidden[p] {
                total_n[p] > 0 && !with_data.is_empty() && hidden_kids.is_empty()
            } else {
                hidden_kids.len() == 1
                    || (hidden_total > 0 && hidden_total < k)
                    || (hidden_kids.is_empty() && own_n[p] > 0 && own_n[p] < k)
            };
            if !needs_more {
                continue;
            }
            let smallest = with_data
                .iter()
                .copied()
                .filter(|&c| !hidden[c])
                .min_by_key(|&c| (total_n[c], c));
            match smallest {
                Some(c) => hidden[c] = true,
                None if !hidden[p] => hidden[p] = true,
                None => continue,
            }
            changed = true;
        }
        if !changed {
            return hidden;
        }
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
/// (index = number of teams), per anonymous population and scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Visibility {
    /// Indexed by [`Visibility::slot`]; `None` for scopes nobody publishes.
    hidden: Vec<Option<Vec<bool>>>,
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

    /// Suppression is decided on the whole tree even when a report shows a
    /// subtree, so that two reports never disagree about a team.
    pub fn compute(prepared: &Prepared, k: u64) -> Visibility {
        let tree = &prepared.tree;
        let org = tree.teams.len();
        let mut children = tree.children.clone();
        children.push(tree.roots.clone());
        let mut hidden = vec![None; 2 * Self::SCOPES];
        for population in [Population::Customer, Population::Employee] {
            let n_of = |tallies: &[Tally], scope: Scope| -> Vec<u64> {
                let mut n: Vec<u64> = tallies.iter().map(|t| t.n(population, scope)).collect();
                n.push(tree.roots.iter().map(|&r| n[r]).sum());
                n
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
        Visibility { hidden }
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
    fn empty_children_reveal_nothing_and_need_no_partner() {
        assert_eq!(run(0, 0, 9, 7, 5), [false, true, false, false]);
    }
}
