//! The Public Suffix List as a sorted index, so that finding the rules that can match a
//! host is a few binary searches instead of a pass over the whole list.
//!
//! build.rs includes this file too: the embedded list's index is made at compile time,
//! a list given at run time (`--psl`) is indexed the same way when it is loaded.

/// One line per rule, sorted: `<key> <section><rule>`, where the key is the rule's labels
/// from the right (`com.example` for `example.com`, `jp.kawasaki.city` for
/// `!city.kawasaki.jp`), the section `i` (ICANN) or `p` (private) and the rule as the list
/// writes it. All of a TLD's rules are then adjacent, and so are all rules under one
/// second-level domain.
pub struct Index<T, O> {
    pub text: T,
    /// Each line's start in `text`, as little-endian u32s: plain bytes, so the embedded
    /// index needs no relocation when the binary starts.
    pub offsets: O,
}

const PRIVATE_BEGIN: &str = "===BEGIN PRIVATE DOMAINS===";

/// Indexes list text (rules one per line, `//` comments, anything after a rule's first
/// word ignored, as the format allows).
pub fn build(list: &str) -> Index<String, Vec<u8>> {
    let mut private = false;
    // The space sorts before any character of a key, so sorting the lines sorts the keys.
    let mut lines: Vec<String> = Vec::new();
    for line in list.lines() {
        let line = line.trim();
        if line.starts_with("//") {
            private |= line.contains(PRIVATE_BEGIN);
            continue;
        }
        let Some(rule) = line.split_whitespace().next() else {
            continue;
        };
        let key: Vec<&str> = rule.trim_start_matches('!').rsplit('.').collect();
        let section = if private { 'p' } else { 'i' };
        lines.push(format!("{} {section}{rule}", key.join(".")));
    }
    lines.sort();
    lines.dedup();
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(lines.len() * 4);
    for line in lines {
        let start = u32::try_from(text.len()).expect("a list under 4 GiB");
        offsets.extend_from_slice(&start.to_le_bytes());
        text.push_str(&line);
        text.push('\n');
    }
    Index { text, offsets }
}

impl<T: AsRef<str>, O: AsRef<[u8]>> Index<T, O> {
    fn len(&self) -> usize {
        self.offsets.as_ref().len() / 4
    }

    fn line(&self, i: usize) -> &str {
        let offsets = self.offsets.as_ref();
        let start = u32::from_le_bytes(offsets[i * 4..i * 4 + 4].try_into().unwrap()) as usize;
        let line = &self.text.as_ref()[start..];
        &line[..line.find('\n').unwrap_or(line.len())]
    }

    /// The lines that start with `prefix`, as (key, is private, rule). A prefix ending in
    /// a space asks for one key exactly; without it, for a key and those that extend it.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, bool, &'a str)> {
        let mut low = 0;
        let mut high = self.len();
        while low < high {
            let middle = (low + high) / 2;
            if self.line(middle) < prefix {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low..self.len())
            .map(|i| self.line(i))
            .take_while(move |line| line.starts_with(prefix))
            .filter_map(|line| {
                let (key, rest) = line.split_once(' ')?;
                let rule = rest.get(1..)?;
                Some((key, rest.starts_with('p'), rule))
            })
    }
}
