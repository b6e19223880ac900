//! The one way a figure is written for a reader: pages, charts and the
//! labels of exports all go through [`NumberStyle::format`].
//!
//! The rule: round half away from zero on the decimal digits the figure is
//! known by (its shortest round-trip form, so 61.25 reads 61.3 and 0.15
//! reads 0.2, as a reader rounding by hand would have it, whatever the
//! binary value underneath); a figure that rounds to zero is written
//! unsigned ("0.0", never "−0.0" or "+0.0"); a negative figure takes the
//! typographic minus U+2212. Exports write the figure itself with
//! [`plain`], which spreadsheets parse.

/// The typographic minus sign.
pub const MINUS: char = '\u{2212}';

/// Decimal separator of the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    Point,
    Comma,
}

impl NumberStyle {
    pub fn for_lang(lang: &str) -> NumberStyle {
        if lang.starts_with("fr") {
            NumberStyle::Comma
        } else {
            NumberStyle::Point
        }
    }

    /// `v` with `decimals` places by the rule above; `signed` adds `+` to a
    /// figure that stays positive once rounded. A non-finite `v` (which the
    /// engine never produces) is written as the dash of a missing figure.
    pub fn format(self, v: f64, decimals: usize, signed: bool) -> String {
        if !v.is_finite() {
            return MISSING.to_owned();
        }
        let digits = round_half_away(v.abs(), decimals);
        let zero = digits.bytes().all(|b| b == b'0' || b == b'.');
        let sign = match (zero, v < 0.0, signed) {
            (true, _, _) => "",
            (false, true, _) => "\u{2212}",
            (false, false, true) => "+",
            (false, false, false) => "",
        };
        let digits = match self {
            NumberStyle::Point => digits,
            NumberStyle::Comma => digits.replace('.', ","),
        };
        format!("{sign}{digits}")
    }
}

/// What a missing figure reads as.
pub const MISSING: &str = "—";

/// An optional figure for a page: [`MISSING`] when absent.
pub fn format_option(value: Option<f64>, decimals: usize, style: NumberStyle, signed: bool) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| style.format(v, decimals, signed))
}

/// The figure itself for an export: every digit it is known by, ASCII
/// hyphen-minus and point, as spreadsheets and CSV readers parse it.
pub fn plain(v: f64) -> String {
    format!("{v}")
}

/// `v ≥ 0` rounded half away from zero to `decimals` places, on its
/// shortest decimal form.
fn round_half_away(v: f64, decimals: usize) -> String {
    let text = format!("{v}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals))
        .collect();
    if frac.as_bytes().get(decimals).is_some_and(|&d| d >= b'5') {
        // Carry the increment leftwards; a carry out of the first digit
        // adds a leading one (99.95 → 100.0).
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
    }
    let split = digits.len() - decimals;
    let (int, frac) = digits.split_at(split);
    let int = String::from_utf8_lossy(int);
    if decimals == 0 {
        int.into_owned()
    } else {
        format!("{int}.{}", String::from_utf8_lossy(frac))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(v: f64) -> String {
        NumberStyle::Point.format(v, 1, false)
    }

    #[test]
    fn halves_round_away_from_zero_on_the_shown_digits() {
        assert_eq!(point(61.25), "61.3");
        assert_eq!(point(-61.25), "\u{2212}61.3");
        assert_eq!(point(0.15), "0.2");
        assert_eq!(NumberStyle::Point.format(1.005, 2, false), "1.01");
        assert_eq!(NumberStyle::Point.format(2.5, 0, false), "3");
        assert_eq!(NumberStyle::Point.format(-2.5, 0, false), "\u{2212}3");
        assert_eq!(point(61.24), "61.2");
        assert_eq!(point(61.249_999), "61.2");
    }

    #[test]
    fn a_carry_reaches_the_integer_part() {
        assert_eq!(point(99.95), "100.0");
        assert_eq!(point(-99.95), "\u{2212}100.0");
        assert_eq!(point(9.96), "10.0");
        assert_eq!(NumberStyle::Point.format(0.999, 2, false), "1.00");
    }

    #[test]
    fn zero_is_written_without_a_sign() {
        assert_eq!(point(0.0), "0.0");
        assert_eq!(point(-0.0), "0.0");
        assert_eq!(point(-0.04), "0.0");
        assert_eq!(NumberStyle::Point.format(-0.04, 1, true), "0.0");
        assert_eq!(NumberStyle::Point.format(0.04, 1, true), "0.0");
    }

    #[test]
    fn negatives_take_the_typographic_minus() {
        assert_eq!(point(-0.05), "\u{2212}0.1");
        assert_eq!(NumberStyle::Point.format(-12.34, 1, true), "\u{2212}12.3");
        assert!(!point(-3.0).contains('-'));
    }

    #[test]
    fn signed_figures_show_their_plus() {
        assert_eq!(NumberStyle::Point.format(12.34, 1, true), "+12.3");
        assert_eq!(NumberStyle::Point.format(0.05, 1, true), "+0.1");
    }

    #[test]
    fn french_readers_get_a_decimal_comma() {
        assert_eq!(NumberStyle::for_lang("fr").format(-61.25, 1, false), "\u{2212}61,3");
        assert_eq!(NumberStyle::for_lang("en").format(61.25, 2, false), "61.25");
        assert_eq!(NumberStyle::Comma.format(7.0, 0, false), "7");
    }

    #[test]
    fn missing_and_non_finite_figures_read_as_a_dash() {
        assert_eq!(format_option(None, 1, NumberStyle::Point, false), MISSING);
        assert_eq!(point(f64::NAN), MISSING);
        assert_eq!(format_option(Some(1.0), 1, NumberStyle::Point, true), "+1.0");
    }

    #[test]
    fn large_and_small_figures_keep_all_their_digits() {
        assert_eq!(NumberStyle::Point.format(1e21, 0, false), "1000000000000000000000");
        assert_eq!(NumberStyle::Point.format(1e-10, 1, false), "0.0");
        assert_eq!(NumberStyle::Point.format(123.0, 3, false), "123.000");
    }

    #[test]
    fn exports_keep_every_digit_and_an_ascii_minus() {
        assert_eq!(plain(-61.25), "-61.25");
        assert_eq!(plain(0.1 + 0.2), "0.30000000000000004");
    }
}
