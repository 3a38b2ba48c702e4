//! Timestamps: the instant, and the three wire formats of the awsJson protocols.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An instant in UTC with nanosecond precision, as AWS services exchange timestamps.
///
/// On the wire a timestamp is epoch seconds (a JSON number, with a fraction when
/// needed) unless the member says otherwise with `#[aws(timestamp = "date-time")]`
/// (ISO 8601, such as `2023-05-01T20:37:46Z`) or `#[aws(timestamp = "http-date")]`.
///
/// ```
/// use awsjson::DateTime;
///
/// let t = DateTime::parse_date_time("2023-05-01T20:37:46.5+02:00").unwrap();
/// assert_eq!(t.to_date_time(), "2023-05-01T18:37:46.5Z");
/// assert_eq!(t.secs(), 1_682_966_266);
/// ```
///
/// The default is the epoch, `1970-01-01T00:00:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

/// A string that is not a timestamp of the expected format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeParseError {
    input: String,
    format: &'static str,
}

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a valid {} timestamp",
            self.input, self.format
        )
    }
}

impl std::error::Error for DateTimeParseError {}

impl DateTime {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    pub const fn from_secs(secs: i64) -> Self {
        DateTime { secs, nanos: 0 }
    }

    /// Seconds since the epoch plus nanoseconds (`nanos` is clamped below one second).
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Self {
        let nanos = if nanos > 999_999_999 {
            999_999_999
        } else {
            nanos
        };
        DateTime { secs, nanos }
    }

    /// Fractional epoch seconds, rounded to the microsecond (an `f64` holds no more
    /// precision for present-day instants). `None` for NaN or infinite values.
    pub fn from_fractional_secs(value: f64) -> Option<Self> {
        if !value.is_finite() || value.abs() > 1e15 {
            return None;
        }
        let micros = (value * 1e6).round() as i64;
        Some(DateTime {
            secs: micros.div_euclid(1_000_000),
            nanos: (micros.rem_euclid(1_000_000) * 1000) as u32,
        })
    }

    /// The current time.
    pub fn now() -> Self {
        SystemTime::now().into()
    }

