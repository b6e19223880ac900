//! A response body sent as slices of shared bytes. A published report is
//! about 15 MB at 1,000 teams, kept as one shared `Bytes`; the API sends it
//! followed by the cross-wave keys without joining them into a new buffer,
//! and in slices of 64 KiB so that the server's write buffer never grows to
//! the size of the report (one 15 MB chunk would be copied into it whole).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use bytes::Bytes;

/// Bytes handed to the connection per poll.
const SLICE: usize = 64 * 1024;

pub struct Slices {
    parts: VecDeque<Bytes>,
    size: u64,
}

impl Slices {
    pub fn new(parts: impl IntoIterator<Item = Bytes>) -> Slices {
        let parts: VecDeque<Bytes> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        let size = parts.iter().map(|p| p.len() as u64).sum();
        Slices { parts, size }
    }
}

impl MessageBody for Slices {
    type Error = Infallible;

    fn size(&self) -> BodySize {
        BodySize::Sized(self.size)
    }

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Result<Bytes, Infallible>>> {
        let this = &mut *self;
        let Some(front) = this.parts.front_mut() else {
            return Poll::Ready(None);
        };
        let slice = front.split_to(front.len().min(SLICE));
        if front.is_empty() {
            this.parts.pop_front();
        }
        Poll::Ready(Some(Ok(slice)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn the_slices_are_the_parts_in_order_with_their_size() {
        let big = Bytes::from((0..200_000u32).map(|i| (i % 251) as u8).collect::<Vec<u8>>());
        let body = Slices::new([big.clone(), Bytes::new(), Bytes::from_static(b",\"x\":1}")]);
        assert_eq!(body.size(), BodySize::Sized(200_007));
        let all = actix_web::body::to_bytes(body).await.unwrap();
        assert_eq!(&all[..200_000], &big[..]);
        assert_eq!(&all[200_000..], b",\"x\":1}");
    }
}
