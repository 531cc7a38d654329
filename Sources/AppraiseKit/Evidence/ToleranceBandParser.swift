import Foundation

/// Reads the Red / Amber / Green target cells that scorecards print, in every notation the
/// seeds use (kpi-conventions §7), into `ToleranceBands` under the boundary rule stated there:
///
/// | notation | example | seed |
/// |---|---|---|
/// | high, three bands | `<83% \| 83%> \| 86%`, `<92% \| 92%> \| 95%+` | 002:30, 001:5168 |
/// | low, three bands | `26%+ \| 26%< \| 23%`, `26%+ \| 26%< \| 23%<` | 002:32, 001:5173 |
/// | low, red written backwards | `<6% \| 6%> \| 4%`, `>12% \| 12%> \| 10%` | 002:65, 002:94 |
/// | amber only (red is below amber) | ` \| >65% <75% \| 75%` | 001:4203 |
/// | green only | `60`, `4.2%` | 001:5219, 001:4265 |
/// | distance from a reference | `more than +/-15 \| +/-15 \| +/-5 of 158.8`, `upto +/-2 of 73.5` | 002:44, 002:73 |
/// | range | `over 1% above range \| 1% above range \| 14-20` | 002:98 |
/// | text | `range to be set`, `tbc`, `633 Families` | 001:5170, 002:28, 001:4258 |
///
/// Text targets are kept verbatim and rated as not computable. A band set that overlaps,
/// leaves a gap, contradicts the polarity, has no direction (an Info row with thresholds) or
/// puts percentages on a count is refused with the bands as they were understood.
public enum ToleranceBandParser {
    /// Why a band set was refused: one sentence showing the bands as read and the fix.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The bands of one row. Never fails: a refused set keeps its printed cells with a
    /// `.refused` rule carrying the refusal, so a faulty source row still loads. `reading`
    /// is the dataset's `band reading` setting, used only when the literal and decorative
    /// readings both partition the line but disagree.
    public static func bands(red: String, amber: String, green: String, polarity: Polarity, unit: String = "", reading: BandReading? = nil) -> ToleranceBands {
        let cells = (trim(red), trim(amber), trim(green))
        let rule: ToleranceBands.Rule
        do {
            rule = try parse(red: cells.0, amber: cells.1, green: cells.2, polarity: polarity, unit: unit, reading: reading)
        } catch {
            rule = .refused(error.message)
        }
        return ToleranceBands(red: cells.0, amber: cells.1, green: cells.2, rule: rule)
    }

