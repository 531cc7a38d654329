import AppraiseKit

/// A KPI scorecard as the tool computes it: the value, computed and printed RAG, direction of
/// travel, distance to target, benchmark positions and every finding, one row per indicator.
public enum KPIRenderer {
    /// Takes the assessments as a sequence and reads it once, so a lazy one is never held whole.
    public static func table(_ assessments: some Sequence<IndicatorAssessment>, dataset: KPIDataset, period: Period) -> Table {
        var rows: [[String]] = []
        var counts = Counts()
        for item in assessments {
            counts.add(item)
            rows.append(row(item, arrows: dataset.conventions.arrows))
        }
        return Table(id: "kpi-\(dataset.id)", title: title(dataset, period), columns: columns, rows: rows, notes: notes(counts, dataset: dataset))
    }

    /// The text table of `table`, written a line at a time from assessments made as they are
    /// needed (the indicators are read three times: widths, lines, counts), so a scorecard of
    /// any size is drawn holding only its dataset. Byte for byte what `table` then
    /// `TextTableRenderer.render` give.
    public static func streamText(dataset: KPIDataset, period: Period, write: (String) -> Void) {
        let arrows = dataset.conventions.arrows
        TextTableRenderer.stream(title: title(dataset, period), columns: columns,
                                 rows: { dataset.assessments(at: period).lazy.map { row($0, arrows: arrows) } },
                                 notes: notes(dataset.assessments(at: period).reduce(into: Counts()) { $0.add($1) }, dataset: dataset),
                                 write: write)
    }

    /// The CSV of `table` (with its byte-order mark), written a record at a time.
    public static func streamCSV(dataset: KPIDataset, period: Period, write: (String) -> Void) {
        let arrows = dataset.conventions.arrows
        write("\u{FEFF}")
        CSVTableRenderer.stream(columns: columns, rows: dataset.assessments(at: period).lazy.map { row($0, arrows: arrows) }, write: write)
    }

    /// The Markdown of `table`, written a line at a time.
    public static func streamMarkdown(dataset: KPIDataset, period: Period, write: (String) -> Void) {
        let arrows = dataset.conventions.arrows
        MarkdownTableRenderer.stream(title: title(dataset, period), columns: columns,
                                     rows: dataset.assessments(at: period).lazy.map { row($0, arrows: arrows) },
                                     notes: notes(dataset.assessments(at: period).reduce(into: Counts()) { $0.add($1) }, dataset: dataset),
                                     write: write)
    }

    /// The scorecard as a JSON document (`dataset`, `title`, `period`, `indicators` as
    /// `indicatorJSON`, `notes`), pretty text with sorted keys as every JSON output, written an
    /// indicator at a time so the whole tree is never built.
    public static func streamJSON(dataset: KPIDataset, period: Period, write: (String) -> Void) {
        write("{\n  \"dataset\": " + JSONValue.string(dataset.id).prettyText(level: 1) + ",\n  \"indicators\": [")
        var any = false
        for item in dataset.assessments(at: period) {
            write((any ? "," : "") + "\n    " + indicatorJSON(item).prettyText(level: 2))
            any = true
        }
        write(any ? "\n  ]" : "]")
        write(",\n  \"notes\": " + JSONValue.array(dataset.notes.map(JSONValue.string)).prettyText(level: 1))
        write(",\n  \"period\": " + JSONValue.string(period.label).prettyText(level: 1))
        write(",\n  \"title\": " + JSONValue.string(dataset.title).prettyText(level: 1) + "\n}\n")
    }

    private static let columns: [Table.Column] = [
        .init("Ref"), .init("Indicator"), .init("Good is"), .init("Value", .right), .init("RAG"), .init("Printed RAG"),
        .init("Direction of travel"), .init("Distance to target"), .init("Benchmarks"), .init("Findings"),
    ]

    private static func title(_ dataset: KPIDataset, _ period: Period) -> String { "\(dataset.title) (\(dataset.id)), \(period.label)" }

    private static func row(_ item: IndicatorAssessment, arrows: KPIConventions.ArrowMeaning?) -> [String] {
        [
            item.ref,
            item.title,
            item.polarity.rawValue,
            item.printed?.text ?? "",
            item.rag.label,
            item.declaredRAG?.text ?? "",
            direction(item, arrows: arrows),
            item.distanceToTarget?.text ?? "",
            item.benchmarks.compactMap(standing).joined(separator: "; "),
            item.findings.map(\.message).joined(separator: " "),
        ]
    }

    /// What the summary note counts.
    private struct Counts {
        var disagreements = 0, uncheckable = 0, unrated = 0

