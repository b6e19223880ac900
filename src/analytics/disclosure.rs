//! The exact check behind the customer publication (METHOD.md §7): after
//! the suppression rules have run, solve what a viewer could. Every
//! published count is a sum of atoms (one team's own customers of one
//! channel, or without one); an atom known to be empty is known. A group is
//! derivable exactly when its indicator over the atoms lies in the span of
//! the published sums' indicators. No group of fewer than k may be: not an
//! atom, not a team's own customers, not a hidden cell.
//!
//! The span is kept in echelon form over the integers modulo the prime
//! 2^61 − 1: a sum derivable over the rationals is derivable there (save for
//! a denominator divisible by that prime), and a spurious "derivable" only
//! hides more. Rows are sparse: published sums follow the tree.

use std::collections::{BTreeMap, HashMap};

const P: u64 = (1 << 61) - 1;

fn mul(a: u64, b: u64) -> u64 {
    u64::try_from((u128::from(a) * u128::from(b)) % u128::from(P)).unwrap_or(0)
}

fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + P - b
    }
}

fn inverse(a: u64) -> u64 {
    let (mut base, mut exp, mut acc) = (a, P - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = mul(acc, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    acc
}

/// Rows in echelon form: each keyed by its smallest column, where it is 1.
#[derive(Default)]
struct Span {
    rows: HashMap<usize, Vec<(usize, u64)>>,
}

impl Span {
    /// What is left of `row` after eliminating every pivot it meets, in
    /// column order; empty when `row` lies in the span.
    fn reduce(&self, row: &[usize]) -> BTreeMap<usize, u64> {
        let mut left: BTreeMap<usize, u64> = row.iter().map(|&c| (c, 1)).collect();
        let mut from = 0;
        while let Some((&c, &v)) = left.range(from..).next() {
            let Some(pivot) = self.rows.get(&c) else {
                // No pivot here: `row` is not in the span, but the rest is
                // still reduced so that it can join the span.
                from = c + 1;
                continue;
            };
            for &(pc, pv) in pivot {
                let entry = left.entry(pc).or_insert(0);
                *entry = sub(*entry, mul(v, pv));
                if *entry == 0 {
                    left.remove(&pc);
                }
            }
            from = c + 1;
        }
        left
    }

    fn insert(&mut self, row: &[usize]) {
        let left = self.reduce(row);
        let Some((&pivot, &v)) = left.iter().next() else {
            return;
        };
        let scale = inverse(v);
        let normalised = left.iter().map(|(&c, &x)| (c, mul(x, scale))).collect();
        self.rows.insert(pivot, normalised);
    }

    fn contains(&self, row: &[usize]) -> bool {
        self.reduce(row).is_empty()
    }
}

/// One customer scope's table as the suppression rules left it.
pub struct Table<'a> {
    /// Children of each group; the organisation is the last group.
    pub children: &'a [Vec<usize>],
    /// `atoms[team][column]`: the team's own customers of each channel,
    /// the last column being those without a channel.
    pub atoms: &'a [Vec<u64>],
    /// Whether each group's count (all channels) is hidden.
    pub group_hidden: &'a [bool],
    /// `cells[channel][group]`: whether the channel's count is hidden.
    pub cells: &'a [Vec<bool>],
    pub k: u64,
}

impl Table<'_> {
    /// Teams in each group's subtree.
    fn subtrees(&self) -> Vec<Vec<usize>> {
        let groups = self.children.len();
        let mut out = vec![Vec::new(); groups];
        for (g, list) in out.iter_mut().enumerate() {
            let mut stack = vec![g];
            while let Some(x) = stack.pop() {
                if x < self.atoms.len() {
                    list.push(x);
                }
                stack.extend(self.children[x].iter().copied());
            }
        }
        out
    }

    /// The first group at which a group of fewer than k customers can be
    /// derived from what is published, if any.
    pub fn first_disclosure(&self) -> Option<usize> {
        let columns = self.atoms.first().map_or(0, Vec::len);
        let mut index: HashMap<(usize, usize), usize> = HashMap::new();
        for (t, row) in self.atoms.iter().enumerate() {
            for (c, &n) in row.iter().enumerate() {
                if n > 0 {
                    let next = index.len();
                    index.insert((t, c), next);
                }
            }
        }
        let subtrees = self.subtrees();
        let sum_of = |teams: &[usize], column: Option<usize>| -> (Vec<usize>, u64) {
            let mut atoms = Vec::new();
            let mut n = 0;
            for &t in teams {
                for c in (0..columns).filter(|&c| column.is_none_or(|x| x == c)) {
                    if let Some(&a) = index.get(&(t, c)) {
                        atoms.push(a);
                        n += self.atoms[t][c];
                    }
                }
            }
            atoms.sort_unstable();
            (atoms, n)
        };
        let mut span = Span::default();
        let mut hidden: Vec<(usize, Vec<usize>, u64)> = Vec::new();
        // Deepest groups first: sums over small subtrees keep rows short.
        let mut order: Vec<usize> = (0..self.children.len()).collect();
        order.sort_by_key(|&g| subtrees[g].len());
        for &g in &order {
            let mut views = vec![(None, self.group_hidden[g])];
            views.extend(self.cells.iter().enumerate().map(|(c, flags)| (Some(c), flags[g])));
            views.push((Some(columns - 1), true));
            for (column, is_hidden) in views {
                let (atoms, n) = sum_of(&subtrees[g], column);
                if is_hidden {
                    hidden.push((g, atoms, n));
                } else {
                    span.insert(&atoms);
                }
            }
        }
        let small = |n: u64| (1..self.k).contains(&n);
        for (t, row) in self.atoms.iter().enumerate() {
            for (c, &n) in row.iter().enumerate() {
                if small(n) && index.get(&(t, c)).is_some_and(|&a| span.contains(&[a])) {
                    return Some(t);
                }
            }
            let (own, n) = sum_of(&[t], None);
            if small(n) && span.contains(&own) {
                return Some(t);
            }
        }
        hidden
            .into_iter()
            .find(|(_, atoms, n)| small(*n) && span.contains(atoms))
            .map(|(g, _, _)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modular_inverse_undoes_multiplication() {
        for a in [1, 2, 3, 12345, P - 1] {
            assert_eq!(mul(a, inverse(a)), 1);
        }
    }

    #[test]
    fn a_difference_of_two_published_sums_is_found() {
        // Atoms 0, 1, 2; published: 0+1+2 and 1+2 → atom 0 is derivable,
        // atom 1 is not.
        let mut span = Span::default();
        span.insert(&[0, 1, 2]);
        span.insert(&[1, 2]);
        assert!(span.contains(&[0]));
        assert!(!span.contains(&[1]));
        assert!(span.contains(&[0, 1, 2]));
    }

    #[test]
    fn a_cycle_of_four_hidden_cells_protects_each() {
        // Two teams × two channels, all hidden, with every row and column
        // total published: each cell lies on the cycle, none is derivable.
        let mut span = Span::default();
        for row in [[0, 1], [2, 3], [0, 2], [1, 3]] {
            span.insert(&row);
        }
        for a in 0..4 {
            assert!(!span.contains(&[a]));
        }
    }

    #[test]
    fn a_team_whose_channel_is_its_count_minus_a_known_other_is_found() {
        // org → t0 (web 1, phone 6): t0's count and phone are shown.
        let children = vec![vec![], vec![0]];
        let atoms = vec![vec![1, 6, 0]];
        let cells = vec![vec![true, true], vec![false, false]];
        let table = Table {
            children: &children,
            atoms: &atoms,
            group_hidden: &[false, false],
            cells: &cells,
            k: 5,
        };
        assert_eq!(table.first_disclosure(), Some(0));
        let cells = vec![vec![true, true], vec![true, true]];
        let table = Table { cells: &cells, ..table };
        assert_eq!(table.first_disclosure(), None);
    }
}
