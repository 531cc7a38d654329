import Foundation

/// A reporting period as scorecards label their columns: a month (`Dec-15`), a financial-year
/// quarter (`Q1 2017/18`), a financial-year outturn (`2014/15`) or the year to date of a
/// financial year (`YTD 2015/16`).
///
/// Councils report on financial years running April to March, so Q1 is April–June
/// ("Quarter 1 April - June 2016", seed 000:101) and a month belongs to the year that holds
/// its April. Periods of the same kind step back one at a time for "previous period" and one
/// year for "same period last year"; periods of different kinds are never compared.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Kind: Int, Sendable, Hashable {
        case month
        case quarter
        case financialYear
        case yearToDate
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

    /// The same kind of period one step earlier: the month, quarter or year before.
    public var previous: Period { Period(kind: kind, index: index - 1) }

    /// The same period a year earlier.
    public var sameTimeLastYear: Period {
        switch kind {
        case .month: Period(kind: kind, index: index - 12)
        case .quarter: Period(kind: kind, index: index - 4)
        case .financialYear, .yearToDate: Period(kind: kind, index: index - 1)
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
        }
    }

    /// The year-to-date column a month or quarter contributes to, for indicators whose bands
    /// apply to the cumulative value ("Red YTD", seed 002:95).
    public var yearToDateColumn: Period { kind == .yearToDate ? self : .yearToDate(startYear: financialYearStart) }

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
        }
    }

    public var description: String { label }

    /// Month index of the period's last month, for ordering mixed columns chronologically.
    private var endMonth: Int {
        switch kind {
        case .month: index
        case .quarter: (index / 4) * 12 + 3 + (index % 4) * 3 + 2
        case .financialYear, .yearToDate: (index + 1) * 12 + 2
        }
    }

    /// Chronological by last month; at the same last month, months before quarters before
    /// outturns before year-to-date columns.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.endMonth, lhs.kind.rawValue) < (rhs.endMonth, rhs.kind.rawValue)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Reads a column label the way scorecards print it: `Oct-15`, `Nov 15`, `December 2016`,
    /// `2014/15`, `2014/2015`, `YTD 2015/16`, `Year To Date 2017/18`, `Q1 2017/18`,
    /// `Quarter 1 2017/18`. Nil for anything else.
    public static func parse(_ text: String) -> Period? {
        let words = text.lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        guard let last = words.last else { return nil }
        let head = Array(words.dropLast())
        if let startYear = parseFinancialYear(last) {
            if head.isEmpty { return .financialYear(startYear: startYear) }
            if head == ["ytd"] || head == ["year", "to", "date"] { return .yearToDate(startYear: startYear) }
            let number: String
            if head.count == 2, head[0] == "quarter" {
                number = head[1]
            } else if head.count == 1, head[0].hasPrefix("q") {
                number = String(head[0].dropFirst())
            } else {
                return nil
            }
            guard let quarter = Int(number), (1...4).contains(quarter) else { return nil }
            return .quarter(quarter, startYear: startYear)
        }
        guard head.count == 1, let year = parseYear(last) else { return nil }
        let name = head[0]
        guard name.count >= 3, let month = monthNames.firstIndex(where: { name.hasPrefix($0.lowercased()) }) else { return nil }
        let fullNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]
        guard fullNames[month].hasPrefix(name) else { return nil }
        return .month(month + 1, year)
    }

    /// `2014/15` or `2014/2015` → 2014, when the second year follows the first.
    private static func parseFinancialYear(_ word: String) -> Int? {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let start = Int(parts[0]), parts[0].allSatisfy(\.isNumber),
              parts[1].allSatisfy(\.isNumber), let end = Int(parts[1]) else { return nil }
        switch parts[1].count {
        case 2 where end == (start + 1) % 100: return start
        case 4 where end == start + 1: return start
        default: return nil
        }
    }

    /// `15` → 2015, `2015` → 2015.
    private static func parseYear(_ word: String) -> Int? {
        guard word.allSatisfy(\.isNumber), let value = Int(word) else { return nil }
        switch word.count {
        case 2: return 2000 + value
        case 4: return value
        default: return nil
        }
    }
}

private func twoDigits(_ year: Int) -> String {
    let value = ((year % 100) + 100) % 100
    return value < 10 ? "0\(value)" : "\(value)"
}

private func financialYearText(_ startYear: Int) -> String { "\(startYear)/\(twoDigits(startYear + 1))" }
