//! The dialect of an uploaded CSV file: a spreadsheet saved in a language
//! whose decimal mark is a comma (French Excel) separates its cells with
//! semicolons and may start with a UTF-8 byte-order mark. The separator is
//! read from the header line: the one of `;` and `,` that occurs more often
//! outside quotes (comma on a tie, and for a one-column file).

use std::io::{BufRead, BufReader, Read};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes without a leading UTF-8 byte-order mark.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// `b';'` or `b','`, from the first line of `bytes` (BOM or not).
pub fn delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in without_bom(bytes) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A CSV reader over `bytes` in their dialect, the BOM skipped.
pub fn reader_builder(bytes: &[u8]) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.delimiter(delimiter(bytes));
    builder
}

/// A stream and its dialect: the header line is read from what the first
/// fill of the buffer holds (64 KiB, far more than a header line), and the
/// BOM is consumed.
pub fn buffered<R: Read>(input: R) -> std::io::Result<(u8, BufReader<R>)> {
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let head = input.fill_buf()?;
    let delimiter = delimiter(head);
    if head.starts_with(BOM) {
        input.consume(BOM.len());
    }
    Ok((delimiter, input))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_read_from_the_header_line() {
        assert_eq!(delimiter(b"code,name,parent_code\nA;B;C;D\n"), b',');
        assert_eq!(delimiter(b"\xEF\xBB\xBFcode;name;parent_code\r\nA,1;B;C\n"), b';');
        assert_eq!(delimiter(b"\"a,b,c\";name;x\n"), b';');
        assert_eq!(delimiter(b"code\n"), b',');
        assert_eq!(without_bom(b"\xEF\xBB\xBFcode"), b"code");
    }

    #[test]
    fn a_stream_loses_its_bom_and_keeps_its_separator() {
        let (d, mut r) = buffered(&b"\xEF\xBB\xBFcode;name\nA;Alpha\n"[..]).unwrap();
        let mut rest = String::new();
        r.read_to_string(&mut rest).unwrap();
        assert_eq!((d, rest.as_str()), (b';', "code;name\nA;Alpha\n"));
    }
}
