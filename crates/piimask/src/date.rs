//! Dates for the `<date>` template variable: a calendar date and time of day (today's from
//! the system clock, in UTC), formatted by a small strftime subset: `%Y %m %d %H %M %%`.

use std::fmt;
use std::str::FromStr;

use crate::error::TemplateError;

/// A calendar date (years 1 to 9999, proleptic Gregorian) and a time of day to the minute,
/// with no time zone: the caller decides which zone it is in.
///
/// # Example
/// ```
/// use piimask::{DateFormat, DateTime};
/// let date = DateTime::new(2026, 11, 21)?.at(9, 5)?;
/// assert_eq!(date.format(&DateFormat::new("%d/%m/%Y %H:%M")?), "21/11/2026 09:05");
/// assert_eq!("2026-11-21T09:05".parse::<DateTime>()?, date);
/// assert!(DateTime::new(2026, 2, 29).is_err(), "2026 is not a leap year");
/// # Ok::<(), piimask::TemplateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
}

impl DateTime {
    /// Midnight at the start of a date; fails when the date does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Result<DateTime, TemplateError> {
        if !(1..=9999).contains(&year) {
            return Err(TemplateError::Date { reason: "the year is not between 1 and 9999" });
        }
        if !(1..=12).contains(&month) {
            return Err(TemplateError::Date { reason: "the month is not between 1 and 12" });
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(TemplateError::Date { reason: "the month has no such day" });
        }
        Ok(DateTime { year, month, day, hour: 0, minute: 0 })
    }

    /// The same date at `hour:minute` (24-hour clock).
    pub fn at(self, hour: u8, minute: u8) -> Result<DateTime, TemplateError> {
        if hour > 23 || minute > 59 {
            return Err(TemplateError::Date { reason: "the time is not between 00:00 and 23:59" });
        }
        Ok(DateTime { hour, minute, ..self })
    }

    /// The current date and time from the system clock, in UTC (1970-01-01 00:00 if the
    /// clock is before 1970).
    ///
    /// # Example
    /// ```
    /// assert!(piimask::DateTime::now_utc().year() >= 2024);
    /// ```
    pub fn now_utc() -> DateTime {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        DateTime::from_unix_seconds(seconds).unwrap_or(DateTime {
            year: 9999,
            month: 12,
            day: 31,
            hour: 23,
            minute: 59,
        })
    }

    /// The UTC date and time `seconds` after 1970-01-01 00:00 UTC (`None` after year 9999).
    ///
    /// # Example
    /// ```
    /// use piimask::DateTime;
    /// assert_eq!(DateTime::from_unix_seconds(1_795_000_000), Some(DateTime::new(2026, 11, 18)?.at(11, 6)?));
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn from_unix_seconds(seconds: u64) -> Option<DateTime> {
        let days = i64::try_from(seconds / 86_400).ok()?;
        let (year, month, day) = civil_from_days(days);
        let of_day = seconds % 86_400;
        let year = u16::try_from(year).ok().filter(|year| *year <= 9999)?;
        Some(DateTime {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(of_day / 3600).ok()?,
            minute: u8::try_from(of_day % 3600 / 60).ok()?,
        })
    }

    /// The year (1 to 9999).
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12).
    pub const fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month (1 to 31).
    pub const fn day(&self) -> u8 {
        self.day
    }

    /// The hour (0 to 23).
    pub const fn hour(&self) -> u8 {
        self.hour
    }

    /// The minute (0 to 59).
    pub const fn minute(&self) -> u8 {
        self.minute
    }

    /// This date written in `format`.
    ///
    /// # Example
    /// ```
    /// use piimask::{DateFormat, DateTime};
    /// let date = DateTime::new(2026, 3, 7)?;
    /// assert_eq!(date.format(&DateFormat::default()), "2026-03-07");
    /// assert_eq!(date.format(&DateFormat::new("%d.%m.%Y, 100%%")?), "07.03.2026, 100%");
    /// # Ok::<(), piimask::TemplateError>(())
    /// ```
    pub fn format(&self, format: &DateFormat) -> String {
        use fmt::Write as _;
        let mut out = String::with_capacity(format.0.len() + 8);
        let mut chars = format.0.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            // A DateFormat holds only valid directives.
            let _ = match chars.next() {
                Some('Y') => write!(out, "{:04}", self.year),
                Some('m') => write!(out, "{:02}", self.month),
                Some('d') => write!(out, "{:02}", self.day),
                Some('H') => write!(out, "{:02}", self.hour),
                Some('M') => write!(out, "{:02}", self.minute),
                _ => write!(out, "%"),
            };
        }
        out
    }
}

impl fmt::Display for DateTime {
    /// ISO 8601: `2026-11-21T09:05`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}T{:02}:{:02}", self.year, self.month, self.day, self.hour, self.minute)
    }
}

impl FromStr for DateTime {
    type Err = TemplateError;

