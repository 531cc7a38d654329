extension Period {
    static let seasons = ["Autumn", "Spring", "Summer"]

    /// Reads a column label the way scorecards print it; nil for anything else.
    ///
    /// | kind | printed forms |
    /// |---|---|
    /// | month | `Oct-15`, `Nov 15`, `December 2016` |
    /// | quarter | `Q1 2017/18`, `Quarter 1 2017/18`, `2017/18 Q1`, `Quarter 1 April - June 2016` |
    /// | outturn (financial year) | `2014/15`, `2014/2015`, `2022/23 Outturn`, `Out turn 2016/17` |
    /// | year to date | `YTD 2015/16`, `Year To Date 2017/18`, `2022/23 YTD` |
    /// | academic year | `AY 2016/17`, `Academic Year 2016/17`, `2016/17 academic year` |
    /// | academic year to date | `AY YTD 2022/23`, `Academic YTD 2022/23`; `2022/23 YTD` in a table of terms (`inTable`) |
    /// | term | `Autumn 2022` (of 2022/23), `Spring 2023` (of 2022/23), `Autumn Term 2016/17`, `Term 1 2016/17` |
    /// | half term | `Autumn 1 2022`, `Spring 2 2016/17`, `Half term 3 2016/17`, `HT3 2016/17` |
    /// | rolling year | `Rolling year to Jun-17`, `Rolling 12 months to Jun-17`, `12 months to Jun-17` |
    ///
    /// A term or half term printed without a year (`Term 1`, `Autumn 1`) is read in
    /// `academicYear` (the dataset's `academic year` setting), and is nil without one.
    public static func parse(_ text: String, academicYear: Int? = nil) -> Period? {
        let words = text.lowercased()
            .replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        guard let last = words.last, let first = words.first else { return nil }
        if let startYear = parseFinancialYear(last) { return yearQualified(Array(words.dropLast()), startYear) }
        if let quarter = spelledQuarter(words) { return quarter }
        if words.count > 1, let startYear = parseFinancialYear(first) { return yearQualified(Array(words.dropFirst()), startYear) }
        for prefix in [["rolling", "year", "to"], ["rolling", "12", "months", "to"], ["12", "months", "to"], ["rolling", "12", "months"], ["r12"]]
        where words.starts(with: prefix) {
            guard let month = parse(words.dropFirst(prefix.count).joined(separator: " ")), month.kind == .month else { return nil }
            return .rollingYear(to: month.index % 12 + 1, month.index / 12)
        }
        if let (kind, number, _) = schoolTerm(words) {
            guard let academicYear else { return nil }
            return kind == .term ? .term(number, academicYear: academicYear) : .halfTerm(number, academicYear: academicYear)
        }
        guard let year = parseYear(last) else { return nil }
        let head = Array(words.dropLast())
        if let (kind, number, season) = schoolTerm(head) {
            // A calendar year names the academic year the term falls in: Autumn 2022 is
            // 2022/23, Spring and Summer 2023 are 2022/23 too.
            let autumn = season.map { $0 == 0 } ?? (kind == .term ? number == 1 : number <= 2)
            let start = autumn ? year : year - 1
            return kind == .term ? .term(number, academicYear: start) : .halfTerm(number, academicYear: start)
        }
        guard head.count == 1 else { return nil }
        let name = head[0]
        guard name.count >= 3, let month = monthNames.firstIndex(where: { name.hasPrefix($0.lowercased()) }) else { return nil }
        let fullNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]
        guard fullNames[month].hasPrefix(name) else { return nil }
        return .month(month + 1, year)
    }

    /// The columns of a table as their labels mean there: in a table of terms or half terms
    /// with no month or quarter, a year to date (`2022/23 YTD`) is the academic year's.
    static func inTable(_ periods: [Period]) -> [Period] {
        periods.map { inTable($0, periods) }
    }

    /// One column of a table, read as `inTable(_:)` says.
    static func inTable(_ period: Period, _ periods: [Period]) -> Period {
        guard period.kind == .yearToDate, isTermTable(periods) else { return period }
        return .academicYearToDate(startYear: period.index)
    }

    private static func isTermTable(_ periods: [Period]) -> Bool {
        periods.contains { $0.kind == .term || $0.kind == .halfTerm } && !periods.contains { $0.kind == .month || $0.kind == .quarter }
    }

    /// The academic year (September to August) holding the period's last month.
    public var academicYearStart: Int { endMonth % 12 >= 8 ? endMonth / 12 : endMonth / 12 - 1 }

    /// The academic year bare term labels belong to when no `academic year` setting is given:
    /// the one holding `as at`, else the one holding the latest month, quarter, year-to-date or
    /// rolling-year column. Outturn and academic-year columns are left out: sheets print them
    /// for earlier years beside the current terms.
    static func impliedAcademicYear(asAt: String?, labels: [String]) -> Int? {
        if let asAt, let period = parse(asAt) { return period.academicYearStart }
        let current: Set<Kind> = [.month, .quarter, .yearToDate, .rollingYear]
        return labels.compactMap { parse($0) }.filter { current.contains($0.kind) }.max()?.academicYearStart
    }

    /// `Quarter 1 April - June 2016` (seed 000:101): the quarter number checked against the
    /// months it names, the year taken from its last month.
    private static func spelledQuarter(_ words: [String]) -> Period? {
        guard words.count >= 4, words[0] == "quarter", let number = Int(words[1]), (1...4).contains(number),
              let end = parse(words.suffix(2).joined(separator: " ")), end.kind == .month else { return nil }
        let quarter = Period.quarter(number, startYear: end.financialYearStart)
        return quarter.endMonth == end.endMonth ? quarter : nil
    }

    /// The words beside a financial-year label (`2016/17`): outturn, YTD, a quarter, an
    /// academic year, a term or a half term.
    private static func yearQualified(_ head: [String], _ startYear: Int) -> Period? {
        switch head {
        case [], ["outturn"], ["out", "turn"]: return .financialYear(startYear: startYear)
        case ["ytd"], ["year", "to", "date"]: return .yearToDate(startYear: startYear)
        case ["ay"], ["academic", "year"], ["academic"]: return .academicYear(startYear: startYear)
        case ["ay", "ytd"], ["academic", "ytd"], ["academic", "year", "to", "date"], ["ytd", "ay"], ["ytd", "academic"]:
            return .academicYearToDate(startYear: startYear)
        default: break
        }
        if let (kind, number, _) = schoolTerm(head) {
            return kind == .term ? .term(number, academicYear: startYear) : .halfTerm(number, academicYear: startYear)
        }
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

    /// `autumn`, `autumn term`, `term 1`, `t1` → a term; `autumn 1`, `half term 3`, `ht3` → a
    /// half term; with the season's index when named.
    private static func schoolTerm(_ words: [String]) -> (Kind, Int, Int?)? {
        var words = words
        if words.last == "term", words.count == 2, seasons.contains(where: { $0.lowercased() == words[0] }) { words.removeLast() }
        if let season = seasons.firstIndex(where: { $0.lowercased() == words.first }) {
            switch words.count {
            case 1: return (.term, season + 1, season)
            case 2:
                guard let half = Int(words[1]), (1...2).contains(half) else { return nil }
                return (.halfTerm, season * 2 + half, season)
            default: return nil
            }
        }
        let joined = words.joined()
        for (prefix, kind, limit) in [("halfterm", Kind.halfTerm, 6), ("ht", .halfTerm, 6), ("term", .term, 3), ("t", .term, 3)]
        where joined.hasPrefix(prefix) {
            guard let number = Int(joined.dropFirst(prefix.count)), (1...limit).contains(number) else { return nil }
            return (kind, number, nil)
        }
        return nil
    }

    /// `2014/15` or `2014/2015` → 2014, when the second year follows the first.
    static func parseFinancialYear(_ word: String) -> Int? {
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
