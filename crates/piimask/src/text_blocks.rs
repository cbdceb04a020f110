//! Text-block libraries: quick replies with a shortcut, a title, a template body, tags and a
//! language, loaded from TOML or JSON, validated entry by entry, and searched by `#query`.
//!
//! # The library form
//! ```toml
//! [[block]]
//! shortcut = "bonjour"                 # required: letters, digits, - _ . (at most 64 characters)
//! title = "Bonjour et présentation"    # required: one line (at most 200 characters)
//! body = "Bonjour <customer.name>, je suis <agent.name>."   # required: a template
//! tags = ["accueil", "salutation"]     # optional: one word each
//! language = "fr"                      # optional: a language tag (en, fr, pt-BR, ...)
//! ```
//! The same in JSON: `{"block": [{"shortcut": "bonjour", "title": "…", "body": "…"}]}`.
//! Unknown fields are errors. Shortcuts are unique, ignoring case and accents. A body's own
//! text (without its parameters) is at most 1000 characters, the limit of an agent message.
//! Validation reports every problem of every entry at once, with the entry's index, the
//! field, and the line in the file.
//!
//! # Search
//! Typing `#` and a query finds blocks by prefix, ignoring case and accents (`#reponse` finds
//! `Réponse`, `#привіт` finds `Привіт`, `#strasse` finds `Straße`): the query's words must each
//! start a word of the block's shortcut, title or tags (or the whole query must start the
//! shortcut). Hits come best first — the exact shortcut, then titles that start with the
//! query, then the other matches — and in library order within each group. `#` alone lists
//! the library in order.

use std::collections::{BTreeMap, HashMap};

use serde_json::value::RawValue;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::error::{LibraryError, LibraryProblem, LibraryProblemKind};
use crate::message_check::MAX_MESSAGE_CHARS;
use crate::template::{Template, char_count, json_error_message, line_column};

/// The longest shortcut, in characters.
pub const MAX_SHORTCUT_CHARS: usize = 64;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// One quick reply of a library.
///
/// # Example
/// ```
/// let library = piimask::TextBlockLibrary::from_toml(r#"
///     [[block]]
///     shortcut = "hello"
///     title = "Greeting"
///     body = "Hello <customer.name>!"
///     tags = ["greeting"]
/// "#)?;
/// let block = library.get("#hello").unwrap();
/// assert_eq!((block.shortcut(), block.title(), block.language()), ("hello", "Greeting", None));
/// assert_eq!(block.body().variables().collect::<Vec<_>>(), ["customer.name"]);
/// assert_eq!(block.tags(), ["greeting"]);
/// # Ok::<(), piimask::LibraryError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextBlock {
    shortcut: String,
    title: String,
    body: Template,
    tags: Vec<String>,
    language: Option<String>,
}

impl TextBlock {
    /// The shortcut, as written (without `#`).
    pub fn shortcut(&self) -> &str {
        &self.shortcut
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The body, a parsed template.
    pub fn body(&self) -> &Template {
        &self.body
    }

    /// The tags.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The language tag, if given.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }
}

/// Why a block is a search hit, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchRank {
    /// The query is the block's shortcut.
    ExactShortcut,
    /// The block's title starts with the query.
    TitlePrefix,
    /// Each query word starts a word of the shortcut, title or tags (or the query starts the
    /// shortcut).
    WordPrefix,
    /// The query is empty (`#` alone): every block, in library order.
    All,
}

impl SearchRank {
    /// The stable snake-case name (`"exact_shortcut"`, `"title_prefix"`, `"word_prefix"`,
    /// `"all"`).
    pub const fn name(self) -> &'static str {
        match self {
            SearchRank::ExactShortcut => "exact_shortcut",
            SearchRank::TitlePrefix => "title_prefix",
            SearchRank::WordPrefix => "word_prefix",
            SearchRank::All => "all",
        }
    }
}

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchHit<'l> {
    /// The block's index in the library.
    pub index: usize,
    /// The block.
    pub block: &'l TextBlock,
    /// Why it matched.
    pub rank: SearchRank,
}

