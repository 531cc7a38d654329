/// Year labels as councils print them: a financial year "2017/18" (April to March) or a
/// calendar year "2017". Amounts may be filed under either, counted from the costing's first
/// year.
public enum FinancialYear {
    /// The year a label starts in, or nil when it is not `YYYY/YY` with consecutive years
    /// (or a plain `YYYY`).
    public static func start(of label: String) -> Int? {
        let parts = label.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), first.allSatisfy(\.isASCII) else { return nil }
        if parts.count == 1 { return year }
        guard parts.count == 2, parts[1].count == 2, let next = Int(parts[1]), next == (year + 1) % 100 else { return nil }
        return year
    }

    /// The label `offset` years after `first`, in the same style ("2017/18" + 2 → "2019/20").
    public static func label(_ first: String, plus offset: Int) -> String? {
        guard let year = start(of: first) else { return nil }
        let start = year + offset
        guard first.contains("/") else { return String(start) }
        let next = (start + 1) % 100
        return "\(start)/\(next < 10 ? "0" : "")\(next)"
    }
}

extension Costing {
    /// The year offset an amount falls in: 0 when it has none; nil when a label cannot be
    /// placed (no first year, or a label that is not a year).
    public func offset(of year: AmountYear?) -> Int? {
        switch year {
        case nil: return 0
        case .offset(let offset): return offset
        case .label(let label):
            guard let firstYear, let first = FinancialYear.start(of: firstYear), let start = FinancialYear.start(of: label) else { return nil }
            return start - first
        }
    }
}
