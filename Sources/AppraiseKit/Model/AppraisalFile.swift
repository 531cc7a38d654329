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

    /// Whether the appraisal can be used: it decoded and no diagnostic is an error.
    public var isValid: Bool { appraisal != nil && diagnostics.errors.isEmpty }

    /// Reads, decodes and validates appraisal JSON. Never throws: every problem becomes a
    /// diagnostic so the user sees them all at once.
    public init(data: Data, name: String) {
        self.name = name
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            appraisal = nil
            fingerprint = nil
            positions = [:]
            diagnostics = [Diagnostic(code: "malformed-json", message: "not valid JSON: \(error.message)", location: "", position: error.position)]
            return
        }
        fingerprint = "sha256:" + SHA256.hexDigest(JSONValue(root).canonicalText)
        let sink = DiagnosticSink()
        let decoded = AppraisalDecoder(sink: sink).decode(root)
        if let decoded {
            AppraisalValidator(appraisal: decoded, sink: sink).validate()
        }
        appraisal = decoded
        diagnostics = sink.diagnostics.sortedByPosition()
        positions = sink.positions
    }

    /// Reads a file from disk; an unreadable file becomes a diagnostic, not a crash.
    public init(contentsOf url: URL, name: String? = nil) {
        let displayName = name ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            self.init(unreadable: displayName,
                      message: exists ? "the file cannot be read; check its permissions" : "no such file; check the path")
            return
        }
        self.init(data: data, name: displayName)
    }

    private init(unreadable name: String, message: String) {
        self.name = name
        appraisal = nil
        fingerprint = nil
        positions = [:]
        diagnostics = [Diagnostic(code: "unreadable-file", message: message, location: "")]
    }
}

/// Turns parsed JSON into an `Appraisal`, reporting every structural problem.
struct AppraisalDecoder {
    let sink: DiagnosticSink

    func decode(_ root: JSONNode) -> Appraisal? {
        guard let file = JSONObjectReader(root, path: "", sink: sink) else { return nil }
        let format = file.integer("format")
        let id = file.string("id")
        let title = file.string("title")
        let body = file.string("body")
        let date = file.string("date")
        let source = file.string("source", required: false)
        let scale = file.node("scale", required: true).flatMap { decodeScale($0, path: "scale") }
        let criteria = file.array("criteria")?.compactMap(decodeCriterion) ?? []
        let groups = file.array("groups", required: false)?.compactMap(decodeGroup) ?? []
        let options = file.array("options")?.compactMap(decodeOption) ?? []
        let scores = file.array("scores")?.compactMap(decodeScore) ?? []
        let weightSets = file.array("weightSets", required: false)?.compactMap(decodeWeightSet) ?? []
        let importance = file.strings("importance")
        let declared = file.array("declared", required: false)?.compactMap(decodeDeclaration) ?? []
        let kpiDatasets = file.strings("kpiDatasets") ?? []
        file.rejectUnknownKeys()
        guard let format, let id, let title, let body, let date, let scale else { return nil }
        return Appraisal(format: format, id: id, title: title, body: body, date: date, source: source, scale: scale,
                         criteria: criteria, groups: groups, options: options, scores: scores, weightSets: weightSets,
                         importance: importance, declared: declared, kpiDatasets: kpiDatasets)
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
        reader.rejectUnknownKeys()
        guard let minimum, let maximum, let step else { return nil }
        return ScoreScale(minimum: minimum, maximum: maximum, step: step, anchors: anchors)
    }

    func decodeCriterion(_ node: JSONNode, _ path: String) -> Criterion? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let id = reader.string("id")
        let name = reader.string("name")
        let shortName = reader.string("shortName", required: false)
        let offers = reader.strings("offers") ?? []
        let weight = reader.rational("weight", required: false)
        let evidence = decodeEvidence(reader)
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return Criterion(id: id, name: name, shortName: shortName, offers: offers, weight: weight, evidence: evidence)
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
        reader.rejectUnknownKeys()
        guard let id, let name else { return nil }
        return Option(id: id, name: name, shortName: shortName, group: group, description: description, detail: detail,
                      strengths: strengths, weaknesses: weaknesses)
    }

    func decodeScore(_ node: JSONNode, _ path: String) -> Score? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let option = reader.string("option")
        let criterion = reader.string("criterion")
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
        reader.rejectUnknownKeys()
        guard let option, let criterion, let value else { return nil }
        return Score(option: option, criterion: criterion, value: value, rationale: rationale, source: source, evidence: evidence)
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
        reader.rejectUnknownKeys()
        guard let source else { return nil }
        return Declaration(source: source, totals: totals, ranks: ranks)
    }
}