/// A validated library of text blocks with a search index. Immutable, `Send + Sync`.
///
/// # Example
/// ```
/// use piimask::{SearchRank, TextBlockLibrary};
/// let library = TextBlockLibrary::from_json(r#"{"block": [
///     {"shortcut": "attente", "title": "Réponse d'attente", "body": "Un instant, je vérifie.", "language": "fr"},
///     {"shortcut": "rep", "title": "Autre réponse", "body": "…"},
///     {"shortcut": "привіт", "title": "Привіт", "body": "Вітаю, <customer.name>!", "language": "uk"}
/// ]}"#)?;
/// let found: Vec<(&str, SearchRank)> =
///     library.search("#rep", 10).iter().map(|hit| (hit.block.shortcut(), hit.rank)).collect();
/// assert_eq!(found, [("rep", SearchRank::ExactShortcut), ("attente", SearchRank::TitlePrefix)]);
/// assert_eq!(library.search("#reponse", 10)[0].block.shortcut(), "attente");
/// assert_eq!(library.search("#ПРИВ", 10)[0].block.title(), "Привіт");
/// assert_eq!(library.search("#", 2).len(), 2);
/// # Ok::<(), piimask::LibraryError>(())
/// ```
#[derive(Clone, Debug)]
pub struct TextBlockLibrary {
    blocks: Vec<TextBlock>,
    index: SearchIndex,
}

impl TextBlockLibrary {
    /// Parses and validates the TOML or JSON form (JSON when the first non-blank character
    /// is `{`).
    pub fn parse(text: &str) -> Result<TextBlockLibrary, LibraryError> {
        if text.trim_start().starts_with('{') {
            TextBlockLibrary::from_json(text)
        } else {
            TextBlockLibrary::from_toml(text)
        }
    }

    /// Parses and validates the TOML form.
    ///
    /// # Example
    /// ```
    /// use piimask::{LibraryError, TextBlockLibrary};
    /// let text = "[[block]]\nshortcut = \"a b\"\ntitle = \"T\"\nbody = \"x <y\"\n";
    /// let LibraryError::Invalid { problems } = TextBlockLibrary::from_toml(text).unwrap_err() else { panic!() };
    /// let found: Vec<(Option<usize>, Option<&str>, Option<usize>, &str)> = problems
    ///     .iter()
    ///     .map(|p| (p.index, p.field.as_deref(), p.line, p.kind.code()))
    ///     .collect();
    /// assert_eq!(found, [
    ///     (Some(0), Some("shortcut"), Some(2), "invalid_shortcut"),
    ///     (Some(0), Some("body"), Some(4), "template_syntax"),
    /// ]);
    /// ```
    pub fn from_toml(text: &str) -> Result<TextBlockLibrary, LibraryError> {
        let document = toml::de::DeTable::parse(text).map_err(|err| {
            let (line, column) = err.span().map_or((0, 0), |span| line_column(text, span.start));
            LibraryError::Syntax { format: "TOML", line, column, message: err.message().trim().to_string() }
        })?;
        let root = Node {
            offset: document.span().start,
            value: NodeValue::Table(
                document
                    .get_ref()
                    .iter()
                    .map(|(key, value)| (key.get_ref().to_string(), Node::from_toml(value, 0)))
                    .collect(),
            ),
        };
        validate(root, text)
    }

