//! Sections of a compilation: dated pieces glued into one file, each opened by a date line or
//! dateline ("July 24, 2016", "WASHINGTON, Oct. 3, 2016 —") or following a source tag that
//! closed the piece before ("[Washington Post]"). Never resolves a relative date itself.

use chrono::NaiveDate;

use super::anchor::Anchor;
use super::Tagger;
use crate::types::{Section, SectionDateSource, Span};

/// How far into a paragraph a dateline's date may start (after a place name in capitals).
const DATELINE_REACH: usize = 40;

impl Tagger<'_> {
    /// The sections of the document when it is a compilation (two pieces or more, told
    /// apart by date lines, datelines or source tags); empty otherwise.
    pub(super) fn sections(&self) -> Vec<Section> {
        let paras = self.paragraphs;
        let mut starts: Vec<(usize, Option<NaiveDate>)> = Vec::new();
        let mut after_tag = false;
        for p in paras {
            let date = self.stated_date(p.start, p.end);
            if date.is_some() || after_tag || starts.is_empty() {
                starts.push((p.start, date));
            }
            after_tag = ends_with_source_tag(&self.text[p.start..p.end]);
        }
        if starts.len() < 2 {
            return Vec::new();
        }
        let n = starts.len();
        (0..n)
            .map(|k| {
                let (start, date) = starts[k];
                let end = starts.get(k + 1).map_or(self.text.len(), |s| s.0);
                let date = date.or(self.story.dct());
                Section {
                    span: Span::new(start, end),
                    date,
                    date_source: if starts[k].1.is_some() {
                        SectionDateSource::Stated
                    } else {
                        SectionDateSource::Document
                    },
                }
            })
            .collect()
    }

    /// The date a paragraph states for itself: a full date alone on its line ("July 24,
    /// 2016"), or opening it as a dateline before a dash or colon, after at most a place
    /// name in capitals.
    fn stated_date(&self, start: usize, end: usize) -> Option<NaiveDate> {
        self.paragraph_date(start, end, false)
    }

    /// The date of the article's own dateline ("WASHINGTON, Dec. 8 (UPI) —", year optional)
    /// in its first two paragraphs, when it is within three days of the document date and
    /// differs from it: the day the piece was written, its reference time.
    pub(super) fn dateline_date(&self) -> Option<NaiveDate> {
        let dct = self.story.dct()?;
        let d = self
            .paragraphs
            .iter()
            .take(2)
            .find_map(|p| self.paragraph_date(p.start, p.end, true))?;
        (d != dct && (d - dct).num_days().abs() <= 3).then_some(d)
    }

    /// A paragraph's date line or dateline; `undated_year` also takes a dateline whose
    /// year is left out, before a dash or a bracketed agency ("Dec. 8 (UPI) —").
    fn paragraph_date(&self, start: usize, end: usize, undated_year: bool) -> Option<NaiveDate> {
        let toks = &self.toks;
        let first = toks.partition_point(|t| t.start < start);
        let mut k = first;
        while k < toks.len() && toks[k].start < end && toks[k].start < start + DATELINE_REACH {
            let lead = &self.text[start..toks[k].start];
            if !lead
                .chars()
                .all(|c| !c.is_alphanumeric() || c.is_uppercase() || c == ' ')
            {
                return None;
            }
            if let Some(h) = self.at(k) {
                let d = match h.anchor {
                    Anchor::Day(d, true) => d,
                    Anchor::Day(d, false) if undated_year && k > first => d,
                    _ => return None,
                };
                // A date running on past the paragraph is no date line of it.
                let h_end = toks[h.end - 1].end;
                let rest = self.text.get(h_end..end)?.trim();
                let alone = rest.chars().all(|c| !c.is_alphanumeric());
                let rest = match rest.strip_prefix('(') {
                    Some(r) if undated_year => r.split_once(')').map_or(rest, |x| x.1.trim()),
                    _ => rest,
                };
                let dateline = rest.starts_with(['—', '–', ':', '-']);
                return (alone || dateline).then_some(d);
            }
            k += 1;
        }
        None
    }
}

/// Does a paragraph end with a source tag: a short bracketed name such as "[Reuters]",
/// "[WSJ | Paywall]", "[Marina Fang, HuffPost]"?
fn ends_with_source_tag(p: &str) -> bool {
    let p = p.trim_end();
    let Some(body) = p.strip_suffix(']') else {
        return false;
    };
    let Some(open) = body.rfind('[') else {
        return false;
    };
    let tag = &body[open + 1..];
    !tag.is_empty()
        && tag.chars().count() <= 60
        && tag.starts_with(|c: char| c.is_uppercase())
        && !tag.contains(['[', ']'])
}
