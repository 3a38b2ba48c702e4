//! The crate's one XML reader: STS's answers (the query protocol) and the XML errors
//! AWS's front door sends even to JSON services (a rejected signature).
//!
//! Both are fixed, shallow documents of which we need a few elements. The reader handles what a conforming response may contain
//! (declaration, namespaces, attributes, comments, CDATA, the five predefined entities
//! and character references) and rejects anything malformed; it never expands DTD
//! entities, and it refuses documents nested deeper than [`MAX_DEPTH`], so that
//! neither reading nor dropping nor searching a tree recurses on untrusted depth.
//! It is ~170 lines; the smallest correct crate, quick-xml 0.38 (with memchr), took
//! 4.1 s to build clean in debug on the project machine, more than this whole module
//! adds to the runtime crate.

/// An XML element: local name (namespace prefix dropped), decoded text, children.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) children: Vec<Element>,
}

impl Element {
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The first element named `name`, depth first, this one included.
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        let mut pending = vec![self];
        while let Some(element) = pending.pop() {
            if element.name == name {
                return Some(element);
            }
            pending.extend(element.children.iter().rev());
        }
        None
    }
}

/// How deep elements may nest: STS documents are 4 deep. The same bound as the JSON
/// readers' (serde_json's recursion limit), so that every tree built from untrusted
/// bytes is shallow enough to drop, compare and print recursively.
pub(crate) const MAX_DEPTH: usize = 128;

/// Parses a document into its root element.
pub(crate) fn parse(input: &str) -> Result<Element, String> {
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut rest = input.strip_prefix('\u{feff}').unwrap_or(input);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = skip_past(after, "?>")?;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = skip_past(after, "-->")?;
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").ok_or("unterminated CDATA section")?;
            let top = stack.last_mut().ok_or("text outside the root element")?;
            top.text.push_str(&after[..end]);
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("<!") {
            if !stack.is_empty() {
                return Err("a declaration inside an element".to_owned());
            }
            rest = skip_past(after, ">")?;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unterminated end tag")?;
            let name = local_name(after[..end].trim());
            let element = stack.pop().ok_or("an end tag without a start tag")?;
            if element.name != name {
                return Err(format!(
                    "</{}> closes <{}>",
                    shown(name, 64),
                    shown(&element.name, 64)
                ));
            }
            attach(&mut stack, &mut root, element)?;
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let (tag, self_closing, after) = start_tag(after)?;
            let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
            let name = &tag[..name_end];
            if name.is_empty() {
                return Err("an element without a name".to_owned());
            }
            let element = Element {
                name: local_name(name).to_owned(),
                ..Element::default()
            };
            if stack.len() == MAX_DEPTH {
                return Err(format!("elements nested deeper than {MAX_DEPTH} levels"));
            }
            if self_closing {
                attach(&mut stack, &mut root, element)?;
            } else {
                stack.push(element);
            }
            rest = after;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            match stack.last_mut() {
                Some(top) => top.text.push_str(&decode_entities(raw)?),
                None if raw.trim().is_empty() => {}
                None => return Err("text outside the root element".to_owned()),
            }
            rest = &rest[end..];
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> is never closed", shown(&open.name, 64)));
    }
    root.ok_or_else(|| "no root element".to_owned())
}

/// Text from the document as an error shows it: at most `max` characters.
pub(crate) fn shown(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn skip_past<'a>(s: &'a str, end: &str) -> Result<&'a str, String> {
    s.find(end)
        .map(|i| &s[i + end.len()..])
        .ok_or_else(|| format!("missing `{end}`"))
}

/// The inside of a start tag, whether it is `<x/>`, and what follows it. Attribute
/// values may hold `>`, so quotes are tracked.
fn start_tag(s: &str) -> Result<(&str, bool, &str), String> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                let inner = &s[..i];
                let (inner, closing) = match inner.strip_suffix('/') {
                    Some(inner) => (inner, true),
                    None => (inner, false),
                };
                return Ok((inner.trim(), closing, &s[i + 1..]));
            }
            (None, '<') => return Err("`<` inside a start tag".to_owned()),
            _ => {}
        }
    }
    Err("unterminated start tag".to_owned())
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err("more than one root element".to_owned()),
    }
    Ok(())
}

fn decode_entities(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').ok_or("an `&` without `;`")?;
        let entity = &after[..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity `&{};`", shown(entity, 64)))?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 100,000 nested elements (about 700 KB, under the 1 MiB response cap) are an
    /// error, not a stack overflow in parsing, searching or dropping the tree.
    #[test]
    fn deep_nesting_is_an_error_not_an_abort() {
        let levels = 100_000;
        let doc = format!("{}{}", "<a>".repeat(levels), "</a>".repeat(levels));
        let err = parse(&doc).unwrap_err();
        assert_eq!(err, "elements nested deeper than 128 levels");
        let long = "n".repeat(100_000);
        let err = parse(&format!("<{long}></x>")).unwrap_err();
        assert_eq!(err, format!("</x> closes <{}…>", "n".repeat(64)));
        assert!(parse(&"<a>".repeat(levels)).is_err());
        let nested = |n: usize| format!("{}<b>x</b>{}", "<a>".repeat(n), "</a>".repeat(n));
        assert_eq!(
            parse(&nested(MAX_DEPTH - 1))
                .unwrap()
                .find("b")
                .unwrap()
                .text,
            "x"
        );
        assert!(parse(&nested(MAX_DEPTH)).is_err());
        let self_closing = format!("{}<b/>{}", "<a>".repeat(128), "</a>".repeat(128));
        assert!(parse(&self_closing).is_err());
    }
}