    /// Whole seconds since the epoch (rounded down).
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// The nanoseconds past [`secs`](Self::secs).
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Fractional epoch seconds.
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / 1e9
    }

    /// ISO 8601 in UTC, `2023-05-01T20:37:46Z`, with the fraction only when non-zero.
    pub fn to_date_time(&self) -> String {
        let (date, (h, m, s)) = self.civil();
        let mut out = format!(
            "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}",
            date.0, date.1, date.2
        );
        push_fraction(&mut out, self.nanos);
        out.push('Z');
        out
    }

    /// IMF-fixdate, `Tue, 29 Apr 2014 18:30:38 GMT`, with milliseconds when non-zero.
    pub fn to_http_date(&self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let (date, (h, m, s)) = self.civil();
        let weekday = DAYS[self.secs.div_euclid(86_400).rem_euclid(7) as usize];
        let mut out = format!(
            "{weekday}, {:02} {} {:04} {h:02}:{m:02}:{s:02}",
            date.2,
            MONTHS[(date.1 - 1) as usize],
            date.0
        );
        if self.nanos != 0 {
            out.push_str(&format!(".{:03}", self.nanos / 1_000_000));
        }
        out.push_str(" GMT");
        out
    }

    /// Parses ISO 8601 / RFC 3339 date-time: `2023-05-01T20:37:46Z`, with an optional
    /// fraction of any length and a `Z` or `±hh:mm` offset.
    pub fn parse_date_time(input: &str) -> Result<Self, DateTimeParseError> {
        let err = || DateTimeParseError {
            input: input.to_owned(),
            format: "date-time",
        };
        let b = input.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
            return Err(err());
        }
        if b[13] != b':' || b[16] != b':' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| digits(&b[r]).ok_or_else(err);
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        let mut i = 19;
        let mut nanos = 0u32;
        if b[i] == b'.' {
            let start = i + 1;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(err());
            }
            nanos = fraction_nanos(&b[start..i]);
        }
        let offset = match b.get(i..) {
            Some([b'Z' | b'z']) => 0,
            Some([sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]) => {
                let h = digits(&[*h1, *h2]).ok_or_else(err)?;
                let m = digits(&[*m1, *m2]).ok_or_else(err)?;
                if h > 23 || m > 59 {
                    return Err(err());
                }
                let sign = if *sign == b'+' { 1 } else { -1 };
                sign * (h * 3600 + m * 60)
            }
            _ => return Err(err()),
        };
        let secs = to_epoch(year, month, day, hour, minute, second).ok_or_else(err)?;
        Ok(DateTime {
            secs: secs - offset,
            nanos,
        })
    }

    /// Parses IMF-fixdate (`Tue, 29 Apr 2014 18:30:38 GMT`), with an optional fraction.
    pub fn parse_http_date(input: &str) -> Result<Self, DateTimeParseError> {
        let err = || DateTimeParseError {
            input: input.to_owned(),
            format: "http-date",
        };
        let rest = input
            .get(5..)
            .filter(|_| input.as_bytes().get(3) == Some(&b','));
        let rest = rest.ok_or_else(err)?;
        let mut parts = rest.split(' ');
        let (Some(day), Some(month), Some(year), Some(time), Some("GMT"), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return Err(err());
        };
        let day = digits(day.as_bytes())
            .filter(|_| day.len() == 2)
            .ok_or_else(err)?;
        let month = MONTHS.iter().position(|m| *m == month).ok_or_else(err)? as i64 + 1;
        let year = digits(year.as_bytes())
            .filter(|_| year.len() == 4)
            .ok_or_else(err)?;
        let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
        let t = hms.as_bytes();
        if t.len() != 8 || t[2] != b':' || t[5] != b':' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| digits(&t[r]).ok_or_else(err);
        let nanos = if frac.is_empty() {
            0
        } else if frac.bytes().all(|c| c.is_ascii_digit()) {
            fraction_nanos(frac.as_bytes())
        } else {
            return Err(err());
        };
        let secs =
            to_epoch(year, month, day, num(0..2)?, num(3..5)?, num(6..8)?).ok_or_else(err)?;
        Ok(DateTime { secs, nanos })
    }

    fn civil(&self) -> ((i64, i64, i64), (i64, i64, i64)) {
        let days = self.secs.div_euclid(86_400);
        let tod = self.secs.rem_euclid(86_400);
        (
            civil_from_days(days),
            (tod / 3600, tod % 3600 / 60, tod % 60),
        )
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0i64, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn fraction_nanos(frac: &[u8]) -> u32 {
    // Digits past the ninth are below a nanosecond: dropped, as the SDKs do.
    let mut nanos = 0u32;
    for i in 0..9 {
        nanos = nanos * 10 + frac.get(i).map_or(0, |c| u32::from(c - b'0'));
    }
    nanos
}

fn push_fraction(out: &mut String, nanos: u32) {
    if nanos != 0 {
        let digits = format!("{nanos:09}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

fn to_epoch(year: i64, month: i64, day: i64, h: i64, m: i64, s: i64) -> Option<i64> {
    if !is_date(year, month, day) {
        return None;
    }
    // 60 admits a leap second, which epoch time folds into the next minute.
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s)
}

/// Whether `year-month-day` is a day of the proleptic Gregorian calendar.
pub(crate) fn is_date(year: i64, month: i64, day: i64) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

// The crate's one calendar (SigV4's `x-amz-date` uses it too). Howard Hinnant's
// algorithms (<https://howardhinnant.github.io/date_algorithms.html>): exact for the
// proleptic Gregorian calendar, days counted from 1970-01-01.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

impl From<SystemTime> for DateTime {
    fn from(t: SystemTime) -> Self {
        match t.duration_since(UNIX_EPOCH) {
            Ok(d) => DateTime {
                secs: d.as_secs() as i64,
                nanos: d.subsec_nanos(),
            },
            Err(before) => {
                let d = before.duration();
                let (secs, nanos) = (d.as_secs() as i64, d.subsec_nanos());
                if nanos == 0 {
                    DateTime {
                        secs: -secs,
                        nanos: 0,
                    }
                } else {
                    DateTime {
                        secs: -secs - 1,
                        nanos: 1_000_000_000 - nanos,
                    }
                }
            }
        }
    }
}

impl From<DateTime> for SystemTime {
    fn from(t: DateTime) -> Self {
        if t.secs >= 0 {
            UNIX_EPOCH + Duration::new(t.secs as u64, t.nanos)
        } else {
            UNIX_EPOCH - Duration::from_secs(t.secs.unsigned_abs())
                + Duration::from_nanos(u64::from(t.nanos))
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_date_time())
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            s.serialize_i64(self.secs())
        } else {
            s.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("epoch seconds")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DateTime, E> {
                Ok(DateTime::from_secs(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DateTime, E> {
                i64::try_from(v)
                    .map(DateTime::from_secs)
                    .map_err(|_| E::custom("epoch seconds out of range"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DateTime, E> {
                DateTime::from_fractional_secs(v)
                    .ok_or_else(|| E::custom("epoch seconds out of range"))
            }
        }
        d.deserialize_any(V)
    }
}

impl crate::json_read::FromJson for DateTime {
    fn from_json(r: &mut crate::json_read::Reader<'_>) -> Result<Self, crate::json_read::Error> {
        use crate::json_read::AnyNumber;
        let secs = match r.any_number("epoch seconds")? {
            AnyNumber::PosInt(v) => i64::try_from(v).ok().map(DateTime::from_secs),
            AnyNumber::NegInt(v) => Some(DateTime::from_secs(v)),
            AnyNumber::Float(v) => DateTime::from_fractional_secs(v),
        };
        secs.ok_or_else(|| r.error("epoch seconds out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_time_round_trips() {
        for (text, secs, nanos) in [
            ("1970-01-01T00:00:00Z", 0, 0),
            ("2000-02-29T12:00:00Z", 951_825_600, 0),
            ("2023-05-01T20:37:46Z", 1_682_973_466, 0),
            ("1969-12-31T23:59:59.5Z", -1, 500_000_000),
            ("2019-12-16T23:48:18.123456789Z", 1_576_540_098, 123_456_789),
        ] {
            let t = DateTime::parse_date_time(text).unwrap();
            assert_eq!((t.secs(), t.subsec_nanos()), (secs, nanos), "{text}");
            assert_eq!(t.to_date_time(), text);
        }
    }

    #[test]
    fn date_time_offsets_and_errors() {
        let t = DateTime::parse_date_time("2019-12-17T00:48:18+01:00").unwrap();
        assert_eq!(t.to_date_time(), "2019-12-16T23:48:18Z");
        let t = DateTime::parse_date_time("2019-12-16T22:48:18-01:00").unwrap();
        assert_eq!(t.to_date_time(), "2019-12-16T23:48:18Z");
        for bad in [
            "",
            "2019-02-29T00:00:00Z",
            "2019-12-16 23:48:18Z",
            "2019-12-16T23:48:18",
            "2019-12-16T23:48:18.Z",
            "２019-12-16T23:48:18Z",
        ] {
            assert!(DateTime::parse_date_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn http_dates() {
        let t = DateTime::parse_http_date("Tue, 29 Apr 2014 18:30:38 GMT").unwrap();
        assert_eq!(t.secs(), 1_398_796_238);
        assert_eq!(t.to_http_date(), "Tue, 29 Apr 2014 18:30:38 GMT");
        let t = DateTime::from_secs_and_nanos(1_398_796_238, 123_000_000);
        assert_eq!(t.to_http_date(), "Tue, 29 Apr 2014 18:30:38.123 GMT");
        assert_eq!(DateTime::parse_http_date(&t.to_http_date()).unwrap(), t);
        assert!(DateTime::parse_http_date("Tue, 29 Apr 2014 18:30:38 UTC").is_err());
    }

    #[test]
    fn fractional_seconds_keep_microseconds() {
        let t = DateTime::from_fractional_secs(1_515_531_081.123_456).unwrap();
        assert_eq!((t.secs(), t.subsec_nanos()), (1_515_531_081, 123_456_000));
        let t = DateTime::from_fractional_secs(-0.25).unwrap();
        assert_eq!((t.secs(), t.subsec_nanos()), (-1, 750_000_000));
        assert!(DateTime::from_fractional_secs(f64::NAN).is_none());
    }

    #[test]
    fn system_time_round_trips() {
        let t = DateTime::from_secs_and_nanos(-2, 250);
        assert_eq!(DateTime::from(SystemTime::from(t)), t);
        let t = DateTime::from_secs_and_nanos(1_700_000_000, 5);
        assert_eq!(DateTime::from(SystemTime::from(t)), t);
    }
}
