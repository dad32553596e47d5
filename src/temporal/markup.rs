//! Markup pasted into the text (an embedded tweet: `<tweet author="@x" datetime="2015-12-02">`):
//! its tags are not prose, and a tweet's own date is the day its words were written.
//! Never resolves a date of the prose and never changes the text.

use chrono::{DateTime, NaiveDate};

/// A tag found in the text: its byte span, and for an opening tweet tag the day the tweet was
/// sent (its `datetime` or `timestamp` attribute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tag {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TagKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagKind {
    /// `<tweet ...>`, with the day it was sent when the tag says it.
    TweetOpen(Option<NaiveDate>),
    /// `</tweet>`.
    TweetClose,
    Other,
}

/// Longest tag read: a longer stretch between `<` and `>` is taken for prose.
const MAX_TAG: usize = 600;

/// The tags of `text` in order: `<` then a letter or `/`, up to the next `>` on the same
/// line.
pub(super) fn tags(text: &str) -> Vec<Tag> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = text.get(i..).and_then(|r| r.find('<')).map(|p| i + p) {
        let next = b.get(k + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/') {
            i = k + 1;
            continue;
        }
        let close = b[k + 1..]
            .iter()
            .take(MAX_TAG)
            .position(|&c| c == b'>' || c == b'\n' || c == b'<');
        match close.map(|p| k + 1 + p) {
            Some(e) if b[e] == b'>' => {
                let body = &text[k + 1..e];
                out.push(Tag {
                    start: k,
                    end: e + 1,
                    kind: kind(body),
                });
                i = e + 1;
            }
            _ => i = k + 1,
        }
    }
    out
}

fn kind(body: &str) -> TagKind {
    let name = body
        .split(|c: char| c.is_whitespace() || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match name.as_str() {
        "tweet" => TagKind::TweetOpen(sent_on(body)),
        "/tweet" => TagKind::TweetClose,
        _ => TagKind::Other,
    }
}

/// The day a tweet tag says it was sent: `datetime="2015-12-02"` (a date, or a date and
/// time) or `timestamp="1449075600"` (seconds since 1970, UTC).
fn sent_on(body: &str) -> Option<NaiveDate> {
    if let Some(v) = attribute(body, "datetime") {
        return v
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    }
    let secs: i64 = attribute(body, "timestamp")?.parse().ok()?;
    DateTime::from_timestamp(secs, 0).map(|t| t.date_naive())
}

/// The value of attribute `name` in a tag's body (double or curly quotes).
fn attribute<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = body;
    while let Some(k) = rest.find(name) {
        let before_ok = k == 0 || rest.as_bytes()[k - 1].is_ascii_whitespace();
        let after = rest[k + name.len()..].trim_start();
        if let (true, Some(v)) = (before_ok, after.strip_prefix('=')) {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if matches!(q, '"' | '\'' | '”' | '“') {
                let v = &v[q.len_utf8()..];
                let end = v.find(['"', '\'', '”', '“'])?;
                return Some(&v[..end]);
            }
        }
        rest = &rest[k + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tweet_tag_gives_the_day_it_was_sent() {
        let t =
            "See <tweet id=\"1\" author=\"@ann\" datetime=\"2015-12-02\">Awful news today</tweet>.";
        let found = tags(t);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].kind,
            TagKind::TweetOpen(NaiveDate::from_ymd_opt(2015, 12, 2))
        );
        assert_eq!(
            &t[found[0].start..found[0].end],
            "<tweet id=\"1\" author=\"@ann\" datetime=\"2015-12-02\">"
        );
        assert_eq!(found[1].kind, TagKind::TweetClose);
    }

    #[test]
    fn a_unix_timestamp_is_read_in_utc() {
        // 1449075600 is 2015-12-02 17:00 UTC.
        let found = tags("<tweet pic=\"\" timestamp=\"1449075600\" tweet_id=\"9\">Hi</tweet>");
        assert_eq!(
            found[0].kind,
            TagKind::TweetOpen(NaiveDate::from_ymd_opt(2015, 12, 2))
        );
    }

    #[test]
    fn comparisons_and_broken_tags_are_prose() {
        assert!(tags("if a < b and c > d").is_empty());
        assert!(tags("x <b\nnot a tag> y").is_empty());
        assert_eq!(tags("<a href=\"x\">link</a>").len(), 2);
        assert_eq!(tags("<a href=\"x\">link</a>")[0].kind, TagKind::Other);
    }
}
