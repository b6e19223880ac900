//! One writer per instance, with group commit.
//!
//! Survey submissions are queued to one thread that writes whatever has
//! arrived since its last commit in a single transaction
//! ([`collection::store_batch`]): one statement per table and chunk, one
//! merged upsert of the aggregates, one commit (one WAL flush) for the
//! group. Each submission is acknowledged only after that commit, so
//! "acknowledged = stored" stays exact, and a crash before the commit loses
//! only submissions nobody was told were stored. While a commit waits for
//! the disk, the next group gathers: the busier the server, the larger the
//! groups, and writers never queue on SQLite's lock or on PostgreSQL's row
//! locks against each other. Several instances on one PostgreSQL each run
//! their own writer.

use tokio::sync::{mpsc, oneshot};

use super::collection::{self, Pending, Stored};
use super::{DomainError, DomainResult, Pool};

/// Submissions written in one transaction at most.
const MAX_GROUP: usize = 256;
/// Submissions waiting at most before senders wait for room.
const QUEUE: usize = 4096;

struct Job {
    pending: Pending,
    reply: oneshot::Sender<DomainResult<Stored>>,
}

/// The handle the server's handlers send submissions to.
#[derive(Clone)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writing thread; it stops when every handle is dropped.
    pub fn start(pool: Pool) -> std::io::Result<Writer> {
        let (queue, jobs) = mpsc::channel(QUEUE);
        std::thread::Builder::new()
            .name("miroir-writer".into())
            .spawn(move || run(pool, jobs))?;
        Ok(Writer { queue })
    }

    /// Writes a claimed submission; answers once it is committed (or
    /// refused).
    pub async fn store(&self, pending: Pending) -> DomainResult<Stored> {
        let (reply, answer) = oneshot::channel();
        self.queue.send(Job { pending, reply }).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> DomainError {
    DomainError::Unexpected(anyhow::anyhow!("the writer has stopped"))
}

fn run(pool: Pool, mut jobs: mpsc::Receiver<Job>) {
    let mut group: Vec<Job> = Vec::with_capacity(MAX_GROUP);
    while let Some(first) = jobs.blocking_recv() {
        group.push(first);
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let (pending, replies): (Vec<Pending>, Vec<_>) = group.drain(..).map(|j| (j.pending, j.reply)).unzip();
        let outcomes = match pool.get() {
            Ok(mut conn) => collection::store_batch(&mut conn, &pending),
            Err(e) => {
                tracing::error!(error = %e, "the writer has no database connection");
                pending
                    .iter()
                    .map(|_| Err(DomainError::Unexpected(anyhow::anyhow!("no database connection"))))
                    .collect()
            }
        };
        tracing::trace!(size = replies.len(), "group committed");
        for (reply, outcome) in replies.into_iter().zip(outcomes) {
            // A sender that went away (client gone) needs no answer: its
            // submission is stored all the same.
            let _ = reply.send(outcome);
        }
    }
}
