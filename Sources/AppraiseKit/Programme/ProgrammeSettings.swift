/// Whether an appraisal's options are rivals, of which one is chosen (today's behaviour and
/// the default), or proposals, of which a set is funded.
public enum DecisionKind: String, Sendable, CaseIterable {
    case chooseOne = "choose-one"
    case chooseSet = "choose-set"
}

/// The constraints of a programme appraisal as the file states them (`"programme"`).
public struct ProgrammeSettings: Sendable, Equatable {
    public struct Budget: Sendable, Equatable {
        /// A cost measure id.
        public var measure: String
        public var limit: Rational
        /// Nil: the limit is on the total over every year.
        public var year: AmountYear?

        public init(measure: String, limit: Rational, year: AmountYear? = nil) {
            self.measure = measure
            self.limit = limit
            self.year = year
        }
    }

    public struct Target: Sendable, Hashable {
        public var measure: String
        public var atLeast: Rational

        public init(measure: String, atLeast: Rational) {
            self.measure = measure
            self.atLeast = atLeast
        }
    }

    public var budgets: [Budget]
    public var targets: [Target]
    public var dependencies: [ProgrammeDependency]
    /// Each a set of option ids of which at most one may be chosen.
    public var exclusions: [[String]]
    public var committed: [String]
    public var ruledOut: [String]

    public init(budgets: [Budget] = [], targets: [Target] = [], dependencies: [ProgrammeDependency] = [],
                exclusions: [[String]] = [], committed: [String] = [], ruledOut: [String] = []) {
        self.budgets = budgets
        self.targets = targets
        self.dependencies = dependencies
        self.exclusions = exclusions
        self.committed = committed
        self.ruledOut = ruledOut
    }
}

extension Appraisal {
    /// Whether the options are proposals for a programme rather than rivals.
    public var isProgramme: Bool { decision == .chooseSet }
}

extension ProgrammeSettings {
    /// Forgets a removed option: its commitment or ruling-out, the dependencies that name it,
    /// and its place in any exclusion (a group left with one option is no longer a choice).
    mutating func removeOption(_ id: String) {
        committed.removeAll { $0 == id }
        ruledOut.removeAll { $0 == id }
        dependencies.removeAll { $0.option == id || $0.needs == id }
        exclusions = exclusions.map { $0.filter { $0 != id } }.filter { Set($0).count > 1 }
    }
}

/// Reading `decision` and `programme`.
extension AppraisalDecoder {
    func decodeDecision(_ file: JSONObjectReader) -> DecisionKind? {
        guard let text = file.string("decision", required: false) else { return nil }
        guard let kind = DecisionKind(rawValue: text) else {
            let allowed = DecisionKind.allCases.map(\.rawValue).joined(separator: " or ")
            sink.report(code: "unknown-choice", message: "\"\(text)\" is not a kind of decision; use \(allowed)", location: file.child("decision"))
            return nil
        }
        return kind
    }

    func decodeProgramme(_ node: JSONNode, path: String) -> ProgrammeSettings? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        var settings = ProgrammeSettings()
        for (element, elementPath) in reader.array("budgets", required: false) ?? [] {
            guard let budget = JSONObjectReader(element, path: elementPath, sink: sink) else { continue }
            let measure = budget.string("measure")
            let limit = budget.node("limit", required: true).flatMap { amount($0, path: budget.child("limit")) }
            let year = budget.node("year", required: false).map { decodeYear($0, path: budget.child("year")) }
            budget.rejectUnknownKeys()
            if let measure, let limit, year.map({ $0 != nil }) ?? true {
                settings.budgets.append(.init(measure: measure, limit: limit, year: year ?? nil))
            }
        }
        for (element, elementPath) in reader.array("targets", required: false) ?? [] {
            guard let target = JSONObjectReader(element, path: elementPath, sink: sink) else { continue }
            let measure = target.string("measure")
            let least = target.node("atLeast", required: true).flatMap { amount($0, path: target.child("atLeast")) }
            target.rejectUnknownKeys()
            if let measure, let least { settings.targets.append(.init(measure: measure, atLeast: least)) }
        }
        for (element, elementPath) in reader.array("dependencies", required: false) ?? [] {
            guard let dependency = JSONObjectReader(element, path: elementPath, sink: sink) else { continue }
            let option = dependency.string("option"), needs = dependency.string("needs")
            dependency.rejectUnknownKeys()
            if let option, let needs { settings.dependencies.append(ProgrammeDependency(option: option, needs: needs)) }
        }
        for (element, elementPath) in reader.array("exclusions", required: false) ?? [] {
            guard let exclusion = JSONObjectReader(element, path: elementPath, sink: sink) else { continue }
            let ids = exclusion.strings("atMostOne", required: true)
            exclusion.rejectUnknownKeys()
            if let ids { settings.exclusions.append(ids) }
        }
        settings.committed = reader.strings("committed") ?? []
        settings.ruledOut = reader.strings("ruledOut") ?? []
        reader.rejectUnknownKeys()
        return settings
    }

    /// A year as amounts write it: an offset (0, 1, …) or a label ("2018/19").
    private func decodeYear(_ node: JSONNode, path: String) -> AmountYear? {
        if case .string(let label) = node.kind {
            guard FinancialYear.start(of: label) != nil else {
                sink.report(code: "invalid-year", message: "\"\(label)\" is not a year; write a financial year such as \"2018/19\" or a year offset such as 1",
                            location: path)
                return nil
            }
            return .label(label)
        }
        return JSONObjectReader.integer(node, path: path, sink: sink).map(AmountYear.offset)
    }
}

/// Writing `decision` and `programme`, after the money keys; a file without them is unchanged.
extension AppraisalEncoding {
    static func addProgramme(_ appraisal: Appraisal, to members: inout Members) {
        members.optional("decision", appraisal.decision?.rawValue)
        guard let programme = appraisal.programme else { return }
        var settings = Members()
        settings.optional("budgets", programme.budgets.map { budget in
            var item = Members()
            item.add("measure", budget.measure)
            item.add("limit", budget.limit)
            switch budget.year {
            case .offset(let year)?: item.add("year", .leaf(.number(year)))
            case .label(let label)?: item.add("year", label)
            case nil: break
            }
            return item.node
        })
        settings.optional("targets", programme.targets.map { .object([("measure", .leaf(.string($0.measure))), ("atLeast", .leaf(.number($0.atLeast)))]) })
        settings.optional("dependencies", programme.dependencies.map { .object([("option", .leaf(.string($0.option))), ("needs", .leaf(.string($0.needs)))]) })
        settings.optional("exclusions", programme.exclusions.map { .object([("atMostOne", .array($0.map { .leaf(.string($0)) }))]) })
        settings.optional("committed", programme.committed)
        settings.optional("ruledOut", programme.ruledOut)
        members.add("programme", settings.node)
    }
}