        mutating func add(_ item: IndicatorAssessment) {
            for finding in item.findings {
                if finding.isDisagreement { disagreements += 1 }
                if finding.isUncheckable { uncheckable += 1 }
            }
            if case .notComputable = item.rag { unrated += 1 }
        }
    }

    private static func notes(_ counts: Counts, dataset: KPIDataset) -> [String] {
        let (disagreements, uncheckable, unrated) = (counts.disagreements, counts.uncheckable, counts.unrated)
        let conventions = dataset.conventions
        return ["RAG and direction of travel are computed from the printed values and tolerance bands; \(disagreements) printed mark\(disagreements == 1 ? " disagrees" : "s disagree") with them; \(uncheckable) cannot be checked; \(unrated) row\(unrated == 1 ? " is" : "s are") not rated, each with its reason in Findings.",
                "Conventions: arrows \(conventions.arrows?.rawValue ?? "not declared (printed arrows cannot be judged)"); direction of travel \(conventions.comparison.phrase); RAG basis \(conventions.ragBasis.rawValue)."]
            + dataset.notes
    }

    /// "better than national average 22.3%", "inside the top quartile (16.5%)"; nil when the
    /// value and the benchmark cannot be compared.
    static func standing(_ position: BenchmarkPosition) -> String? {
        let against = "\(position.kind.rawValue) \(position.printed)"
        switch position.standing {
        case .better: return "better than \(against)"
        case .worse: return "worse than \(against)"
        case .level: return "level with \(against)"
        case .above: return "above \(against)"
        case .below: return "below \(against)"
        case .insideTopQuartile: return "inside the top quartile (\(position.printed))"
        case .outsideTopQuartile: return "outside the top quartile (\(position.printed))"
        case .notComparable: return nil
        }
    }

    /// "↑ improving from 90.9% (May-17)", with the printed arrow beside it. The arrow is drawn
    /// as the dataset declares its arrows: under numeric direction it shows which way the
    /// number went (`↓ improving` for a falling count where low is good), so it reads like the
    /// printed one.
    static func direction(_ item: IndicatorAssessment, arrows: KPIConventions.ArrowMeaning?) -> String {
        guard let direction = item.directionOfTravel else { return item.declaredDirection.map { "printed \($0.text)" } ?? "" }
        var arrow = direction.arrow
        if arrows == .numericDirection, let now = item.value, let then = item.previous?.value {
            arrow = DirectionOfTravel(from: then, to: now, polarity: .info).arrow
        }
        var text = "\(arrow) \(direction.rawValue)"
        if let previous = item.previous { text += " from \(previous.printed.text) (\(previous.period.label))" }
        if let declared = item.declaredDirection { text += "; printed \(declared.text)" }
        return text
    }

    public static func indicatorJSON(_ item: IndicatorAssessment) -> JSONValue {
        // A scorecard's figures are decimals as printed (and differences of them): to four places
        // each is exact, so its fraction is that decimal's.
        func number(_ value: Double?) -> JSONValue {
            guard let value, value.isFinite, let exact = Rational(decimal: fixedDecimal(value, places: 4)) else { return .null }
            return .number(exact, maximumPlaces: 4)
        }
        func observation(_ value: Observation?) -> JSONValue {
            guard let value else { return .null }
            return .object(["period": .string(value.period.label), "printed": .string(value.printed.text), "value": number(value.value)])
        }
        return .object([
            "ref": .string(item.ref),
            "title": .string(item.title),
            "theme": .optional(item.theme),
            "polarity": .string(item.polarity.rawValue),
            "unit": .string(item.unit),
            "period": .string(item.period.label),
            "printed": .optional(item.printed?.text),
            "value": number(item.value),
            "status": .optional(item.status?.rawValue),
            "ratedPeriod": .string(item.ratedPeriod.label),
            "rag": .string(item.rag.label),
            "declaredRag": .optional(item.declaredRAG?.text),
            "distanceToTarget": item.distanceToTarget.map { .object(["margin": number($0.margin), "text": .string($0.text)]) } ?? .null,
            "directionOfTravel": .optional(item.directionOfTravel?.rawValue),
            "declaredDirection": .optional(item.declaredDirection?.text),
            "previous": observation(item.previous),
            "yearOnYear": .optional(item.yearOnYear?.rawValue),
            "sameTimeLastYear": observation(item.sameTimeLastYear),
            "benchmarks": .array(item.benchmarks.map { position in
                .object(["kind": .string(position.kind.rawValue), "printed": .string(position.printed),
                         "value": number(position.benchmark), "standing": .string(position.standing.rawValue)])
            }),
            "findings": .array(item.findings.map { .object(["kind": .string($0.kind.rawValue), "message": .string($0.message)]) }),
        ])
    }
}
