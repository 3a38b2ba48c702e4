//! Timestamp text (RFC 3339 `date-time`, IMF-fixdate `http-date`) written for the tests
//! only, in milliseconds since the Unix epoch.
//!
//! The runtime's `DateTime` formats and parses the same texts; tests read its output
//! with this code, so that a formatter and a parser wrong in the same way cannot cancel
//! out. The calendar is Howard Hinnant's `days_from_civil`, a different algorithm from
//! the runtime's.

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01, as `(year, month, day)`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    days_from_civil(year + i64::from(month == 12), month % 12 + 1, 1)
        - days_from_civil(year, month, 1)
}

fn split_ms(ms: i64) -> (i64, i64, i64) {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    (days, in_day / 1000, in_day % 1000)
}

/// `YYYY-MM-DDTHH:MM:SS[.mmm]Z`.
pub fn format_date_time(ms: i64) -> String {
    let (days, secs, millis) = split_ms(ms);
    let (y, mo, d) = civil_from_days(days);
    let fraction = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}{fraction}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `Day, DD Mon YYYY HH:MM:SS[.mmm] GMT`.
pub fn format_http_date(ms: i64) -> String {
    let (days, secs, millis) = split_ms(ms);
    let (y, mo, d) = civil_from_days(days);
    let weekday = WEEKDAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)];
    let month = MONTHS[usize::try_from(mo - 1).unwrap_or(0)];
    let fraction = if millis == 0 {
        String::new()
    } else {
        format!(".{millis:03}")
    };
    format!(
        "{weekday}, {d:02} {month} {y:04} {:02}:{:02}:{:02}{fraction} GMT",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn number(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Milliseconds of a `.digits` fraction (digits past the third are dropped).
fn fraction_ms(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('.')?;
    number(digits)?;
    let first3 = format!("{:0<3}", &digits[..digits.len().min(3)]);
    number(&first3)
}

fn time_of_day(text: &str) -> Option<(i64, i64)> {
    let (hms, fraction) = match text.find('.') {
        Some(i) => (&text[..i], fraction_ms(&text[i..])?),
        None => (text, 0),
    };
    let mut parts = hms.split(':');
    let (h, m, s) = (
        number(parts.next()?)?,
        number(parts.next()?)?,
        number(parts.next()?)?,
    );
    if parts.next().is_some() || hms.len() != 8 || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some((h * 3600 + m * 60 + s, fraction))
}

fn date(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// An RFC 3339 `date-time` (`Z` or a numeric offset, any fraction) as milliseconds.
pub fn parse_date_time(text: &str) -> Option<i64> {
    let (day_text, rest) = text.split_once(['T', 't'])?;
    let mut ymd = day_text.split('-');
    let (y, mo, d) = (
        number(ymd.next()?)?,
        number(ymd.next()?)?,
        number(ymd.next()?)?,
    );
    if ymd.next().is_some() || day_text.len() != 10 {
        return None;
    }
    let (clock, offset_secs) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (clock, offset) = rest.split_at(at);
        let (oh, om) = offset[1..].split_once(':')?;
        if oh.len() != 2 || om.len() != 2 {
            return None;
        }
        // RFC 3339's time-numoffset: time-hour (00-23) ":" time-minute (00-59).
        let (oh, om) = (number(oh)?, number(om)?);
        if oh > 23 || om > 59 {
            return None;
        }
        let secs = oh * 3600 + om * 60;
        (clock, if offset.starts_with('-') { -secs } else { secs })
    };
    let (secs, ms) = time_of_day(clock)?;
    Some((date(y, mo, d)? * 86_400 + secs - offset_secs) * 1000 + ms)
}

/// An IMF-fixdate `http-date` (optionally with a fraction of a second) as milliseconds.
///
/// The weekday is redundant with the date and, as in the runtime, only its length is
/// checked.
pub fn parse_http_date(text: &str) -> Option<i64> {
    let (weekday, rest) = text.split_once(", ")?;
    let mut parts = rest.split(' ');
    let (d, month, y, clock, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if parts.next().is_some() || zone != "GMT" || weekday.len() != 3 || d.len() != 2 || y.len() != 4
    {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)?;
    let days = date(number(y)?, i64::try_from(month).ok()? + 1, number(d)?)?;
    let (secs, ms) = time_of_day(clock)?;
    Some((days * 86_400 + secs) * 1000 + ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from the Smithy vectors (`946845296` is `2000-01-02T20:34:56Z`,
    /// `Sun, 02 Jan 2000 20:34:56 GMT`) and RFC 3339's own examples.
    #[test]
    fn known_answers() {
        assert_eq!(format_date_time(946_845_296_000), "2000-01-02T20:34:56Z");
        assert_eq!(
            format_date_time(946_845_296_123),
            "2000-01-02T20:34:56.123Z"
        );
        assert_eq!(
            format_http_date(946_845_296_000),
            "Sun, 02 Jan 2000 20:34:56 GMT"
        );
        assert_eq!(format_date_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_date_time(-1000), "1969-12-31T23:59:59Z");
        assert_eq!(
            parse_date_time("1985-04-12T23:20:50.52Z"),
            Some(482_196_050_520)
        );
        assert_eq!(
            parse_date_time("1996-12-19T16:39:57-08:00"),
            Some(851_042_397_000)
        );
        assert_eq!(
            parse_date_time("2000-01-02T20:34:56.123456789Z"),
            Some(946_845_296_123)
        );
        assert_eq!(
            parse_http_date("Sun, 02 Jan 2000 20:34:56 GMT"),
            Some(946_845_296_000)
        );
        assert_eq!(parse_http_date("Sun, 02 Foo 2000 20:34:56 GMT"), None);
        assert_eq!(parse_date_time("2023-02-29T00:00:00Z"), None);
        assert_eq!(
            parse_date_time("2024-02-29T00:00:00Z"),
            Some(1_709_164_800_000)
        );
        for ms in [0, 951_782_400_000, 4_102_444_800_000, -62_135_596_800_000] {
            assert_eq!(parse_date_time(&format_date_time(ms)), Some(ms));
            assert_eq!(parse_http_date(&format_http_date(ms)), Some(ms));
        }
    }
}
