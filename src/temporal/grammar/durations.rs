//! Durations: "12 hours", "10-month", "two and a half years", "a few days", "12 to 18
//! months", and rates ("$5 a year").
//! Never resolves a date: "ago" and "from now" are the grammar's business.

use std::ops::ControlFlow::{self, Break, Continue};

use crate::text::TokenKind;
use crate::types::TimexType;

use super::super::lex::{self, Unit};
use super::super::scan::is_num;
use super::super::value::{Amount, Value};
use super::super::Tagger;
use super::{Hit, Kind};

impl Tagger<'_> {
    /// Durations: "12 hours", "10-month", "two-year", "a week", "several months", "years".
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Hyphenated compounds: "10-month", "two-year", "third-quarter", "year-earlier".
        if let Break(h) = self.compound_duration(i, w) {
            return h;
        }
        // Number + unit, "twenty four hours", "a few days", "several months".
        let (n, j, mut half) = match self.duration_amount(i, w) {
            Break(h) => return h,
            Continue(amount) => amount,
        };
        let mut j = j;
        if self.w(j) == "more" || self.w(j) == "additional" {
            j += 1;
        }
        let (u, plural) = lex::unit(self.w(j))?;
        if n.is_some_and(|n| n >= 1000) && !matches!(u, Unit::Year | Unit::Day | Unit::Hour) {
            return None;
        }
        if n == Some(1) && plural || n.is_some_and(|n| n > 1) && !plural && w != "a" {
            // "one days" or "two year" (as in "two year deal") still counts as a duration.
            if n == Some(1) {
                return None;
            }
        }
        if n.is_none() && !plural {
            return None;
        }
        // "a second term", "a quarter of the shares", "60 Minutes" (a programme).
        if matches!(u, Unit::Second | Unit::Quarter)
            && !plural
            && (self.kind(j + 1) == Some(TokenKind::Word)
                && !matches!(self.w(j + 1), "ago" | "earlier" | "later" | "and" | "or")
                || self.w(j + 1) == "of")
        {
            return None;
        }
        if self.cap(j) && j > self.sent_start && !self.cap(j.saturating_sub(2)) {
            return None;
        }
        // An age ("Mr. Reupke, 52 years old") describes a person or thing, like
        // "52-year-old": not a temporal expression of the story.
        if self.w(j + 1) == "old" {
            return None;
        }
        // "in recent years", "in recent weeks": the recent past, not a length (rule 29 of
        // the news notes; TempEval-3 writes some of them as lengths).
        if w == "recent" {
            return Some(match u {
                Unit::Year | Unit::Decade | Unit::Month | Unit::Week | Unit::Day => {
                    Hit::date(i, j + 1, Value::PAST)
                }
                Unit::Quarter => {
                    let v = Value::duration(Unit::Month, None);
                    Hit::new(i, j + 1, TimexType::Duration, v, Kind::Other)
                }
                _ => Hit::new(
                    i,
                    j + 1,
                    TimexType::Duration,
                    Value::duration(u, None),
                    Kind::Other,
                ),
            });
        }
        if let Some(h) = self.rate(i, w, n, j, u) {
            return Some(h);
        }
        if u == Unit::Weekend {
            return None;
        }
        // "a minute and a half"
        let mut e = j + 1;
        if n.is_some()
            && !half
            && self.w(e) == "and"
            && self.w(e + 1) == "a"
            && self.w(e + 2) == "half"
        {
            half = true;
            e += 3;
        }
        if n == Some(0) && plural {
            return None;
        }
        let v = match (half, n) {
            (true, Some(n)) => Value::Duration(u, Amount::Fraction(n, "5".into())),
            _ => Value::duration(u, n),
        };
        Some(Hit::new(i, e, TimexType::Duration, v, Kind::Dur))
    }

    /// Hyphenated compounds: "10-month", "two-year", "multi-year", "third-quarter".
    fn compound_duration(&self, i: usize, w: &str) -> ControlFlow<Option<Hit>> {
        let Some((a, b)) = w.rsplit_once('-') else {
            return Continue(());
        };
        let Some((u, false)) = lex::unit(b) else {
            return Continue(());
        };
        if let Some(n) = lex::cardinal(a) {
            let mut e = i + 1;
            if self.w(e) == "-" && self.w(e + 1) == "old" {
                e += 2;
            }
            let v = Value::duration(u, Some(n));
            return Break(Some(Hit::new(i, e, TimexType::Duration, v, Kind::Dur)));
        }
        if let Some(q) = lex::ordinal(a) {
            return Break(self.quarter_like(i, i + 1, q, u));
        }
        if matches!(a, "several" | "multi" | "many") {
            let v = Value::duration(u, None);
            return Break(Some(Hit::new(i, i + 1, TimexType::Duration, v, Kind::Dur)));
        }
        Continue(())
    }

    /// The amount before a duration's unit: how many (`None` for "several"), the token of the
    /// unit, and whether a half comes with it; or the duration already decided ("2.5 years",
    /// "two to three weeks") or refused.
    fn duration_amount(
        &self,
        i: usize,
        w: &str,
    ) -> ControlFlow<Option<Hit>, (Option<u32>, usize, bool)> {
        let mut half = false;
        let (n, j): (Option<u32>, usize) = match w {
            // "half an hour", "a half hour": half of one unit.
            "half" if matches!(self.w(i + 1), "a" | "an") => {
                half = true;
                (Some(0), i + 2)
            }
            "a" | "an" if self.w(i + 1) == "half" && lex::unit(self.w(i + 2)).is_some() => {
                half = true;
                (Some(0), i + 2)
            }
            "a" | "an" => match self.w(i + 1) {
                "few" | "couple" => {
                    let j = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                    (
                        if self.w(i + 1) == "few" {
                            None
                        } else {
                            Some(2)
                        },
                        j,
                    )
                }
                _ => (Some(1), i + 1),
            },
            "several" | "few" | "many" | "some" | "numerous" | "recent" => (None, i + 1),
            "couple" if self.w(i + 1) == "of" => (Some(2), i + 2),
            _ => {
                // "2.5 years", "5½ hours"
                if let Some((n, frac, j)) = self.decimal_amount(i) {
                    let Some((u, plural)) = lex::unit(self.w(j)) else {
                        return Break(None);
                    };
                    if !plural || u == Unit::Weekend || self.w(j + 1) == "old" {
                        return Break(None);
                    }
                    let v = Value::Duration(u, Amount::Fraction(n, frac));
                    return Break(Some(Hit::new(i, j + 1, TimexType::Duration, v, Kind::Dur)));
                }
                let Some(mut n) = lex::cardinal(w) else {
                    return Break(None);
                };
                let mut j = i + 1;
                // "twenty four", "one hundred"
                if let Some(n2) = lex::number_word(self.w(j)) {
                    if n >= 20 && n % 10 == 0 && n2 < 10 {
                        n += n2;
                        j += 1;
                    } else if n2 == 100 && n < 10 {
                        n *= 100;
                        j += 1;
                    }
                }
                // "two and a half years", "2 1/2 years"
                if self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half" {
                    j += 3;
                    half = true;
                } else if self.w(j) == "1/2" {
                    j += 1;
                    half = true;
                }
                // A range, "two to three weeks", "12 to 18 months", "one or two days": one
                // expression whose amount is not a single number.
                if !half
                    && matches!(self.w(j), "to" | "or" | "-" | "–")
                    && lex::cardinal(self.w(j + 1)).is_some_and(|m| m > n)
                    && lex::unit(self.w(j + 2)).is_some_and(|(_, plural)| plural)
                {
                    return Break(self.duration_range(i, j + 2));
                }
                (Some(n), j)
            }
        };
        Continue((n, j, half))
    }

    /// "a year" after an amount is a rate: "$5 a year".
    fn rate(&self, i: usize, w: &str, n: Option<u32>, j: usize, u: Unit) -> Option<Hit> {
        if (w == "a" || w == "an")
            && n == Some(1)
            && !matches!(
                self.w(j + 1),
                "ago" | "earlier" | "later" | "before" | "after"
            )
        {
            let p = self.prev(i);
            // "$41,000 a year", "$75billion a year", "35-plus hours a week".
            if is_num(p)
                || i > self.sent_start && self.kind(i - 1) == Some(TokenKind::Number)
                || p.bytes().any(|b| b.is_ascii_digit())
                || lex::unit(p).is_some_and(|x| x.1)
                || p.ends_with('%')
                || matches!(
                    p,
                    "percent"
                        | "times"
                        | "twice"
                        | "once"
                        | "million"
                        | "billion"
                        | "cents"
                        | "dollars"
                )
            {
                return Some(Hit::new(
                    i,
                    j + 1,
                    TimexType::Set,
                    Value::duration(u, Some(1)),
                    Kind::Other,
                ));
            }
        }
        None
    }

    /// An amount with a fraction before a unit: "2.5" or "5½" / "5 ½": the whole part, the
    /// decimal digits ("5" for a half) and the token after the amount.
    pub(super) fn decimal_amount(&self, i: usize) -> Option<(u32, String, usize)> {
        let w = self.w(i);
        let digits = |x: &str| is_num(x) && x.len() <= 4;
        if let Some((a, b)) = w.split_once('.') {
            if digits(a) && digits(b) && b.len() <= 2 {
                return Some((a.parse().ok()?, b.trim_end_matches('0').to_string(), i + 1));
            }
            return None;
        }
        if let Some(a) = w.strip_suffix('½') {
            return digits(a).then(|| Some((a.parse().ok()?, "5".to_string(), i + 1)))?;
        }
        if digits(w) && self.w(i + 1) == "½" {
            return Some((w.parse().ok()?, "5".to_string(), i + 2));
        }
        None
    }

    /// A duration whose amount is a range ending at the unit token `j`: TimeML writes the
    /// unknown amount as X ("PXM").
    pub(super) fn duration_range(&self, i: usize, j: usize) -> Option<Hit> {
        let (u, _) = lex::unit(self.w(j))?;
        Some(Hit::new(
            i,
            j + 1,
            TimexType::Duration,
            Value::duration(u, None),
            Kind::Dur,
        ))
    }
}
