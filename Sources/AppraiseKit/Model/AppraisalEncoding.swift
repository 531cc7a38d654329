/// Writes an appraisal as the text of its file: keys in the order the format describes them
/// (not sorted), one per line, two-space indent, so a file the tool writes reads like one an
/// officer wrote and a change shows up in a git diff as the lines it touched.
///
/// Optional keys are left out when empty or nil, so editing a file never adds keys its author
/// did not use. Decoding the text gives back the same appraisal.
public enum AppraisalEncoding {
    public static func text(_ appraisal: Appraisal) -> String {
        var out = ""
        document(appraisal).write(to: &out, level: 0)
        return out + "\n"
    }

    /// The top-level members of the text, as reading it back gives them (numbers in their
    /// normal form), without writing and parsing it.
    public static func members(_ appraisal: Appraisal) -> [String: JSONValue] {
        guard case .object(let members) = document(appraisal).value else { return [:] }
        return members
    }

    /// A JSON value whose object keys keep the order they were added in.
    indirect enum Node {
        case leaf(JSONValue)
        case array([Node])
        case object([(String, Node)])

        var value: JSONValue {
            switch self {
            case .leaf(let value): value
            case .array(let nodes): .array(nodes.map(\.value))
            case .object(let members): .object(Dictionary(members.map { ($0.0, $0.1.value) }, uniquingKeysWith: { $1 }))
            }
        }

        func write(to out: inout String, level: Int) {
            switch self {
            case .leaf(.string(let text)):
                Node.quote(text, to: &out)
            case .leaf(let value):
                out += value.canonicalText
            case .array(let nodes):
                guard !nodes.isEmpty else { out += "[]"; return }
                out += "["
                for (offset, node) in nodes.enumerated() {
                    out += offset == 0 ? "\n" : ",\n"
                    Node.indent(&out, level + 1)
                    node.write(to: &out, level: level + 1)
                }
                out += "\n"
                Node.indent(&out, level)
                out += "]"
            case .object(let members):
                guard !members.isEmpty else { out += "{}"; return }
                out += "{"
                for (offset, member) in members.enumerated() {
                    out += offset == 0 ? "\n" : ",\n"
                    Node.indent(&out, level + 1)
                    Node.quote(member.0, to: &out)
                    out += ": "
                    member.1.write(to: &out, level: level + 1)
                }
                out += "\n"
                Node.indent(&out, level)
                out += "}"
            }
        }

        /// A JSON string as people write it: `<`, `>` and `&` stay as typed (the HTML-safe
        /// escapes of `JSONValue` would turn "T&Cs" into "T\u0026Cs" in the file).
        private static func quote(_ text: String, to out: inout String) {
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"", "\\", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                    out += JSONValue.string(String(scalar)).canonicalText.dropFirst().dropLast()
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }

        private static func indent(_ out: inout String, _ level: Int) {
            for _ in 0..<level { out += "  " }
        }
    }

    /// Collects an object's members, skipping optional ones that are empty.
    struct Members {
        var list: [(String, Node)] = []

        mutating func add(_ key: String, _ node: Node) { list.append((key, node)) }
        mutating func add(_ key: String, _ text: String) { add(key, .leaf(.string(text))) }
        mutating func add(_ key: String, _ number: Rational) { add(key, .leaf(.number(number))) }

        mutating func optional(_ key: String, _ text: String?) {
            if let text, !text.isEmpty { add(key, text) }
        }

        mutating func optional(_ key: String, _ number: Rational?) {
            if let number { add(key, number) }
        }

        mutating func optional(_ key: String, _ texts: [String]) {
            if !texts.isEmpty { add(key, strings(texts)) }
        }

        mutating func optional(_ key: String, _ nodes: [Node]) {
            if !nodes.isEmpty { add(key, .array(nodes)) }
        }

        var node: Node { .object(list) }
    }

    private static func strings(_ texts: [String]) -> Node { .array(texts.map { .leaf(.string($0)) }) }

