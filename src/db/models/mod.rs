//! Rows and the queries on them, written once in diesel's DSL for both
//! backends. Functions take a connection and return `QueryResult`.

pub mod action;
pub mod aggregates;
pub mod audit;
pub mod campaign;
pub mod notice;
pub mod organisation;
pub mod page_stamp;
pub mod publication;
pub mod reminder;
pub mod response;
pub mod schedule;
pub mod settings;
pub mod team;
pub mod user;
pub mod webhook;

/// A new random primary key. Ids are random so that their order reveals
/// nothing (METHOD.md §7 asks this of responses; every table follows suit).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Ids for the rows of one bulk write (an import): a random first id, then
/// consecutive ones, so that the batch fills one place of the primary-key
/// B-tree page after page instead of touching a random page per row (what
/// made a million-row import seek and split pages on SQLite and insert at
/// random into PostgreSQL's index). The start is random like a `new_id`
/// (a valid version-4 UUID; the counter runs in its last 48 bits), so the
/// ids tell neither when the rows were written nor their order against
/// other writes. Time-ordered ids (UUID v7) would give the same locality
/// but put the moment of every live answer in its id, and METHOD.md §7
/// forbids that order for responses.
pub struct IdRun {
    next: u128,
}

impl IdRun {
    /// Room left for the counter: the top bit of the 48 is cleared at the
    /// start, so 2^47 ids follow without a carry into the UUID's other
    /// fields (its version and variant bits stay those of v4).
    const COUNTER_ROOM: u128 = 1 << 47;

    pub fn new() -> IdRun {
        IdRun {
            next: uuid::Uuid::new_v4().as_u128() & !IdRun::COUNTER_ROOM,
        }
    }

    /// The next id: the previous one plus one, as a lower-case hyphenated
    /// UUID (so ids sort as the numbers they are).
    pub fn next_id(&mut self) -> String {
        let id = uuid::Uuid::from_u128(self.next).hyphenated().to_string();
        // Past 2^47 ids the counter wraps inside its 48 bits: still unique
        // for any import a file can hold.
        let low = (self.next + 1) & 0xffff_ffff_ffff;
        self.next = (self.next & !0xffff_ffff_ffff) | low;
        id
    }
}

impl Default for IdRun {
    fn default() -> IdRun {
        IdRun::new()
    }
}

pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_run_counts_up_from_a_random_v4_uuid() {
        let (mut a, mut b) = (IdRun::new(), IdRun::new());
        let ids: Vec<String> = (0..1000).map(|_| a.next_id()).collect();
        for id in &ids {
            assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4, "{id}");
        }
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, ids, "consecutive ids sort in the order given, none twice");
        let first = uuid::Uuid::parse_str(&ids[0]).unwrap().as_u128();
        let last = uuid::Uuid::parse_str(&ids[999]).unwrap().as_u128();
        assert_eq!(last - first, 999);
        assert_ne!(ids[0][..24], b.next_id()[..24], "two runs start at random places");
    }

    #[test]
    fn an_id_run_stays_in_its_last_48_bits() {
        let mut run = IdRun {
            next: 0x0123_4567_89ab_4cde_8f01_ffff_ffff_fffe,
        };
        let ids: Vec<String> = (0..3).map(|_| run.next_id()).collect();
        assert_eq!(
            ids,
            [
                "01234567-89ab-4cde-8f01-fffffffffffe",
                "01234567-89ab-4cde-8f01-ffffffffffff",
                "01234567-89ab-4cde-8f01-000000000000",
            ]
        );
    }
}