    /// Parses and validates the JSON form.
    ///
    /// # Example
    /// ```
    /// let library = piimask::TextBlockLibrary::from_json(r#"{"block": [{"shortcut": "hi", "title": "Hi", "body": "Hi!"}]}"#)?;
    /// assert_eq!(library.len(), 1);
    /// # Ok::<(), piimask::LibraryError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<TextBlockLibrary, LibraryError> {
        let raw: &RawValue = serde_json::from_str(text).map_err(|err| LibraryError::Syntax {
            format: "JSON",
            line: err.line(),
            column: err.column(),
            message: json_error_message(&err),
        })?;
        validate(Node::from_json(raw, text.as_ptr().addr(), 0), text)
    }

    /// The blocks, in library order.
    pub fn blocks(&self) -> &[TextBlock] {
        &self.blocks
    }

    /// The number of blocks.
    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    /// Whether the library has no blocks (never true for a parsed library).
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The block with this shortcut (a leading `#` is ignored; so are case and accents).
    ///
    /// # Example
    /// ```
    /// let library = piimask::TextBlockLibrary::from_json(r#"{"block": [{"shortcut": "Réponse", "title": "R", "body": "…"}]}"#)?;
    /// assert!(library.get("#reponse").is_some());
    /// assert!(library.get("rep").is_none());
    /// # Ok::<(), piimask::LibraryError>(())
    /// ```
    pub fn get(&self, shortcut: &str) -> Option<&TextBlock> {
        let shortcut = shortcut.strip_prefix('#').unwrap_or(shortcut);
        let range = self.index.shortcuts.exact(&fold(shortcut));
        self.index.shortcuts.blocks[range].first().map(|&block| &self.blocks[block as usize])
    }

    /// The blocks matching `query` (`#` and a prefix of a shortcut, title words or tags;
    /// the `#` is optional), best first, at most `limit` of them. See the
    /// [module documentation](self) for the order.
    ///
    /// # Example
    /// ```
    /// use piimask::TextBlockLibrary;
    /// let library = TextBlockLibrary::from_toml(r#"
    ///     [[block]]
    ///     shortcut = "delay"
    ///     title = "Delivery delay"
    ///     body = "Sorry for the delay."
    ///     [[block]]
    ///     shortcut = "retard"
    ///     title = "Retard de livraison"
    ///     body = "Désolé pour le retard."
    ///     tags = ["délai", "livraison"]
    /// "#)?;
    /// let shortcuts = |query| -> Vec<String> {
    ///     library.search(query, 5).iter().map(|hit| hit.block.shortcut().to_string()).collect()
    /// };
    /// assert_eq!(shortcuts("#del"), ["delay", "retard"]);    // shortcut and title, then tag
    /// assert_eq!(shortcuts("#LIVR"), ["retard"]);
    /// assert_eq!(shortcuts("#retard de liv"), ["retard"]);
    /// assert_eq!(shortcuts("#xyz"), Vec::<String>::new());
    /// # Ok::<(), piimask::LibraryError>(())
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        let query = query.trim();
        let query = query.strip_prefix('#').unwrap_or(query).trim();
        let whole = fold(query);
        let hit = |index: usize, rank| SearchHit { index, block: &self.blocks[index], rank };
        if whole.is_empty() {
            return (0..self.blocks.len().min(limit)).map(|index| hit(index, SearchRank::All)).collect();
        }
        if limit == 0 {
            return Vec::new();
        }
        let index = &self.index;
        let mut hits = Vec::with_capacity(limit.min(self.blocks.len()));
        let mut taken = BlockSet::new(self.blocks.len());
        for &block in &index.shortcuts.blocks[index.shortcuts.exact(&whole)] {
            if hits.len() < limit && taken.insert(block) {
                hits.push(hit(block as usize, SearchRank::ExactShortcut));
            }
        }
        let words: Vec<&str> = words(&whole).collect();
        let mut titles = BlockSet::new(self.blocks.len());
        if !words.is_empty() {
            index.titles.mark_prefixed(&words.join(" "), &mut titles);
        }
        let mut matching = BlockSet::new(self.blocks.len());
        if let Some((first, rest)) = words.split_first() {
            index.words.mark_prefixed(first, &mut matching);
            let mut this_word = BlockSet::new(self.blocks.len());
            for word in rest {
                this_word.clear();
                index.words.mark_prefixed(word, &mut this_word);
                matching.intersect(&this_word);
            }
        }
        index.shortcuts.mark_prefixed(&whole, &mut matching);
        for (set, rank) in [(&titles, SearchRank::TitlePrefix), (&matching, SearchRank::WordPrefix)] {
            for block in set.iter() {
                if hits.len() == limit {
                    return hits;
                }
                if taken.insert(block) {
                    hits.push(hit(block as usize, rank));
                }
            }
        }
        hits
    }
}

/// Folds text for search: compatibility decomposition, lower case, combining marks removed,
/// and the letters that do not decompose spelled out (`ß` → `ss`, `æ` → `ae`, `ł` → `l`, ...).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return out;
    }
    for c in text.chars() {
        decompose_compatible(c, |part| {
            for lower in part.to_lowercase() {
                if is_combining_mark(lower) {
                    continue;
                }
                match lower {
                    'ß' => out.push_str("ss"),
                    'æ' => out.push_str("ae"),
                    'œ' => out.push_str("oe"),
                    'þ' => out.push_str("th"),
                    'ø' => out.push('o'),
                    'ł' => out.push('l'),
                    'đ' | 'ð' => out.push('d'),
                    'ı' => out.push('i'),
                    'ς' => out.push('σ'),
                    other => out.push(other),
                }
            }
        });
    }
    out
}

/// The words of folded text: maximal runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

