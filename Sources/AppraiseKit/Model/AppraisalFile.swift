import Foundation

/// An appraisal file as read from disk: the appraisal (when it could be decoded), every
/// problem found, and the fingerprint that identifies exactly this content.
public struct AppraisalFile: Sendable {
    /// The file name used in messages.
    public let name: String
    /// Nil when the file is not JSON or a required part could not be read.
    public let appraisal: Appraisal?
    /// Every problem found while reading and validating, in file order.
    public let diagnostics: [Diagnostic]
    /// `sha256:` + the SHA-256 of the file's canonical form (sorted keys, no insignificant
    /// white space, normalised numbers), so reformatting a file does not change it but any
    /// change of content does. Nil when the file is not JSON.
    public let fingerprint: String?
    /// Where each decoded path sits in the file.
    public let positions: [String: SourcePosition]
    /// The KPI datasets the appraisal names in `kpiDatasets`, read from beside the file.
    public let datasets: [KPIDataset]

    /// Whether the appraisal can be used: it decoded and no diagnostic is an error.
    public var isValid: Bool { appraisal != nil && diagnostics.errors.isEmpty }

    /// Reads, decodes and validates appraisal JSON. Never throws: every problem becomes a
    /// diagnostic so the user sees them all at once. KPI datasets named by the file are read
    /// from `datasetFolder` and every evidence citation is checked against them; without a
    /// folder (JSON that came from no file), citations are not checked.
    public init(data: Data, name: String, datasetFolder: URL? = nil) {
        self.name = name
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            appraisal = nil
            fingerprint = nil
            positions = [:]
            datasets = []
            diagnostics = [Diagnostic(code: "malformed-json", message: "not valid JSON: \(error.message)", location: "", position: error.position)]
            return
        }
        fingerprint = "sha256:" + SHA256.hexDigest(JSONValue(root).canonicalText)
        let sink = DiagnosticSink()
        let decoder = AppraisalDecoder(sink: sink)
        let decoded = decoder.decode(root)
        if let decoded {
            AppraisalValidator(appraisal: decoded, sink: sink, cellsWithUnreadableScores: decoder.cellsWithUnreadableScores).validate()
        }
        var loaded: [KPIDataset] = []
        var evidenceDiagnostics: [Diagnostic] = []
        if let decoded, let datasetFolder {
            let result = AppraisalEvidence.loadDatasets(of: decoded, folder: datasetFolder, positions: sink.positions)
            loaded = result.datasets
            evidenceDiagnostics = result.diagnostics
            if result.diagnostics.errors.isEmpty {
                evidenceDiagnostics += EvidenceLinkCheck.unresolved(AppraisalEvidence.cited(in: decoded, positions: sink.positions), datasets: loaded)
                evidenceDiagnostics += MeasuredCells.indicatorDiagnostics(decoded, datasets: loaded, positions: sink.positions)
            }
        }
        appraisal = decoded
        datasets = loaded
        diagnostics = (sink.diagnostics + evidenceDiagnostics).sortedByPosition()
        positions = sink.positions
    }

    /// Reads a file from disk; an unreadable file becomes a diagnostic, not a crash.
    public init(contentsOf url: URL, name: String? = nil) {
        let displayName = name ?? url.path
        let data: Data
        switch InputFile.read(url.path) {
        case .success(let read): data = read
        case .failure(let unreadable):
            self.init(unreadable: displayName, message: unreadable.reason)
            return
        }
        self.init(data: data, name: displayName, datasetFolder: url.deletingLastPathComponent())
    }

    private init(unreadable name: String, message: String) {
        self.name = name
        appraisal = nil
        fingerprint = nil
        positions = [:]
        datasets = []
        diagnostics = [Diagnostic(code: "unreadable-file", message: message, location: "")]
    }
}