    private static func document(_ appraisal: Appraisal) -> Node {
        var members = Members()
        members.add("format", .leaf(.number(appraisal.format)))
        members.add("id", appraisal.id)
        members.add("title", appraisal.title)
        members.add("body", appraisal.body)
        members.add("date", appraisal.date)
        members.optional("source", appraisal.source)
        members.add("scale", scale(appraisal.scale))
        if let panel = appraisal.panel {
            members.add("panel", .object([("consensus", .leaf(.string(panel.consensus.rawValue))),
                                          ("rounding", .leaf(.string(panel.rounding.rawValue)))]))
        }
        members.optional("nodes", appraisal.nodes.map(node))
        members.add("criteria", .array(appraisal.criteria.map(criterion)))
        members.optional("groups", appraisal.groups.map(group))
        members.add("options", .array(appraisal.options.map(option)))
        members.add("scores", .array(appraisal.scores.map(score)))
        members.optional("weightSets", appraisal.weightSets.map(weightSet))
        if let importance = appraisal.importance { members.add("importance", strings(importance)) }
        members.optional("declared", appraisal.declared.map(declaration))
        members.optional("kpiDatasets", appraisal.kpiDatasets)
        if let screening = appraisal.screening { members.add("screening", self.screening(screening)) }
        addMoney(appraisal, to: &members)
        addProgramme(appraisal, to: &members)
        addPaper(appraisal, to: &members)
        return members.node
    }

    private static func scale(_ scale: ScoreScale) -> Node {
        var members = Members()
        members.add("min", scale.minimum)
        members.add("max", scale.maximum)
        members.add("step", scale.step)
        members.optional("anchors", scale.anchors.map { anchor in
            .object([("value", .leaf(.number(anchor.value))), ("meaning", .leaf(.string(anchor.meaning)))])
        })
        if scale.relative { members.add("relative", .leaf(.bool(true))) }
        return members.node
    }

    private static func criterion(_ criterion: Criterion) -> Node {
        var members = Members()
        members.add("id", criterion.id)
        members.add("name", criterion.name)
        members.optional("shortName", criterion.shortName)
        members.optional("offers", criterion.offers)
        members.optional("weight", criterion.weight)
        members.optional("evidence", criterion.evidence.map(evidence))
        members.optional("parent", criterion.parent)
        members.optional("weightRationale", criterion.weightRationale)
        if let swing = criterion.swing { members.add("swing", self.swing(swing)) }
        if let measured = criterion.measured { members.add("measured", self.measured(measured)) }
        return members.node
    }

    private static func node(_ node: ValueNode) -> Node {
        var members = Members()
        members.add("id", node.id)
        members.add("name", node.name)
        members.optional("parent", node.parent)
        members.optional("weight", node.weight)
        members.optional("weightRationale", node.weightRationale)
        if let swing = node.swing { members.add("swing", self.swing(swing)) }
        return members.node
    }

    private static func swing(_ swing: Swing) -> Node {
        .object([("worst", .leaf(.string(swing.worst))), ("best", .leaf(.string(swing.best))), ("points", .leaf(.number(swing.points)))])
    }

    private static func measured(_ measured: MeasuredScoring) -> Node {
        var members = Members()
        members.optional("measure", measured.measure)
        members.optional("unit", measured.unit)
        switch measured.function {
        case let .linear(worst, best):
            members.add("linear", .object([("worst", .leaf(.number(worst))), ("best", .leaf(.number(best)))]))
        case let .piecewise(points):
            members.add("piecewise", .array(points.map { .object([("level", .leaf(.number($0.level))), ("score", .leaf(.number($0.score)))]) }))
        case let .categories(table):
            members.add("categories", .array(table.map { .object([("category", .leaf(.string($0.category))), ("score", .leaf(.number($0.score)))]) }))
        case let .reciprocal(method, levels):
            members.add("reciprocal", .object([("normalise", .leaf(.string(method.rawValue))), ("levels", .array(levels.map { .leaf(.number($0)) }))]))
        }
        return members.node
    }