/// The search index: sorted keys, each with the block it belongs to.
#[derive(Clone, Debug)]
struct SearchIndex {
    /// Folded shortcuts (exact and prefix).
    shortcuts: SortedKeys,
    /// Folded titles, their words joined by single spaces (title prefix).
    titles: SortedKeys,
    /// Folded words of shortcuts, titles and tags (word prefix).
    words: SortedKeys,
}

impl SearchIndex {
    fn build(blocks: &[TextBlock]) -> SearchIndex {
        let (mut shortcuts, mut titles, mut all_words) = (Vec::new(), Vec::new(), Vec::new());
        for (block, text_block) in (0u32..).zip(blocks) {
            let shortcut = fold(&text_block.shortcut);
            let title = fold(&text_block.title);
            all_words.extend(words(&shortcut).map(|word| (word.to_string(), block)));
            all_words.extend(words(&title).map(|word| (word.to_string(), block)));
            for tag in &text_block.tags {
                all_words.extend(words(&fold(tag)).map(|word| (word.to_string(), block)));
            }
            titles.push((words(&title).collect::<Vec<_>>().join(" "), block));
            shortcuts.push((shortcut, block));
        }
        SearchIndex {
            shortcuts: SortedKeys::new(shortcuts),
            titles: SortedKeys::new(titles),
            words: SortedKeys::new(all_words),
        }
    }
}

/// Keys in byte order, each with a block: the keys with a given prefix are one range.
#[derive(Clone, Debug)]
struct SortedKeys {
    keys: Vec<Box<str>>,
    blocks: Vec<u32>,
}

impl SortedKeys {
    fn new(mut pairs: Vec<(String, u32)>) -> SortedKeys {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, blocks) = pairs.into_iter().map(|(key, block)| (key.into_boxed_str(), block)).unzip();
        SortedKeys { keys, blocks }
    }

    /// The range of keys equal to `key`.
    fn exact(&self, key: &str) -> std::ops::Range<usize> {
        let start = self.keys.partition_point(|probe| &**probe < key);
        let end = start + self.keys[start..].partition_point(|probe| &**probe == key);
        start..end
    }

    /// Adds the blocks of every key that starts with `prefix` to `set`.
    fn mark_prefixed(&self, prefix: &str, set: &mut BlockSet) {
        let start = self.keys.partition_point(|probe| &**probe < prefix);
        let end = start + self.keys[start..].partition_point(|probe| probe.starts_with(prefix));
        for &block in &self.blocks[start..end] {
            set.insert(block);
        }
    }
}

/// A set of block indices, iterated in ascending order.
#[derive(Clone, Debug)]
struct BlockSet {
    bits: Vec<u64>,
}

impl BlockSet {
    fn new(blocks: usize) -> BlockSet {
        BlockSet { bits: vec![0; blocks.div_ceil(64)] }
    }

    /// Adds `block`; whether it was new.
    fn insert(&mut self, block: u32) -> bool {
        let (word, bit) = ((block / 64) as usize, block % 64);
        let new = self.bits[word] & (1 << bit) == 0;
        self.bits[word] |= 1 << bit;
        new
    }

    fn clear(&mut self) {
        self.bits.fill(0);
    }

    fn intersect(&mut self, other: &BlockSet) {
        for (mine, theirs) in self.bits.iter_mut().zip(&other.bits) {
            *mine &= theirs;
        }
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0u32..).zip(&self.bits).flat_map(|(word, &bits)| {
            let mut rest = bits;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    word * 64 + bit
                })
            })
        })
    }
}

/// A value of the parsed document, with the byte offset where it starts in the file.
#[derive(Debug)]
struct Node {
    offset: usize,
    value: NodeValue,
}

#[derive(Debug)]
enum NodeValue {
    Text(String),
    List(Vec<Node>),
    Table(Vec<(String, Node)>),
    /// Any other type (number, boolean, date, null), or nesting deeper than a library has.
    Other,
}

/// How deep the document is read: document, `block` array, block, `tags` array, tag.
const MAX_DEPTH: usize = 4;

impl Node {
    fn from_toml(value: &toml::Spanned<toml::de::DeValue<'_>>, depth: usize) -> Node {
        use toml::de::DeValue;
        let node = match value.get_ref() {
            DeValue::String(text) => NodeValue::Text(text.to_string()),
            DeValue::Integer(_) | DeValue::Float(_) => NodeValue::Other,
            DeValue::Boolean(_) => NodeValue::Other,
            DeValue::Datetime(_) => NodeValue::Other,
            DeValue::Array(_) if depth >= MAX_DEPTH => NodeValue::Other,
            DeValue::Table(_) if depth >= MAX_DEPTH => NodeValue::Other,
            DeValue::Array(items) => {
                NodeValue::List(items.iter().map(|item| Node::from_toml(item, depth + 1)).collect())
            }
            DeValue::Table(table) => NodeValue::Table(
                table
                    .iter()
                    .map(|(key, value)| (key.get_ref().to_string(), Node::from_toml(value, depth + 1)))
                    .collect(),
            ),
        };
        Node { offset: value.span().start, value: node }
    }

    /// `raw` borrows from the text starting at address `base`.
    fn from_json(raw: &RawValue, base: usize, depth: usize) -> Node {
        let text = raw.get();
        let offset = text.as_ptr().addr().saturating_sub(base);
        let value = match text.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<String>(text).map_or(NodeValue::Other, NodeValue::Text),
            Some(b'[') if depth < MAX_DEPTH => match serde_json::from_str::<Vec<&RawValue>>(text) {
                Ok(items) => NodeValue::List(
                    items.into_iter().map(|item| Node::from_json(item, base, depth + 1)).collect(),
                ),
                Err(_) => NodeValue::Other,
            },
            Some(b'{') if depth < MAX_DEPTH => {
                match serde_json::from_str::<BTreeMap<String, &RawValue>>(text) {
                    Ok(entries) => NodeValue::Table(
                        entries
                            .into_iter()
                            .map(|(key, value)| (key, Node::from_json(value, base, depth + 1)))
                            .collect(),
                    ),
                    Err(_) => NodeValue::Other,
                }
            }
            Some(b'[') => NodeValue::Other,
            Some(b'{') => NodeValue::Other,
            Some(b't' | b'f') => NodeValue::Other,
            Some(b'n') => NodeValue::Other,
            _ => NodeValue::Other,
        };
        Node { offset, value }
    }
}

/// Collects problems while validating a document.
struct Checker<'t> {
    text: &'t str,
    problems: Vec<LibraryProblem>,
}

impl Checker<'_> {
    fn report(&mut self, index: Option<usize>, field: Option<&str>, offset: usize, kind: LibraryProblemKind) {
        let line = Some(line_column(self.text, offset).0);
        self.problems.push(LibraryProblem { index, field: field.map(str::to_string), line, kind });
    }
}

const BLOCK_FIELDS: &str = "shortcut, title, body, tags, language";

fn validate(root: Node, text: &str) -> Result<TextBlockLibrary, LibraryError> {
    let mut checker = Checker { text, problems: Vec::new() };
    let mut items = None;
    match root.value {
        NodeValue::Table(entries) => {
            for (key, node) in entries {
                if key == "block" {
                    items = Some(node);
                } else {
                    checker.report(
                        None,
                        Some(&key),
                        node.offset,
                        LibraryProblemKind::UnknownField { expected: "block" },
                    );
                }
            }
        }
        _ => checker.report(None, None, root.offset, LibraryProblemKind::NotATable),
    }
    let mut blocks = Vec::new();
    match items {
        None => checker.report(None, None, 0, LibraryProblemKind::NoBlocks),
        Some(Node { value: NodeValue::List(items), offset }) => {
            if items.is_empty() {
                checker.report(None, Some("block"), offset, LibraryProblemKind::NoBlocks);
            }
            let mut shortcuts: HashMap<String, usize> = HashMap::new();
            for (index, item) in items.into_iter().enumerate() {
                if let Some((block, offset)) = check_block(&mut checker, index, item) {
                    match shortcuts.entry(fold(&block.shortcut)) {
                        std::collections::hash_map::Entry::Occupied(first) => checker.report(
                            Some(index),
                            Some("shortcut"),
                            offset,
                            LibraryProblemKind::DuplicateShortcut { first_index: *first.get() },
                        ),
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(index);
                        }
                    }
                    blocks.push(block);
                }
            }
        }
        Some(node) => checker.report(
            None,
            Some("block"),
            node.offset,
            LibraryProblemKind::WrongType { expected: "an array of tables" },
        ),
    }
    if !checker.problems.is_empty() {
        return Err(LibraryError::Invalid { problems: checker.problems });
    }
    let index = SearchIndex::build(&blocks);
    Ok(TextBlockLibrary { blocks, index })
}

