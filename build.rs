//! Build script: a digest of the sources the published reports are computed
//! from (the analytics engine, the instrument, the report loading), so that
//! a program built from other sources rebuilds the reports it publishes,
//! while instances built from the same sources share them
//! (`domain::report_cache::Stamp::digest`).

use std::hash::Hasher;
use std::path::Path;

const ENGINE_SOURCES: [&str; 3] = ["src/analytics", "src/domain/instrument.rs", "src/domain/reports.rs"];

fn files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut sources = Vec::new();
    for root in ENGINE_SOURCES {
        println!("cargo:rerun-if-changed={root}");
        files(Path::new(root), &mut sources);
    }
    // FNV-1a, 64 bits: not for security, only to tell two builds apart.
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    for file in &sources {
        hash.write(file.to_string_lossy().as_bytes());
        hash.write(&std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=MIROIR_ENGINE_DIGEST={:016x}", hash.finish());
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