/// Turns parsed JSON into an `Appraisal`, reporting every structural problem.
final class AppraisalDecoder {
    let sink: DiagnosticSink
    /// Cells whose score was written but could not be read (already reported), so the
    /// validator does not report them a second time as missing.
    private(set) var cellsWithUnreadableScores: Set<String> = []

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    func decode(_ root: JSONNode) -> Appraisal? {
        guard let file = JSONObjectReader(root, path: "", sink: sink) else { return nil }
        let format = file.integer("format")
        let id = file.string("id")
        let title = file.string("title")
        let body = file.string("body")
        let date = file.string("date")
        let source = file.string("source", required: false)
        let scale = file.node("scale", required: true).flatMap { decodeScale($0, path: "scale") }
        let panel = file.node("panel", required: false).flatMap { decodePanel($0, path: "panel") }
        let criteria = file.array("criteria")?.compactMap(decodeCriterion) ?? []
        let nodes = file.array("nodes", required: false)?.compactMap(decodeNode) ?? []
        let groups = file.array("groups", required: false)?.compactMap(decodeGroup) ?? []
        let options = file.array("options")?.compactMap(decodeOption) ?? []
        let scores = file.array("scores")?.compactMap(decodeScore) ?? []
        let weightSets = file.array("weightSets", required: false)?.compactMap(decodeWeightSet) ?? []
        let importance = file.strings("importance")
        let declared = file.array("declared", required: false)?.compactMap(decodeDeclaration) ?? []
        let kpiDatasets = file.strings("kpiDatasets") ?? []
        let screening = file.node("screening", required: false).flatMap { decodeScreening($0, path: "screening") }
        let costing = file.node("costing", required: false).flatMap { decodeCosting($0, path: "costing") }
        let measures = file.array("measures", required: false)?.compactMap(decodeMeasure) ?? []
        let amounts = file.array("amounts", required: false)?.compactMap(decodeAmount) ?? []
        let decision = decodeDecision(file)
        let programme = file.node("programme", required: false).flatMap { decodeProgramme($0, path: "programme") }
        let paper = file.node("paper", required: false).flatMap { decodePaper($0, path: "paper") }
        file.rejectUnknownKeys()
        guard let format, let id, let title, let body, let date, let scale else { return nil }
        return Appraisal(format: format, id: id, title: title, body: body, date: date, source: source, scale: scale,
                         panel: panel, criteria: criteria, groups: groups, options: options, scores: scores, weightSets: weightSets,
                         importance: importance, declared: declared, kpiDatasets: kpiDatasets, screening: screening,
                         costing: costing, measures: measures, amounts: amounts, nodes: nodes, decision: decision, programme: programme,
                         paper: paper)
    }

