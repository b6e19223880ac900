//! QR codes for the customers' team links: SVG for print (vector, crisp at
//! any size) and PNG for mail merges and receipts.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

/// An SVG QR code of `url`, `size` pixels wide, with a quiet zone.
pub fn svg(url: &str, size: u32) -> anyhow::Result<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(size, size)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// A black-and-white PNG QR code, `scale` pixels per module, 4-module
/// quiet zone.
pub fn png(url: &str, scale: u32) -> anyhow::Result<Vec<u8>> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    let modules = u32::try_from(code.width())?;
    let quiet = 4;
    let side = (modules + 2 * quiet) * scale;
    let colors = code.to_colors();
    let mut pixels = vec![255u8; (side * side) as usize];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (mx, my) = (i as u32 % modules, i as u32 / modules);
        for dy in 0..scale {
            let y = (my + quiet) * scale + dy;
            let start = (y * side + (mx + quiet) * scale) as usize;
            pixels[start..start + scale as usize].fill(0);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side, side);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_png_encode_the_link() {
        let url = "https://miroir.example.org/s/AbCdEfGh123/PAR-01?ch=in_person";
        let svg = svg(url, 200).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("#000000"));
        let png = png(url, 4).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!(info.width, info.height);
        assert_eq!(info.width % 4, 0);
    }

    #[test]
    fn a_longer_link_needs_more_modules() {
        let short = png("https://x.org/s/a/b", 1).unwrap().len();
        let long = png(&format!("https://x.org/s/{}/b", "a".repeat(200)), 1).unwrap().len();
        assert!(long > short);
    }
}