/// Validates one block, reporting every problem; the block when it has none, with the offset
/// of its shortcut.
fn check_block(checker: &mut Checker<'_>, index: usize, item: Node) -> Option<(TextBlock, usize)> {
    let NodeValue::Table(entries) = item.value else {
        checker.report(Some(index), None, item.offset, LibraryProblemKind::NotATable);
        return None;
    };
    let before = checker.problems.len();
    let mut fields: BTreeMap<&'static str, Node> = BTreeMap::new();
    let mut unknown = Vec::new();
    for (key, node) in entries {
        match ["shortcut", "title", "body", "tags", "language"].into_iter().find(|field| *field == key) {
            Some(field) => {
                fields.insert(field, node);
            }
            None => unknown.push((key, node)),
        }
    }
    let block_offset = item.offset;
    let mut text_field =
        |checker: &mut Checker<'_>, field: &'static str, required: bool| -> Option<(String, usize)> {
            match fields.remove(field) {
                None if required => {
                    checker.report(Some(index), Some(field), block_offset, LibraryProblemKind::MissingField);
                    None
                }
                None => None,
                Some(Node { value: NodeValue::Text(text), offset }) => Some((text, offset)),
                Some(node) => {
                    checker.report(
                        Some(index),
                        Some(field),
                        node.offset,
                        LibraryProblemKind::WrongType { expected: "a string" },
                    );
                    None
                }
            }
        };
    let shortcut = text_field(checker, "shortcut", true);
    let title = text_field(checker, "title", true);
    let body = text_field(checker, "body", true);
    let language = text_field(checker, "language", false);
    let tags_node = fields.remove("tags");

    let mut report =
        |field: &str, offset: usize, kind| checker.report(Some(index), Some(field), offset, kind);
    if let Some((shortcut, offset)) = &shortcut
        && let Err(kind) = check_shortcut(shortcut)
    {
        report("shortcut", *offset, kind);
    }
    if let Some((title, offset)) = &title {
        let chars = title.chars().count();
        if title.trim().is_empty() {
            report("title", *offset, LibraryProblemKind::Empty);
        } else if title.contains(['\n', '\r']) {
            report("title", *offset, LibraryProblemKind::Multiline);
        } else if chars > MAX_TITLE_CHARS {
            report("title", *offset, LibraryProblemKind::TooLong { chars, max: MAX_TITLE_CHARS });
        }
    }
    let template = body.and_then(|(body, offset)| {
        if body.trim().is_empty() {
            report("body", offset, LibraryProblemKind::Empty);
            return None;
        }
        match Template::parse(&body) {
            Err(err) => {
                report("body", offset, LibraryProblemKind::Template(err));
                None
            }
            Ok(template) if template.text_chars() > MAX_MESSAGE_CHARS => {
                let chars = template.text_chars();
                report("body", offset, LibraryProblemKind::TooLong { chars, max: MAX_MESSAGE_CHARS });
                None
            }
            Ok(template) => Some(template),
        }
    });
    let mut tags = Vec::new();
    match tags_node {
        None => {}
        Some(Node { value: NodeValue::List(items), .. }) => {
            for (position, item) in items.into_iter().enumerate() {
                let field = format!("tags[{position}]");
                match item.value {
                    NodeValue::Text(tag) if tag.trim().is_empty() => {
                        report(&field, item.offset, LibraryProblemKind::Empty)
                    }
                    NodeValue::Text(tag) if tag.contains(|c: char| c.is_whitespace() || c == '#') => {
                        report(&field, item.offset, LibraryProblemKind::InvalidTag)
                    }
                    NodeValue::Text(tag) => tags.push(tag),
                    _ => report(&field, item.offset, LibraryProblemKind::WrongType { expected: "a string" }),
                }
            }
        }
        Some(node) => {
            report("tags", node.offset, LibraryProblemKind::WrongType { expected: "an array of strings" })
        }
    }
    if let Some((language, offset)) = &language
        && !is_language_tag(language)
    {
        report("language", *offset, LibraryProblemKind::InvalidLanguage);
    }
    for (key, node) in unknown {
        report(&key, node.offset, LibraryProblemKind::UnknownField { expected: BLOCK_FIELDS });
    }
    if checker.problems.len() > before {
        // Field by field, in the documented order, unknown fields last.
        let rank = |problem: &LibraryProblem| {
            let field = problem.field.as_deref().unwrap_or_default();
            let field = field.split('[').next().unwrap_or_default();
            ["shortcut", "title", "body", "tags", "language"]
                .iter()
                .position(|known| *known == field)
                .unwrap_or(5)
        };
        checker.problems[before..].sort_by_key(rank);
        return None;
    }
    let (shortcut, shortcut_offset) = shortcut?;
    let block = TextBlock {
        shortcut,
        title: title?.0,
        body: template?,
        tags,
        language: language.map(|(language, _)| language),
    };
    Some((block, shortcut_offset))
}