    func decodeScale(_ node: JSONNode, path: String) -> ScoreScale? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let minimum = reader.rational("min")
        let maximum = reader.rational("max")
        let step = reader.rational("step")
        let anchors = reader.array("anchors", required: false)?.compactMap { node, path -> ScaleAnchor? in
            guard let anchor = JSONObjectReader(node, path: path, sink: sink) else { return nil }
            let value = anchor.rational("value")
            let meaning = anchor.string("meaning")
            anchor.rejectUnknownKeys()
            guard let value, let meaning else { return nil }
            return ScaleAnchor(value: value, meaning: meaning)
        } ?? []
        let relative = reader.bool("relative") ?? false
        reader.rejectUnknownKeys()
        guard let minimum, let maximum, let step else { return nil }
        return ScoreScale(minimum: minimum, maximum: maximum, step: step, anchors: anchors, relative: relative)
    }

    func decodePanel(_ node: JSONNode, path: String) -> PanelSetting? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let consensus = choice(reader, "consensus", PanelSetting.Method.self, default: PanelSetting.standard.consensus)
        let rounding = choice(reader, "rounding", PanelSetting.Rounding.self, default: PanelSetting.standard.rounding)
        reader.rejectUnknownKeys()
        guard let consensus, let rounding else { return nil }
        return PanelSetting(consensus: consensus, rounding: rounding)
    }

    /// An optional key whose text must be one of an enumeration's raw values; nil after
    /// reporting text that is not.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ reader: JSONObjectReader, _ key: String, _ type: Choice.Type, default value: Choice
    ) -> Choice? where Choice.RawValue == String {
        guard let text = reader.string(key, required: false) else { return value }
        guard let parsed = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            sink.report(code: "unknown-choice", message: "\"\(text)\" is not allowed for \"\(key)\"; use one of \(allowed)", location: reader.child(key))
            return nil
        }
        return parsed
    }

    func decodeCriterion(_ node: JSONNode, _ path: String) -> Criterion? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let shortName = reader.string("shortName", required: false)
        let offers = reader.strings("offers") ?? []
        let weight = reader.rational("weight", required: false)
        let evidence = decodeEvidence(reader)
        let parent = reader.string("parent", required: false)
        let weightRationale = reader.string("weightRationale", required: false)
        let swing = reader.node("swing", required: false).flatMap { decodeSwing($0, path: reader.child("swing")) }
        let measured = reader.node("measured", required: false).flatMap { decodeMeasured($0, path: reader.child("measured")) }
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return Criterion(id: id, name: name, shortName: shortName, offers: offers, weight: weight, evidence: evidence,
                         parent: parent, weightRationale: weightRationale, swing: swing, measured: measured)
    }

    func decodeGroup(_ node: JSONNode, _ path: String) -> OptionGroup? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let description = reader.string("description", required: false) ?? ""
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return OptionGroup(id: id, name: name, description: description)
    }

    func decodeOption(_ node: JSONNode, _ path: String) -> Option? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let shortName = reader.string("shortName", required: false)
        let group = reader.string("group", required: false)
        let description = reader.string("description", required: false) ?? ""
        let detail = reader.strings("detail") ?? []
        let strengths = reader.strings("strengths") ?? []
        let weaknesses = reader.strings("weaknesses") ?? []
        let stage = reader.has("stage") ? choice(reader, "stage", OptionStage.self, default: .shortListed) : nil
        let stageReason = reader.string("stageReason", required: false)
        let framework = reader.node("framework", required: false).flatMap { decodeFramework($0, path: reader.child("framework")) }
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return Option(id: id, name: name, shortName: shortName, group: group, description: description, detail: detail,
                      strengths: strengths, weaknesses: weaknesses, stage: stage, stageReason: stageReason,
                      framework: framework ?? FrameworkTags())
    }

    func decodeScore(_ node: JSONNode, _ path: String) -> Score? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let option = reader.string("option")
        let criterion = reader.string("criterion")
        let scorer = reader.string("scorer", required: false)
        let value = reader.rational("value")
        let rationale = reader.array("rationale", required: false)?.compactMap { node, path -> RationaleBullet? in
            guard let bullet = JSONObjectReader(node, path: path, sink: sink) else { return nil }
            let kindText = bullet.string("kind")
            let text = bullet.string("text")
            bullet.rejectUnknownKeys()
            guard let kindText, let text else { return nil }
            guard let kind = RationaleBullet.Kind(rawValue: kindText) else {
                let allowed = RationaleBullet.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                sink.report(code: "unknown-kind", message: "\"\(kindText)\" is not a kind of rationale bullet; use one of \(allowed)",
                            location: bullet.child("kind"))
                return nil
            }
            return RationaleBullet(kind: kind, text: text)
        } ?? []
        let source = reader.string("source", required: false)
        let evidence = decodeEvidence(reader)
        let measurement = reader.node("measurement", required: false).flatMap { decodeMeasurement($0, path: reader.child("measurement")) }
        let override = reader.string("override", required: false)
        reader.rejectUnknownKeys()
        guard let option, let criterion else { return nil }
        guard let value else {
            cellsWithUnreadableScores.insert(option + "\u{0}" + criterion)
            return nil
        }
        return Score(option: option, criterion: criterion, scorer: scorer, value: value, rationale: rationale, source: source, evidence: evidence,
                     measurement: measurement, override: override)
    }

    func decodeEvidence(_ reader: JSONObjectReader) -> [EvidenceLink] {
        reader.array("evidence", required: false)?.compactMap { node, path -> EvidenceLink? in
            guard let link = JSONObjectReader(node, path: path, sink: sink) else { return nil }
            let dataset = link.string("dataset")
            let indicator = link.string("indicator")
            let note = link.string("note", required: false, allowEmpty: true) ?? ""
            link.rejectUnknownKeys()
            guard let dataset, let indicator else { return nil }
            return EvidenceLink(dataset: dataset, indicator: indicator, note: note)
        } ?? []
    }

    func decodeWeightSet(_ node: JSONNode, _ path: String) -> WeightSet? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let description = reader.string("description", required: false)
        let weights = reader.map("weights")?.compactMap { key, node, path -> (criterion: String, weight: Rational)? in
            JSONObjectReader.rational(node, path: path, sink: sink).map { (key, $0) }
        }
        reader.rejectUnknownKeys()
        guard let id, let name, let weights else { return nil }
        return WeightSet(id: id, name: name, description: description, weights: weights)
    }

    func decodeDeclaration(_ node: JSONNode, _ path: String) -> Declaration? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let source = reader.string("source")
        let totals = reader.map("totals", required: false)?.compactMap { key, node, path -> (option: String, total: Rational)? in
            JSONObjectReader.rational(node, path: path, sink: sink).map { (key, $0) }
        } ?? []
        let ranks = reader.map("ranks", required: false)?.compactMap { key, node, path -> (option: String, rank: Int)? in
            JSONObjectReader.integer(node, path: path, sink: sink).map { (key, $0) }
        } ?? []
        if !reader.has("totals") && !reader.has("ranks") {
            sink.report(code: "missing-field", message: "a declaration needs \"totals\", \"ranks\" or both", location: path)
        }
        let basis = reader.has("basis") ? choice(reader, "basis", Declaration.Basis.self, default: .points) : nil
        let weighting = reader.string("weighting", required: false)
        var decimals = reader.integer("decimals", required: false)
        if let places = decimals, places < 0 || places > Declaration.maximumDecimals {
            sink.report(code: "out-of-range", message: "\(places) decimal places is not a printed precision; use 0 to \(Declaration.maximumDecimals)",
                        location: reader.child("decimals"))
            decimals = nil
        }
        reader.rejectUnknownKeys()
        guard let source else { return nil }
        return Declaration(source: source, totals: totals, ranks: ranks, basis: basis, weighting: weighting, decimals: decimals)
    }
}