    /// Reads `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM` (seconds
    /// `:SS` are accepted and ignored).
    fn from_str(text: &str) -> Result<DateTime, TemplateError> {
        const FORM: TemplateError =
            TemplateError::Date { reason: "expected YYYY-MM-DD, optionally followed by THH:MM" };
        let number = |part: &str| -> Result<u16, TemplateError> {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FORM);
            }
            part.parse().map_err(|_| FORM)
        };
        let small = |part: &str| number(part).and_then(|n| u8::try_from(n).map_err(|_| FORM));
        let bytes = text.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' || !text.is_char_boundary(10) {
            return Err(FORM);
        }
        let date = DateTime::new(number(&text[..4])?, small(&text[5..7])?, small(&text[8..10])?)?;
        let time = &text[10..];
        if time.is_empty() {
            return Ok(date);
        }
        let time = time.strip_prefix('T').or_else(|| time.strip_prefix(' ')).ok_or(FORM)?;
        let (clock, seconds) = match (time.len(), time.get(..5), time.get(5..)) {
            (5, _, _) => (time, None),
            (8, Some(clock), Some(seconds)) => (clock, Some(seconds)),
            _ => return Err(FORM),
        };
        if !clock.is_char_boundary(2) || clock.as_bytes()[2] != b':' {
            return Err(FORM);
        }
        if let Some(seconds) = seconds {
            let seconds = seconds.strip_prefix(':').ok_or(FORM)?;
            if seconds.len() != 2 || small(seconds)? > 59 {
                return Err(FORM);
            }
        }
        date.at(small(&clock[..2])?, small(&clock[3..])?)
    }
}

/// A validated date format: text in which `%Y` (4-digit year), `%m` (2-digit month), `%d`
/// (2-digit day), `%H` (2-digit hour, 24-hour clock), `%M` (2-digit minute) and `%%` (a
/// `%`) are replaced; every other character is copied. Default: `%Y-%m-%d`.
///
/// # Example
/// ```
/// use piimask::{DateFormat, TemplateError};
/// assert_eq!(DateFormat::new("%d/%m/%Y")?.as_str(), "%d/%m/%Y");
/// assert_eq!(DateFormat::new("le %e").unwrap_err(), TemplateError::DateFormat { byte: 3, char: 3 });
/// # Ok::<(), TemplateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DateFormat(String);

impl DateFormat {
    /// Checks `format`: every `%` must start one of the supported directives.
    pub fn new(format: &str) -> Result<DateFormat, TemplateError> {
        let mut chars = format.char_indices().enumerate();
        while let Some((index, (byte, c))) = chars.next() {
            if c == '%' && !matches!(chars.next(), Some((_, (_, 'Y' | 'm' | 'd' | 'H' | 'M' | '%')))) {
                return Err(TemplateError::DateFormat { byte, char: index });
            }
        }
        Ok(DateFormat(format.to_string()))
    }

    /// The format as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for DateFormat {
    fn default() -> DateFormat {
        DateFormat("%Y-%m-%d".to_string())
    }
}

impl FromStr for DateFormat {
    type Err = TemplateError;

    fn from_str(format: &str) -> Result<DateFormat, TemplateError> {
        DateFormat::new(format)
    }
}

impl fmt::Display for DateFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Year, month and day of a count of days since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_match_known_dates() {
        let at = |s| DateTime::from_unix_seconds(s).unwrap().to_string();
        assert_eq!(at(0), "1970-01-01T00:00");
        assert_eq!(at(951_782_400), "2000-02-29T00:00");
        assert_eq!(at(1_709_210_096), "2024-02-29T12:34");
        assert_eq!(at(253_402_300_799), "9999-12-31T23:59");
        assert_eq!(DateTime::from_unix_seconds(253_402_300_800), None);
    }

    #[test]
    fn every_day_round_trips_through_its_text() {
        // Consecutive days from 1970 to 2100 follow each other in the calendar.
        let mut previous = DateTime::from_unix_seconds(0).unwrap();
        for day in 1..(131 * 366) {
            let date = DateTime::from_unix_seconds(day * 86_400).unwrap();
            assert!(date > previous);
            assert_eq!(date.to_string().parse::<DateTime>().unwrap(), date);
            previous = date;
        }
    }

    #[test]
    fn parses_the_documented_forms_only() {
        for good in ["2026-11-21", "2026-11-21T09:05", "2026-11-21 09:05", "2026-11-21T09:05:59"] {
            assert!(good.parse::<DateTime>().is_ok(), "{good}");
        }
        for bad in [
            "",
            "2026-11-2",
            "2026/11/21",
            "2026-13-01",
            "2026-11-31",
            "0000-01-01",
            "2026-11-21T24:00",
            "2026-11-21T09:60",
            "2026-11-21T9:05",
            "2026-11-21T09:05:60",
            "2026-11-21X09:05",
            "+026-11-21",
            "2026-11-21é",
            "2026-1é-21",
        ] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_reject_unknown_directives() {
        assert!(DateFormat::new("%Y%m%d%H%M%%").is_ok());
        assert_eq!(DateFormat::new("%").unwrap_err(), TemplateError::DateFormat { byte: 0, char: 0 });
        assert_eq!(DateFormat::new("é %y").unwrap_err(), TemplateError::DateFormat { byte: 3, char: 2 });
    }
}