/// Checks a shortcut: 1 to 64 letters, digits, combining marks, `-`, `_` and `.`, starting
/// with a letter or digit.
fn check_shortcut(shortcut: &str) -> Result<(), LibraryProblemKind> {
    if shortcut.is_empty() {
        return Err(LibraryProblemKind::Empty);
    }
    for (position, (byte, c)) in shortcut.char_indices().enumerate() {
        let allowed =
            c.is_alphanumeric() || (position > 0 && (matches!(c, '-' | '_' | '.') || is_combining_mark(c)));
        if !allowed {
            return Err(LibraryProblemKind::InvalidShortcut { byte, char: char_count(shortcut, byte) });
        }
    }
    let chars = shortcut.chars().count();
    if chars > MAX_SHORTCUT_CHARS {
        return Err(LibraryProblemKind::TooLong { chars, max: MAX_SHORTCUT_CHARS });
    }
    Ok(())
}

/// Whether `tag` looks like a BCP 47 language tag: a 2-3 letter language, then subtags of
/// 1-8 letters or digits joined by `-`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libraries_and_templates_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<TextBlockLibrary>();
        assert_send_sync::<crate::Template>();
        assert_send_sync::<crate::RenderContext>();
        assert_send_sync::<crate::Values>();
    }

    #[test]
    fn folding_ignores_case_accents_and_width() {
        assert_eq!(fold("Réponse"), "reponse");
        assert_eq!(fold("ПРИВІТ"), "привіт");
        assert_eq!(fold("Straße Æther Łódź"), "strasse aether lodz");
        assert_eq!(fold("ＡＢＣ ﬁn İstanbul"), "abc fin istanbul");
        assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
    }

    #[test]
    fn block_sets_iterate_in_order() {
        let mut set = BlockSet::new(200);
        for block in [130, 3, 64, 63, 0, 199] {
            assert!(set.insert(block));
        }
        assert!(!set.insert(64));
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 63, 64, 130, 199]);
    }

    #[test]
    fn language_tags() {
        for good in ["en", "fr", "uk", "pt-BR", "zh-Hant-TW", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "en_US", "en-", "fr-toolongsubtag", "é"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn shortcuts() {
        assert!(check_shortcut("carte-bloquée_2.b").is_ok());
        assert!(check_shortcut("привіт").is_ok());
        assert_eq!(check_shortcut("-a"), Err(LibraryProblemKind::InvalidShortcut { byte: 0, char: 0 }));
        assert_eq!(check_shortcut("é#"), Err(LibraryProblemKind::InvalidShortcut { byte: 2, char: 1 }));
        assert_eq!(check_shortcut(&"a".repeat(65)), Err(LibraryProblemKind::TooLong { chars: 65, max: 64 }));
    }

    #[test]
    fn json_offsets_point_into_the_file() {
        let text =
            "{\n  \"block\": [\n    {\"shortcut\": \"a\", \"title\": \"\", \"body\": \"x\"},\n    3\n  ]\n}";
        let LibraryError::Invalid { problems } = TextBlockLibrary::from_json(text).unwrap_err() else {
            panic!("invalid")
        };
        let lines: Vec<_> = problems.iter().map(|p| (p.index, p.line, p.kind.code())).collect();
        assert_eq!(lines, [(Some(0), Some(3), "empty"), (Some(1), Some(4), "not_a_table")]);
    }

    #[test]
    fn duplicate_shortcuts_ignore_case_and_accents() {
        let text = r#"{"block": [{"shortcut": "Réponse", "title": "a", "body": "a"},
                              {"shortcut": "reponse", "title": "b", "body": "b"}]}"#;
        let LibraryError::Invalid { problems } = TextBlockLibrary::from_json(text).unwrap_err() else {
            panic!("invalid")
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, LibraryProblemKind::DuplicateShortcut { first_index: 0 });
        assert_eq!(problems[0].line, Some(2));
    }
}