    private static func measurement(_ measurement: CellMeasurement) -> Node {
        switch measurement {
        case .level(let level): return .object([("level", .leaf(.number(level)))])
        case .category(let category): return .object([("category", .leaf(.string(category)))])
        case let .indicator(dataset, indicator, period):
            var members = Members()
            members.add("dataset", dataset)
            members.add("indicator", indicator)
            members.optional("period", period)
            return members.node
        }
    }

    private static func group(_ group: OptionGroup) -> Node {
        var members = Members()
        members.add("id", group.id)
        members.add("name", group.name)
        members.optional("description", group.description)
        return members.node
    }

    private static func option(_ option: Option) -> Node {
        var members = Members()
        members.add("id", option.id)
        members.add("name", option.name)
        members.optional("shortName", option.shortName)
        members.optional("group", option.group)
        members.optional("description", option.description)
        members.optional("detail", option.detail)
        members.optional("strengths", option.strengths)
        members.optional("weaknesses", option.weaknesses)
        members.optional("stage", option.stage?.rawValue)
        members.optional("stageReason", option.stageReason)
        if !option.framework.isEmpty {
            members.add("framework", .object(FrameworkDimension.allCases.compactMap { dimension in
                option.framework[dimension].map { (dimension.rawValue, .leaf(.string($0))) }
            }))
        }
        return members.node
    }

    private static func score(_ score: Score) -> Node {
        var members = Members()
        members.add("option", score.option)
        members.add("criterion", score.criterion)
        members.optional("scorer", score.scorer)
        members.add("value", score.value)
        members.optional("rationale", score.rationale.map { bullet in
            .object([("kind", .leaf(.string(bullet.kind.rawValue))), ("text", .leaf(.string(bullet.text)))])
        })
        members.optional("source", score.source)
        members.optional("evidence", score.evidence.map(evidence))
        if let measurement = score.measurement { members.add("measurement", self.measurement(measurement)) }
        members.optional("override", score.override)
        return members.node
    }

    private static func screening(_ screening: Screening) -> Node {
        var members = Members()
        members.optional("source", screening.source)
        members.optional("criteria", screening.criteria.map { criterion in
            var members = Members()
            members.add("id", criterion.id)
            members.add("name", criterion.name)
            members.optional("description", criterion.description)
            return members.node
        })
        members.optional("results", screening.results.map { result in
            var members = Members()
            members.add("option", result.option)
            members.add("criterion", result.criterion)
            members.add("result", result.outcome.rawValue)
            members.optional("reason", result.reason)
            members.optional("evidence", result.evidence)
            return members.node
        })
        return members.node
    }

    private static func evidence(_ link: EvidenceLink) -> Node {
        var members = Members()
        members.add("dataset", link.dataset)
        members.add("indicator", link.indicator)
        members.optional("note", link.note)
        return members.node
    }

    private static func weightSet(_ set: WeightSet) -> Node {
        var members = Members()
        members.add("id", set.id)
        members.add("name", set.name)
        members.optional("description", set.description)
        members.add("weights", .object(set.weights.map { ($0.criterion, .leaf(.number($0.weight))) }))
        return members.node
    }

    private static func declaration(_ declaration: Declaration) -> Node {
        var members = Members()
        members.add("source", declaration.source)
        if !declaration.totals.isEmpty {
            members.add("totals", .object(declaration.totals.map { ($0.option, .leaf(.number($0.total))) }))
        }
        if !declaration.ranks.isEmpty {
            members.add("ranks", .object(declaration.ranks.map { ($0.option, .leaf(.number($0.rank))) }))
        }
        members.optional("basis", declaration.basis?.rawValue)
        members.optional("weighting", declaration.weighting)
        if let decimals = declaration.decimals { members.add("decimals", .leaf(.number(decimals))) }
        return members.node
    }
}
