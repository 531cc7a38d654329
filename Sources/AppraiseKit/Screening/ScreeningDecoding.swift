/// Reading the long list's keys: an option's framework tags and the top-level `screening`.
extension AppraisalDecoder {
    func decodeFramework(_ node: JSONNode, path: String) -> FrameworkTags? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        var tags = FrameworkTags()
        for dimension in FrameworkDimension.allCases {
            tags[dimension] = reader.string(dimension.rawValue, required: false)
        }
        reader.rejectUnknownKeys()
        return tags
    }

    func decodeScreening(_ node: JSONNode, path: String) -> Screening? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let source = reader.string("source", required: false)
        let criteria = reader.array("criteria", required: false)?.compactMap { node, path -> ScreeningCriterion? in
            guard let criterion = JSONObjectReader(node, path: path, sink: sink) else { return nil }
            let id = criterion.string("id")
            let name = criterion.string("name")
            let description = criterion.string("description", required: false) ?? ""
            criterion.rejectUnknownKeys()
            guard let id, let name else { return nil }
            return ScreeningCriterion(id: id, name: name, description: description)
        } ?? []
        let results = reader.array("results", required: false)?.compactMap { node, path -> ScreeningResult? in
            guard let result = JSONObjectReader(node, path: path, sink: sink) else { return nil }
            let option = result.string("option")
            let criterion = result.string("criterion")
            let outcome = result.has("result") ? choice(result, "result", ScreeningOutcome.self, default: .pass) : nil
            if !result.has("result") { _ = result.string("result") }
            let reason = result.string("reason", required: false)
            let evidence = result.string("evidence", required: false)
            result.rejectUnknownKeys()
            guard let option, let criterion, let outcome else { return nil }
            return ScreeningResult(option: option, criterion: criterion, outcome: outcome, reason: reason, evidence: evidence)
        } ?? []
        reader.rejectUnknownKeys()
        return Screening(source: source, criteria: criteria, results: results)
    }
}
