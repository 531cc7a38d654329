/// Reads a scorecard's column headings by meaning, since sheets name their columns in their
/// own words: `DOT (Year on Year)` is the direction of travel, `Target (Green)` the green band,
/// `Nat. average` the national average, `Jun-19 (Q1)` the June 2019 column.
///
/// A heading is tried whole against the documented names and aliases, then with a trailing
/// bracket set aside as its qualifier (a band colour after a target word picks the band), then
/// as a period label, then by its words (direction, RAG, target, benchmark). A bracket that
/// states a convention (`(Year on Year)` after DOT, `(Year End)` after RAG) is kept so the
/// reader can use it when the dataset's settings do not say.
enum KPIHeading {
    /// What a heading was read as.
    enum Reading: Equatable {
        /// A field, with the bracketed qualifier when one was set aside, and whether the
        /// heading was matched by its words rather than by a documented name.
        case field(KPIField, qualifier: String?, byMeaning: Bool)
        case period(Period)
    }

    static func read(_ heading: String, academicYear: Int?) -> Reading? {
        if let field = KPIField.documented(heading) { return .field(field, qualifier: nil, byMeaning: false) }
        let (base, qualifier) = splitQualifier(heading)
        if let qualifier {
            let colour = normalise(qualifier)
            if targetWords.contains(plain(base)), let band = bandColours[colour] { return .field(band, qualifier: nil, byMeaning: false) }
            if let field = KPIField.documented(base) { return .field(field, qualifier: qualifier, byMeaning: false) }
        }
        if let period = Period.parse(heading, academicYear: academicYear) ?? Period.parse(base, academicYear: academicYear) {
            return .period(period)
        }
        if let field = byWords(base) { return .field(field, qualifier: qualifier, byMeaning: true) }
        return nil
    }

    /// `RAG (Year End)` → (`RAG`, `Year End`); a heading without a trailing bracket is whole.
    static func splitQualifier(_ heading: String) -> (base: String, qualifier: String?) {
        let text = heading.trimmingCharacters(in: .whitespaces)
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex else { return (text, nil) }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
        return (String(text[..<open]).trimmingCharacters(in: .whitespaces), inside.isEmpty ? nil : inside)
    }

    private static let targetWords: Set<String> = ["target", "targets", "tolerance", "tolerances", "threshold", "band", "target and tolerances"]
    private static let bandColours: [String: KPIField] = ["red": .red, "amber": .amber, "yellow": .amber, "green": .green]

    /// Lower case, words only: `Nat. average` → `nat average`.
    private static func plain(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "&") }.map(String.init)
    }

    /// The field a heading's words mean; nil when they mean none, or more than one.
    private static func byWords(_ heading: String) -> KPIField? {
        let words = Set(words(heading))
        func has(_ any: Set<String>) -> Bool { !words.isDisjoint(with: any) }
        let neighbour = has(["neighbour", "neighbours", "neighbor", "neighbors", "neigh", "sn", "statistical", "stat"])
        let meanings: [(KPIField, Bool)] = [
            (.bestSN, neighbour && has(["best", "top"])),
            (.topQuartile, has(["quartile", "qtile", "quartiles"])),
            (.snAverage, neighbour && !has(["best", "top"])),
            (.nationalAverage, has(["national", "nat", "england", "english"]) && !has(["quartile", "qtile", "quartiles"])),
            (.regional, has(["regional", "region", "yorkshire", "humber"])),
            (.dot, has(["dot", "direction", "trend", "travel"])),
            (.rag, has(["rag", "rating", "rated"])),
            (.green, has(["target", "green"]) && !has(["red", "amber", "yellow"])),
            (.amber, has(["amber", "yellow"])),
            (.red, has(["red"]) && !has(["amber", "yellow", "green"])),
            (.polarity, has(["polarity"]) || words.isSuperset(of: ["good", "is"])),
            (.unit, has(["unit", "units"])),
            (.frequency, has(["frequency", "cadence"])),
            (.ytdBasis, has(["ytd", "cumulative"]) && has(["basis"])),
        ]
        let matches = meanings.filter(\.1).map(\.0)
        return matches.count == 1 ? matches[0] : nil
    }
}
