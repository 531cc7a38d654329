import Foundation

/// A reporting period as scorecards label their columns: a month (`Dec-15`), a financial-year
/// quarter (`Q1 2017/18`), a financial-year outturn (`2014/15`), the year to date of a
/// financial year (`YTD 2015/16`), an academic year (`AY 2016/17`), a school term
/// (`Autumn 2016/17`) or half term (`Autumn 1 2016/17`), or a rolling year (`Rolling year to
/// Jun-17`). `Period.parse` lists every printed form read.
///
/// Councils report on financial years running April to March, so Q1 is April–June
/// ("Quarter 1 April - June 2016", seed 000:101) and a month belongs to the year that holds
/// its April. Periods of the same kind step back one at a time for "previous period" and one
/// year for "same period last year"; periods of different kinds are never compared. Academic
/// years run September to August: Autumn term ends in December, Spring in March, Summer in
/// July; half terms end in October, December, February, March, May and July.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: Int, Sendable, Hashable {
        case month
        case quarter
        case financialYear
        case yearToDate
        case academicYear
        case term
        case halfTerm
        case rollingYear
        case academicYearToDate
    }

    public let kind: Kind
    /// Months since January of year 0 for a month; quarters since Q1 of financial year 0 for a
    /// quarter; the starting calendar year for a financial year or year to date.
    let index: Int

    private init(kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
    }

    /// `month` is 1–12; `year` is the calendar year (2015).
    public static func month(_ month: Int, _ year: Int) -> Period { Period(kind: .month, index: year * 12 + month - 1) }
    /// `quarter` is 1–4 of the financial year starting in April of `startYear`.
    public static func quarter(_ quarter: Int, startYear: Int) -> Period { Period(kind: .quarter, index: startYear * 4 + quarter - 1) }
    /// The outturn of the financial year April `startYear` to March `startYear + 1`.
    public static func financialYear(startYear: Int) -> Period { Period(kind: .financialYear, index: startYear) }
    /// The year to date of the financial year starting in April of `startYear`.
    public static func yearToDate(startYear: Int) -> Period { Period(kind: .yearToDate, index: startYear) }

    /// The academic year September `startYear` to August `startYear + 1`.
    public static func academicYear(startYear: Int) -> Period { Period(kind: .academicYear, index: startYear) }
    /// Term 1–3 (Autumn, Spring, Summer) of the academic year starting in September `startYear`.
    public static func term(_ term: Int, academicYear startYear: Int) -> Period { Period(kind: .term, index: startYear * 3 + term - 1) }
    /// Half term 1–6 (Autumn 1 … Summer 2) of the academic year starting in September `startYear`.
    public static func halfTerm(_ half: Int, academicYear startYear: Int) -> Period { Period(kind: .halfTerm, index: startYear * 6 + half - 1) }
    /// The year to date of the academic year starting in September `startYear`.
    public static func academicYearToDate(startYear: Int) -> Period { Period(kind: .academicYearToDate, index: startYear) }
    /// The twelve months ending with `month` of `year`.
    public static func rollingYear(to month: Int, _ year: Int) -> Period { Period(kind: .rollingYear, index: year * 12 + month - 1) }

    /// The same kind of period one step earlier: the month, quarter or year before.
    public var previous: Period { Period(kind: kind, index: index - 1) }

    /// The same period a year earlier.
    public var sameTimeLastYear: Period {
        switch kind {
        case .month, .rollingYear: Period(kind: kind, index: index - 12)
        case .quarter: Period(kind: kind, index: index - 4)
        case .financialYear, .yearToDate, .academicYear, .academicYearToDate: Period(kind: kind, index: index - 1)
        case .term: Period(kind: kind, index: index - 3)
        case .halfTerm: Period(kind: kind, index: index - 6)
        }
    }

    /// Calendar year in which the financial year holding this period starts.
    public var financialYearStart: Int {
        switch kind {
        case .month:
            let year = index / 12
            return index % 12 >= 3 ? year : year - 1
        case .quarter: return index / 4
        case .financialYear, .yearToDate: return index
        case .academicYear, .academicYearToDate, .term, .halfTerm, .rollingYear:
            return endMonth % 12 >= 3 ? endMonth / 12 : endMonth / 12 - 1
        }
    }

    /// The year-to-date column a period contributes to, for indicators whose bands apply to
    /// the cumulative value ("Red YTD", seed 002:95): the academic year's for a term, half
    /// term or academic year, the financial year's otherwise.
    public var yearToDateColumn: Period {
        switch kind {
        case .yearToDate, .academicYearToDate: self
        case .term, .halfTerm, .academicYear: .academicYearToDate(startYear: academicYearStart)
        default: .yearToDate(startYear: financialYearStart)
        }
    }

    /// The normalised label: `Dec-15`, `Q1 2017/18`, `2014/15`, `YTD 2015/16`.
    public var label: String {
        switch kind {
        case .month:
            let year = index / 12
            return "\(Period.monthNames[index % 12])-\(twoDigits(year))"
        case .quarter:
            return "Q\(index % 4 + 1) \(financialYearText(index / 4))"
        case .financialYear:
            return financialYearText(index)
        case .yearToDate:
            return "YTD \(financialYearText(index))"
        case .academicYear:
            return "AY \(financialYearText(index))"
        case .academicYearToDate:
            return "AY YTD \(financialYearText(index))"
        case .term:
            return "\(Period.seasons[floorMod(index, 3)]) \(financialYearText(floorDiv(index, 3)))"
        case .halfTerm:
            let half = floorMod(index, 6)
            return "\(Period.seasons[half / 2]) \(half % 2 + 1) \(financialYearText(floorDiv(index, 6)))"
        case .rollingYear:
            return "Rolling year to \(Period.month(index % 12 + 1, index / 12).label)"
        }
    }

    public var description: String { label }

    /// Month index of the period's last month, for ordering mixed columns chronologically.
    var endMonth: Int {
        switch kind {
        case .month: index
        case .quarter: (index / 4) * 12 + 3 + (index % 4) * 3 + 2
        case .financialYear, .yearToDate: (index + 1) * 12 + 2
        case .academicYear, .academicYearToDate: (index + 1) * 12 + 7
        case .term: floorDiv(index, 3) * 12 + [11, 14, 18][floorMod(index, 3)]
        case .halfTerm: floorDiv(index, 6) * 12 + [9, 11, 13, 14, 16, 18][floorMod(index, 6)]
        case .rollingYear: index
        }
    }

    /// Chronological by last month; at the same last month, months before quarters before
    /// outturns before year-to-date columns.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.endMonth, lhs.kind.rawValue) < (rhs.endMonth, rhs.kind.rawValue)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

private func twoDigits(_ year: Int) -> String {
    let value = ((year % 100) + 100) % 100
    return value < 10 ? "0\(value)" : "\(value)"
}

func financialYearText(_ startYear: Int) -> String { "\(startYear)/\(twoDigits(startYear + 1))" }

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }
