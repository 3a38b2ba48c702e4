//! The client's parsed endpoint URLs.

use std::sync::Mutex;

/// Endpoint URLs the client has parsed, so that a call clones a parsed URL instead of
/// parsing the string again: parsing (with IDNA host checks) was 18,000 instructions a
/// call, an eighth of awsjson's whole per-call cost (BENCHMARKS.md).
#[derive(Default)]
pub(crate) struct UrlCache {
    entries: Mutex<Vec<(Box<str>, reqwest::Url)>>,
}

/// A client talks to a handful of endpoints; the bound keeps per-call host prefixes
/// from growing the cache.
const MAX_ENTRIES: usize = 16;

impl UrlCache {
    /// `url` parsed, or why it does not parse (the URL parser's own words).
    pub(crate) fn parse(&self, url: &str) -> Result<reqwest::Url, String> {
        if let Some(parsed) = self
            .lock()
            .iter()
            .find_map(|(raw, parsed)| (**raw == *url).then(|| parsed.clone()))
        {
            return Ok(parsed);
        }
        let parsed = reqwest::Url::parse(url).map_err(|e| e.to_string())?;
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.push((url.into(), parsed.clone()));
        Ok(parsed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(Box<str>, reqwest::Url)>> {
        // Plain data, consistent after any panic.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_once_and_stays_bounded() {
        let cache = UrlCache::default();
        let url = "http://127.0.0.1:4566/";
        assert_eq!(cache.parse(url).unwrap().as_str(), url);
        assert_eq!(cache.parse(url).unwrap().as_str(), url);
        assert_eq!(cache.lock().len(), 1);
        assert!(cache.parse("not a url").is_err());
        for i in 0..40 {
            let url = format!("https://h{i}.example.com/");
            assert_eq!(cache.parse(&url).unwrap().as_str(), url);
        }
        assert!(cache.lock().len() <= MAX_ENTRIES);
    }
}
