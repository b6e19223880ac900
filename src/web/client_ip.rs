//! The client address of a request, the key of every per-address rate
//! limit. Behind a reverse proxy every request comes from the proxy, so its
//! forwarded headers are read — but only when the peer is one of the
//! configured trusted proxies (`MIROIR_TRUSTED_PROXIES`): anybody else
//! could otherwise pick a new address per request and never be limited.

use std::net::{IpAddr, SocketAddr};

use actix_web::http::header::{HeaderMap, HeaderName, FORWARDED};
use actix_web::HttpRequest;

use crate::config::TrustedProxies;

const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// At most this many forwarded hops are read (a longer chain is someone
/// padding the header, not a real path of proxies).
const MAX_HOPS: usize = 32;

/// The client address: the peer's, unless the peer is a trusted proxy; then
/// the right-most address of the forwarded chain that is not a trusted
/// proxy (the left of the chain is whatever the client chose to send).
pub fn client_ip(req: &HttpRequest, trusted: &TrustedProxies) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip().to_canonical();
    Some(resolve(peer, req.headers(), trusted))
}

/// `scheme://host` of this server as the client reached it, for links when
/// no public URL is configured. The forwarded host and scheme are read only
/// from a trusted proxy: from anyone else they would let a request choose
/// the address printed in the links it makes.
pub fn request_origin(req: &HttpRequest, trusted: &TrustedProxies) -> String {
    let from_proxy = req
        .peer_addr()
        .is_some_and(|peer| trusted.contains(peer.ip().to_canonical()));
    if from_proxy {
        let info = req.connection_info();
        return format!("{}://{}", info.scheme(), info.host());
    }
    let host = req
        .headers()
        .get(actix_web::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| h.len() <= 255 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b)))
        .map(str::to_string)
        .unwrap_or_else(|| req.app_config().host().to_string());
    let scheme = if req.app_config().secure() { "https" } else { "http" };
    format!("{scheme}://{host}")
}

/// The key of the per-address rate limits: the client address, an IPv6
/// client's /64 (one subscriber's whole range, which it can rotate through
/// at will). Empty when unknown.
pub fn rate_key(req: &HttpRequest, trusted: &TrustedProxies) -> String {
    match client_ip(req, trusted) {
        Some(IpAddr::V6(v6)) => {
            let mut segments = v6.segments();
            segments[4..].fill(0);
            format!("{}/64", std::net::Ipv6Addr::from(segments))
        }
        Some(ip) => ip.to_string(),
        None => String::new(),
    }
}

fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_chain(headers).into_iter().rev().take(MAX_HOPS) {
        match hop {
            Some(ip) if trusted.contains(ip) => client = ip,
            Some(ip) => return ip,
            // An entry our own proxy cannot have written: stop at the last
            // address a trusted hop vouched for.
            None => return client,
        }
    }
    client
}

/// The forwarded chain, left (farthest) to right (nearest): from
/// `X-Forwarded-For` when present (what common proxies append to), else
/// from RFC 7239 `Forwarded: for=`. `None` for an entry that is not an
/// address (`unknown`, an obfuscated name, garbage).
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let xff: Vec<&str> = headers
        .get_all(X_FORWARDED_FOR)
        .map(|v| v.to_str().unwrap_or(","))
        .collect();
    if !xff.is_empty() {
        return xff
            .iter()
            .flat_map(|v| v.split(','))
            .map(|entry| parse_hop(entry.trim()))
            .collect();
    }
    headers
        .get_all(FORWARDED)
        .flat_map(|v| {
            let nodes: Vec<Option<IpAddr>> = match v.to_str() {
                Ok(text) => rfc7239::parse(text)
                    .map(|node| {
                        node.ok()
                            .and_then(|n| n.forwarded_for)
                            .and_then(|id| id.ip().copied())
                            .map(|ip| ip.to_canonical())
                    })
                    .collect(),
                Err(_) => vec![None],
            };
            nodes
        })
        .collect()
}

/// An `X-Forwarded-For` entry: an address, or an address with a port.
fn parse_hop(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderMap, HeaderValue, FORWARDED};

    use super::{resolve, X_FORWARDED_FOR};
    use crate::config::TrustedProxies;

    fn ip(s: &str) -> std::net::IpAddr {
        s.parse().unwrap()
    }

    fn headers(pairs: &[(&actix_web::http::header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append((*name).clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn without_trusted_proxies_the_headers_are_ignored() {
        let none = TrustedProxies::default();
        let h = headers(&[(&X_FORWARDED_FOR, "203.0.113.9"), (&FORWARDED, "for=198.51.100.1")]);
        assert_eq!(resolve(ip("127.0.0.1"), &h, &none), ip("127.0.0.1"));
    }

    #[test]
    fn a_client_that_is_not_a_proxy_cannot_choose_its_address() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let h = headers(&[(&X_FORWARDED_FOR, "203.0.113.9")]);
        assert_eq!(resolve(ip("198.51.100.4"), &h, &proxies), ip("198.51.100.4"));
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        // The client sent a fake first entry; our proxies appended the rest.
        let h = headers(&[(&X_FORWARDED_FOR, "1.2.3.4, 203.0.113.9, 10.0.0.2")]);
        assert_eq!(resolve(ip("127.0.0.1"), &h, &proxies), ip("203.0.113.9"));
        // Several header lines read as one list, ports and IPv6 too.
        let h = headers(&[
            (&X_FORWARDED_FOR, "1.2.3.4"),
            (&X_FORWARDED_FOR, "[2001:db8::7]:4711, 10.1.1.1"),
        ]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("2001:db8::7"));
        assert_eq!(
            resolve(
                ip("10.0.0.1"),
                &headers(&[(&X_FORWARDED_FOR, "::ffff:203.0.113.5")]),
                &proxies
            ),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn garbage_stops_at_the_last_trusted_hop() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let h = headers(&[(&X_FORWARDED_FOR, "203.0.113.9, nonsense, 10.0.0.7")]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("10.0.0.7"));
        // Only proxies in the chain: the farthest one is the client.
        let h = headers(&[(&X_FORWARDED_FOR, "10.0.0.9, 10.0.0.7")]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("10.0.0.9"));
        // No header at all: the proxy itself.
        assert_eq!(resolve(ip("10.0.0.1"), &HeaderMap::new(), &proxies), ip("10.0.0.1"));
    }

    #[test]
    fn rfc_7239_forwarded_is_read_when_there_is_no_x_forwarded_for() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let h = headers(&[(
            &FORWARDED,
            "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.3;by=10.0.0.1",
        )]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("2001:db8:cafe::17"));
        let h = headers(&[(&FORWARDED, "for=203.0.113.9, for=unknown")]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("10.0.0.1"));
        let h = headers(&[(&FORWARDED, "for=203.0.113.9"), (&X_FORWARDED_FOR, "198.51.100.2")]);
        assert_eq!(resolve(ip("10.0.0.1"), &h, &proxies), ip("198.51.100.2"));
    }
}
