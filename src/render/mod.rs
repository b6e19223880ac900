//! Renderings that are not HTML pages: QR codes (SVG and PNG) and, later,
//! charts and exports. Pure functions: data in, bytes out.

pub mod charts;
pub mod date;
pub mod export;
pub mod findings;
pub mod markdown;
pub mod number;
pub mod qr;
pub mod reason;
