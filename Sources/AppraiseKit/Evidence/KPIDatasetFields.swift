import Foundation

/// The fields of an indicator row: CSV column names (with the scorecard headings accepted as
/// aliases, so a pasted header works) and JSON keys.
enum KPIField: String, CaseIterable {
    case ref, title, theme, polarity, unit, frequency, ytdBasis, dot, rag, red, amber, green
    case snAverage, bestSN, nationalAverage, topQuartile, regional, source, note
    /// `text` marks a row whose target cells are text, so a cell with digits the band reader
    /// cannot read is kept as text instead of being an error.
    case bands

    /// The documented CSV column name.
    var columnName: String {
        switch self {
        case .ytdBasis: "ytd basis"
        case .snAverage: "sn average"
        case .bestSN: "best sn"
        case .nationalAverage: "national average"
        case .topQuartile: "top quartile"
        default: rawValue
        }
    }

    /// Other headings accepted for the column, as scorecards print them.
    var aliases: [String] {
        switch self {
        case .ref: ["no.", "no", "reference"]
        case .title: ["indicator", "indicators", "measure"]
        case .theme: ["section"]
        case .polarity: ["good perf is", "good performance is"]
        case .unit: ["data note (monthly)"]
        case .ytdBasis: ["basis"]
        case .dot: ["direction of travel", "dot (month on month)", "direction"]
        case .rag: ["rag (in month)", "rag (in month unless stated)", "rating", "rag rating", "rag status"]
        case .green: ["target green", "target", "green target"]
        case .snAverage: ["stat neigh ave", "statistical neighbour average", "stat neighbour", "statistical neighbour", "statistical neighbours"]
        case .bestSN: ["best stat neigh", "best statistical neighbour"]
        case .nationalAverage: ["nat ave", "nat. ave", "england", "nat average", "nat. average", "national"]
        case .topQuartile: ["nat top qtile threshold", "national top quartile", "national top quartile threshold"]
        case .regional: ["regional average", "yorkshire & humber"]
        default: []
        }
    }

    /// The benchmark a column holds, if it is one.
    var benchmarkKind: BenchmarkKind? {
        switch self {
        case .snAverage: .statNeighbourAverage
        case .bestSN: .bestStatNeighbour
        case .nationalAverage: .nationalAverage
        case .topQuartile: .nationalTopQuartile
        case .regional: .regionalAverage
        default: nil
        }
    }

    static let benchmarkFields: [KPIField] = [.snAverage, .bestSN, .nationalAverage, .topQuartile, .regional]

    /// The field a heading names by its documented name or an alias, ignoring case, spacing
    /// and a leading `*`; `KPIHeading` reads other wordings by meaning.
    static func documented(_ heading: String) -> KPIField? {
        let key = normalise(heading)
        return allCases.first { $0.columnName == key || $0.aliases.contains(key) }
    }
}

/// Dataset-level settings: leading `key,value` rows in CSV, top-level keys in JSON.
enum KPIMetadataKey: String, CaseIterable {
    case dataset, title, service, asAt, edition, directionOfTravel, benchmarkVintage, source
    case arrows, comparison, ragBasis, bandReading, academicYear

    var rowName: String {
        switch self {
        case .asAt: "as at"
        case .directionOfTravel: "direction of travel"
        case .benchmarkVintage: "benchmark vintage"
        case .ragBasis: "rag basis"
        case .bandReading: "band reading"
        case .academicYear: "academic year"
        default: rawValue
        }
    }

    static func named(_ key: String) -> KPIMetadataKey? {
        var key = normalise(key)
        if key.hasSuffix(":") { key.removeLast() }
        return allCases.first { $0.rowName == key || (key == "id" && $0 == .dataset) }
    }
}

/// Lower case, single spaces, no leading `*` or surrounding white space.
func normalise(_ heading: String) -> String {
    var text = heading.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while text.hasPrefix("*") { text.removeFirst() }
    return text.trimmingCharacters(in: .whitespaces)
}