    /// The rule of one row, or the refusal. A text target is not refused: it reads as
    /// `.text` naming the text.
    ///
    /// Directional bands are read literally first (`LiteralBands`: each cell the set its
    /// glyphs say, the three sets partitioning the line in the polarity's order); the
    /// decorative-glyph rule below is used only when the literal reading does not partition.
    public static func parse(red: String, amber: String, green: String, polarity: Polarity, unit: String = "", reading: BandReading? = nil) throws(Refusal) -> ToleranceBands.Rule {
        let verbatim = [red, amber, green].map(trim)
        // A band cell may carry its own period, as value cells do (`<50 (2019/20)`): the
        // bracket is kept in the printed text and left out of the reading.
        let printed = verbatim.map(withoutQualifier)
        let cells = printed.map(Cell.read)
        if cells.allSatisfy(\.isEmpty) { return .none }
        let shown = ToleranceBands.printedText(red: verbatim[0], amber: verbatim[1], green: verbatim[2])
        let hasText = cells.contains(where: { if case .text = $0 { true } else { false } })
        switch cells[2] {
        case .within(let tolerance, let reference) where !hasText:
            return try distance(cells, green: tolerance, reference: reference, shown: shown)
        case .range(let lower, let upper) where cells[0].isRangeMargin && cells[1].isRangeMargin:
            return try range(cells, lower: lower, upper: upper, shown: shown)
        default:
            break
        }
        var literalFailure = ""
        if let higher = polarity.higherIsBetter {
            switch LiteralBands.read(red: printed[0], amber: printed[1], green: printed[2], higherIsBetter: higher) {
            case .success(let literal):
                if printed.contains(where: { $0.contains("%") }), !isPercentUnit(unit) {
                    throw Refusal(message: "bands \(shown) are percentages but the unit is \(unit); give a target in the indicator's unit or correct the unit")
                }
                guard case .threshold(let value, let percent, let glyph) = cells[2],
                      case .thresholds(let decorative)? = try? thresholds(cells, printed: printed, green: .init(value: value, inclusive: glyph.includesThreshold, percent: percent),
                                                                           polarity: polarity, unit: unit, shown: shown) else { return .thresholds(literal) }
                return try choose(literal: literal, decorative: decorative, reading: reading, shown: shown)
            case .failure(let failure):
                literalFailure = " (read literally, \(failure.reason))"
            }
        }
        if hasText {
            let text = printed.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: " / ")
            return .text("the target is text (\(text)); it cannot rate a value")
        }
        switch cells[2] {
        case .threshold(let value, let percent, let glyph):
            let green = ToleranceBands.Bound(value: value, inclusive: glyph.includesThreshold, percent: percent)
            do {
                return try thresholds(cells, printed: printed, green: green, polarity: polarity, unit: unit, shown: shown)
            } catch {
                throw Refusal(message: error.message + literalFailure)
            }
        case .range:
            throw Refusal(message: "bands \(shown) mix a range target with other notations; write red as \"over 1% above range\" and amber as \"1% above range\", or leave both blank")
        case .within:
            throw Refusal(message: "bands \(shown) mix a distance target with text; write red as \"more than +/-15\" and amber as \"+/-15\", or leave both blank")
        default:
            throw Refusal(message: "bands \(shown) have no green target this tool can read; write green as a threshold (95%+), a distance (+/-5 of 158.8) or a range (16-22)\(literalFailure)")
        }
    }

    /// The rule when both readings partition the line: theirs when they agree, else the
    /// dataset's `band reading`, else a refusal showing both.
    static func choose(literal: ToleranceBands.Thresholds, decorative: ToleranceBands.Thresholds, reading: BandReading?, shown: String) throws(Refusal) -> ToleranceBands.Rule {
        guard decorative != literal else { return .thresholds(literal) }
        switch reading {
        case .literal: return .thresholds(literal)
        case .decorative: return .thresholds(decorative)
        case nil:
            throw Refusal(message: "bands \(shown) partition the line two ways: read literally, \(literal.reading); by the decorative-glyph rule (kpi-conventions §7), \(decorative.reading); add the dataset setting `band reading` (literal or decorative)")
        }
    }

    // MARK: - Directional thresholds

    private static func thresholds(_ cells: [Cell], printed: [String], green: ToleranceBands.Bound, polarity: Polarity, unit: String, shown: String) throws(Refusal) -> ToleranceBands.Rule {
        guard let higher = polarity.higherIsBetter else {
            throw Refusal(message: "bands \(shown) are thresholds but polarity \(polarity.rawValue) says neither higher nor lower is better; set polarity High or Low, or leave the bands blank")
        }
        if cells.contains(where: \.isPercentage), !isPercentUnit(unit) {
            throw Refusal(message: "bands \(shown) are percentages but the unit is \(unit); give a target in the indicator's unit or correct the unit")
        }
        let direction = higher ? "high is good" : "low is good"
        // The red/amber threshold: from red's cell when printed, else from amber's worse end.
        let redCell = cells[0].isEmpty ? nil : cells[0]
        var amberNear: (value: Double, glyph: Glyph)?
        var amberFar: (value: Double, glyph: Glyph)?
        switch cells[1] {
        case .threshold(let value, _, let glyph):
            amberNear = (value, glyph)
        case .between(let low, let lowGlyph, let high, let highGlyph, _):
            amberNear = higher ? (low, lowGlyph) : (high, highGlyph)
            amberFar = higher ? (high, highGlyph) : (low, lowGlyph)
        case .blank, .notApplicable:
            break
        default:
            throw Refusal(message: "amber \"\(printed[1])\" in bands \(shown) is not a threshold; write it as 83%> (from 83) or >65% <75% (between)")
        }
        guard let near = amberNear else {
            if redCell != nil {
                throw Refusal(message: "bands \(shown) print red but no amber; add amber's threshold, or leave red blank for a green-only target")
            }
            return .thresholds(.init(higherIsBetter: higher, green: green, amber: nil))
        }
        // Who owns the red/amber threshold: red's glyph when red is printed, else amber's.
        let boundary: (value: Double, amberOwns: Bool)
        if let redCell {
            guard case .threshold(let redValue, _, let redGlyph) = redCell else {
                throw Refusal(message: "red \"\(printed[0])\" in bands \(shown) is not a threshold; write it as <83% or 26%+")
            }
            boundary = (redValue, !redGlyph.includesThreshold)
        } else {
            boundary = (near.value, near.glyph.includesThreshold)
        }
        let amber = ToleranceBands.Bound(value: boundary.value, inclusive: boundary.amberOwns, percent: green.percent)
        let understood = describe(higher: higher, redStated: redCell != nil, amber: amber, amberStart: near.value, green: green)
        if redCell != nil && near.value != boundary.value {
            let low = min(near.value, boundary.value), high = max(near.value, boundary.value)
            let gap = higher ? near.value > boundary.value : near.value < boundary.value
            let what = gap ? "leave a gap: values from \(number(low)) to \(number(high)) fall in no band"
                           : "overlap: values from \(number(low)) to \(number(high)) are both red and amber"
            throw Refusal(message: "bands \(shown) \(what) (read as \(understood); \(direction)); give amber the same threshold as red")
        }
        if let far = amberFar, far.value != green.value || far.glyph.includesThreshold == green.inclusive {
            throw Refusal(message: "bands \(shown) do not meet between amber and green: amber ends at \(number(far.value)) and green starts at \(number(green.value)) (read as \(understood); \(direction)); make amber end where green starts")
        }
        let amberIsBelowGreen = higher ? amber.value < green.value : amber.value > green.value
        guard amberIsBelowGreen else {
            let problem = amber.value == green.value ? "leave amber no values of its own" : "put amber on the better side of green"
            throw Refusal(message: "bands \(shown) overlap and \(problem) (read as \(understood); \(direction)); amber's threshold must be worse than green's \(number(green.value))")
        }
        return .thresholds(.init(higherIsBetter: higher, green: green, amber: amber))
    }

    /// "red < 90, amber ≥ 90 and < 95, green ≥ 95": each band as the comparison it was read as.
    private static func describe(higher: Bool, redStated: Bool, amber: ToleranceBands.Bound, amberStart: Double, green: ToleranceBands.Bound) -> String {
        func reaching(_ bound: ToleranceBands.Bound) -> String {
            (higher ? (bound.inclusive ? "≥ " : "> ") : (bound.inclusive ? "≤ " : "< ")) + number(bound.value)
        }
        func short(of bound: ToleranceBands.Bound) -> String {
            (higher ? (bound.inclusive ? "< " : "≤ ") : (bound.inclusive ? "> " : "≥ ")) + number(bound.value)
        }
        let amberBound = ToleranceBands.Bound(value: amberStart, inclusive: amber.inclusive, percent: amber.percent)
        let red = redStated ? "red \(short(of: amber))" : "red \(short(of: amberBound)) (not printed)"
        return "\(red), amber \(reaching(amberBound)) and \(short(of: green)), green \(reaching(green))"
    }

    // MARK: - Distance and range

    private static func distance(_ cells: [Cell], green: Double, reference: Double?, shown: String) throws(Refusal) -> ToleranceBands.Rule {
        guard let reference else {
            throw Refusal(message: "green in bands \(shown) is a distance without a reference value; write it as +/-5 of 158.8")
        }
        switch (cells[0], cells[1]) {
        case (.blank, .blank), (.notApplicable, .notApplicable):
            return .distance(reference: reference, green: green, amber: nil)
        case (.beyond(let red, let redReference), .within(let amber, let amberReference))
            where [redReference, amberReference].allSatisfy { $0 == nil || $0 == reference }:
            let understood = "read as red more than ±\(number(red)), amber within ±\(number(amber)), green within ±\(number(green)) of \(number(reference))"
            guard red == amber else {
                let what = red > amber ? "leave a gap between ±\(number(amber)) and ±\(number(red))" : "overlap between ±\(number(red)) and ±\(number(amber))"
                throw Refusal(message: "bands \(shown) \(what) (\(understood)); give red and amber the same distance")
            }
            guard green < amber else {
                throw Refusal(message: "bands \(shown) leave amber no values of its own (\(understood)); amber's distance must be larger than green's")
            }
            return .distance(reference: reference, green: green, amber: amber)
        default:
            throw Refusal(message: "bands \(shown) mix a distance target with other notations; write red as \"more than +/-15\" and amber as \"+/-15\", or leave both blank")
        }
    }

    private static func range(_ cells: [Cell], lower: Double, upper: Double, shown: String) throws(Refusal) -> ToleranceBands.Rule {
        guard lower <= upper else {
            throw Refusal(message: "the range in bands \(shown) runs from \(number(lower)) down to \(number(upper)); write the lower end first")
        }
        switch (cells[0], cells[1]) {
        case (.blank, .blank), (.notApplicable, .notApplicable):
            return .range(lower: lower, upper: upper, amberMarginPercent: nil)
        case (.overRange(let red), .aboveRange(let amber)):
            guard red == amber else {
                throw Refusal(message: "bands \(shown) give amber up to \(number(amber))% above the range but red only over \(number(red))% (read as red over \(number(upper)) + \(number(red))%, amber up to \(number(upper)) + \(number(amber))%, green up to \(number(upper))); give both the same margin")
            }
            return .range(lower: lower, upper: upper, amberMarginPercent: amber)
        default:
            throw Refusal(message: "bands \(shown) mix a range target with other notations; write red as \"over 1% above range\" and amber as \"1% above range\", or leave both blank")
        }
    }

    // MARK: - Cells

    /// The comparison glyph printed with a threshold.
    enum Glyph: Sendable, Hashable {
        case unsigned, plus, trailingGreater, trailingLess, leadingLess, leadingGreater

        /// Whether the threshold itself belongs to the band (the boundary rule).
        var includesThreshold: Bool {
            switch self {
            case .unsigned, .plus, .trailingGreater: true
            case .trailingLess, .leadingLess, .leadingGreater: false
            }
        }
    }

    /// One target cell, read.
    enum Cell {
        case blank
        case notApplicable
        case threshold(Double, percent: Bool, Glyph)
        /// `>65% <75%`: amber between two thresholds, lower first.
        case between(Double, Glyph, Double, Glyph, percent: Bool)
        /// `+/-5 of 158.8`, `upto +/-2 of 73.5`, `+/-15`.
        case within(Double, of: Double?)
        /// `more than +/-15`, `more than +/-15 of 158.8`.
        case beyond(Double, of: Double?)
        /// `14-20`.
        case range(Double, Double)
        /// `1% above range`.
        case aboveRange(Double)
        /// `over 1% above range`.
        case overRange(Double)
        case text(String)

        var isEmpty: Bool {
            switch self {
            case .blank, .notApplicable: true
            default: false
            }
        }

        /// Blank, or a range target's margin (`1% above range`, `over 1% above range`).
        var isRangeMargin: Bool {
            switch self {
            case .blank, .notApplicable, .aboveRange, .overRange: true
            default: false
            }
        }

        var isPercentage: Bool {
            switch self {
            case .threshold(_, let percent, _), .between(_, _, _, _, let percent): percent
            default: false
            }
        }

        static func read(_ printed: String) -> Cell {
            let text = printed.lowercased()
                .replacingOccurrences(of: "±", with: "+/-")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if text.isEmpty { return .blank }
            if text == "n/a" || text == "na" { return .notApplicable }
            if let cell = threshold(text) { return cell }
            if let cell = between(text) { return cell }
            if let cell = distance(text) { return cell }
            if let cell = rangeCell(text) { return cell }
            return .text(printed)
        }

        /// `<83%`, `83%>`, `26%+`, `23%<`, `>511`, `86%`.
        private static func threshold(_ text: String) -> Cell? {
            var body = Substring(text)
            var glyph = Glyph.unsigned
            if body.hasPrefix("<") {
                glyph = .leadingLess
                body = body.dropFirst()
            } else if body.hasPrefix(">") {
                glyph = .leadingGreater
                body = body.dropFirst()
            }
            if glyph == .unsigned, let last = body.last, "+<>".contains(last) {
                glyph = last == "+" ? .plus : last == ">" ? .trailingGreater : .trailingLess
                body = body.dropLast()
            }
            guard let (value, percent) = wholeNumber(body.trimmingCharacters(in: .whitespaces)) else { return nil }
            return .threshold(value, percent: percent, glyph)
        }

        /// `>65% <75%`.
        private static func between(_ text: String) -> Cell? {
            let parts = text.split(separator: " ")
            guard parts.count == 2, case .threshold(let a, let pa, let ga)? = threshold(String(parts[0])),
                  case .threshold(let b, let pb, let gb)? = threshold(String(parts[1])), a != b else { return nil }
            return a < b ? .between(a, ga, b, gb, percent: pa || pb) : .between(b, gb, a, ga, percent: pa || pb)
        }

        /// `more than +/-15`, `over +/-15`, `+/-15`, `upto +/-2 of 73.5`, `within +/-5 of 158.8`.
        private static func distance(_ text: String) -> Cell? {
            var body = Substring(text)
            var beyond = false
            for prefix in ["more than ", "over "] where body.hasPrefix(prefix) {
                beyond = true
                body = body.dropFirst(prefix.count)
            }
            for prefix in ["up to ", "upto ", "within "] where !beyond && body.hasPrefix(prefix) {
                body = body.dropFirst(prefix.count)
            }
            guard body.hasPrefix("+/-") else { return nil }
            body = body.dropFirst(3)
            let parts = body.components(separatedBy: " of ")
            guard let (tolerance, _) = wholeNumber(parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
            switch parts.count {
            case 1: return beyond ? .beyond(tolerance, of: nil) : .within(tolerance, of: nil)
            case 2:
                guard let (reference, _) = wholeNumber(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
                return beyond ? .beyond(tolerance, of: reference) : .within(tolerance, of: reference)
            default: return nil
            }
        }

        /// `14-20`, `1% above range`, `over 1% above range`.
        private static func rangeCell(_ text: String) -> Cell? {
            if text.hasSuffix(" above range") {
                var body = text.dropLast(" above range".count)
                let over = body.hasPrefix("over ")
                if over { body = body.dropFirst("over ".count) }
                guard let (margin, percent) = wholeNumber(String(body)), percent else { return nil }
                return over ? .overRange(margin) : .aboveRange(margin)
            }
            let ends = text.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let (lower, _) = wholeNumber(ends[0].trimmingCharacters(in: .whitespaces)),
                  let (upper, _) = wholeNumber(ends[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return .range(lower, upper)
        }

        /// A cell that is exactly one number, with an optional percent sign.
        private static func wholeNumber(_ text: String) -> (Double, Bool)? {
            var scanner = NumberScanner(text)
            guard !text.hasPrefix("-"), !text.hasPrefix("+"), let value = scanner.number(), scanner.rest.isEmpty else { return nil }
            return value
        }
    }

    /// Whether a printed cell reads as text (no band notation), not as a threshold, range or distance.
    static func isUnreadable(_ printed: String) -> Bool {
        let text = withoutQualifier(trim(printed))
        if case .text = Cell.read(text) { return LiteralBands.interval(text, greenWithPolarity: true) == nil }
        return false
    }

    /// The cell without a trailing bracketed qualifier (`<50 (2019/20)` → `<50`), when a
    /// number comes before the bracket; the cell unchanged otherwise.
    static func withoutQualifier(_ cell: String) -> String {
        guard cell.hasSuffix(")"), let open = cell.lastIndex(of: "(") else { return cell }
        let head = trim(String(cell[..<open]))
        return head.contains(where: \.isNumber) ? head : cell
    }

    private static func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    private static func number(_ value: Double) -> String { EvidenceNumberText.text(value) }

    /// Whether a unit note describes a percentage ("Percentage", "%", "Cumulative %").
    static func isPercentUnit(_ unit: String) -> Bool {
        let unit = unit.lowercased()
        return unit.isEmpty || unit.contains("%") || unit.contains("percent")
    }
}

