//! Indexes the embedded Public Suffix List at compile time (see src/psl/index.rs), so a
//! run finds a host's rules with a few binary searches and no pass over the list.

#[path = "src/psl/index.rs"]
#[allow(dead_code)]
mod index;

fn main() {
    const LIST: &str = "data/public_suffix_list.dat";
    println!("cargo::rerun-if-changed={LIST}");
    println!("cargo::rerun-if-changed=src/psl/index.rs");
    let list = std::fs::read_to_string(LIST).expect("data/public_suffix_list.dat is readable");
    let index = index::build(&list);
    let version = list
        .lines()
        .find_map(|line| line.strip_prefix("// VERSION:"))
        .map_or("unknown", str::trim);
    println!("cargo::rustc-env=ST_SETUP_PSL_VERSION={version}");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("psl-index.txt"), index.text).expect("OUT_DIR is writable");
    std::fs::write(out.join("psl-offsets.bin"), index.offsets).expect("OUT_DIR is writable");
}
