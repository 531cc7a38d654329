/// Reading measured criteria (a value function) and the measurements on scores. Both keys are
/// optional, so a file without them reads exactly as before.
extension AppraisalDecoder {
    func decodeMeasured(_ node: JSONNode, path: String) -> MeasuredScoring? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        let unit = reader.string("unit", required: false) ?? ""
        let measure = reader.string("measure", required: false)
        var functions: [ValueFunction] = []
        if let linear = reader.node("linear", required: false), let line = JSONObjectReader(linear, path: reader.child("linear"), sink: sink) {
            let worst = line.rational("worst", bound: NumberBounds.large)
            let best = line.rational("best", bound: NumberBounds.large)
            line.rejectUnknownKeys()
            if let worst, let best {
                if worst == best {
                    sink.report(code: "invalid-value-function", message: "the worst and best levels are both \(worst.decimalText()); give two different levels",
                                location: line.child("best"))
                } else {
                    functions.append(.linear(worst: worst, best: best))
                }
            }
        }
        if let points = reader.array("piecewise", required: false) {
            let decoded = points.compactMap { node, path -> ValuePoint? in
                guard let point = JSONObjectReader(node, path: path, sink: sink) else { return nil }
                let level = point.rational("level", bound: NumberBounds.large)
                let score = point.rational("score")
                point.rejectUnknownKeys()
                guard let level, let score else { return nil }
                return ValuePoint(level: level, score: score)
            }
            if decoded.count < 2 {
                sink.report(code: "invalid-value-function", message: "a piecewise function needs at least two points", location: reader.child("piecewise"))
            } else if let index = decoded.indices.dropLast().first(where: { decoded[$0].level >= decoded[$0 + 1].level }) {
                sink.report(code: "invalid-value-function", message: "the levels of a piecewise function must rise; point \(index + 1) is not above point \(index)",
                            location: "\(reader.child("piecewise"))[\(index + 1)].level")
            } else if decoded.count == points.count {
                functions.append(.piecewise(decoded))
            }
        }
        if let categories = reader.array("categories", required: false) {
            let decoded = categories.compactMap { node, path -> (category: String, score: Rational)? in
                guard let entry = JSONObjectReader(node, path: path, sink: sink) else { return nil }
                let category = entry.string("category")
                let score = entry.rational("score")
                entry.rejectUnknownKeys()
                guard let category, let score else { return nil }
                return (category, score)
            }
            if decoded.isEmpty {
                sink.report(code: "invalid-value-function", message: "give at least one category and its score", location: reader.child("categories"))
            } else if decoded.count == categories.count {
                functions.append(.categories(decoded))
            }
        }
        if let node = reader.node("reciprocal", required: false), let rule = JSONObjectReader(node, path: reader.child("reciprocal"), sink: sink) {
            let methodText = rule.string("normalise")
            let levels = rule.array("levels")?.compactMap { node, path in JSONObjectReader.rational(node, path: path, sink: sink) }
            rule.rejectUnknownKeys()
            if let methodText, let levels {
                if let method = Normalisation(rawValue: methodText) {
                    if levels.isEmpty || levels.contains(where: { $0 <= .zero }) {
                        sink.report(code: "invalid-value-function", message: "the reciprocal rule needs the column's levels, every one above 0",
                                    location: rule.child("levels"))
                    } else {
                        functions.append(.reciprocal(method: method, levels: levels))
                    }
                } else {
                    sink.report(code: "invalid-value-function", message: "\"\(methodText)\" is not a normalisation; use one of \(Normalisation.allCases.map(\.rawValue).joined(separator: ", "))",
                                location: rule.child("normalise"))
                }
            }
        }
        reader.rejectUnknownKeys()
        guard functions.count == 1 else {
            if functions.count > 1 || !(reader.has("linear") || reader.has("piecewise") || reader.has("categories") || reader.has("reciprocal")) {
                sink.report(code: "missing-value-function", message: "a measured criterion needs exactly one value function: \"linear\", \"piecewise\", \"categories\" or \"reciprocal\"",
                            location: path)
            }
            return nil
        }
        return MeasuredScoring(unit: unit, function: functions[0], measure: measure)
    }

    func decodeMeasurement(_ node: JSONNode, path: String) -> CellMeasurement? {
        guard let reader = JSONObjectReader(node, path: path, sink: sink) else { return nil }
        var found: [CellMeasurement] = []
        if reader.has("level"), let level = reader.rational("level", bound: NumberBounds.large) { found.append(.level(level)) }
        if reader.has("category"), let category = reader.string("category") { found.append(.category(category)) }
        if reader.has("indicator") || reader.has("dataset") {
            let dataset = reader.string("dataset")
            let indicator = reader.string("indicator")
            let period = reader.string("period", required: false)
            if let dataset, let indicator { found.append(.indicator(dataset: dataset, indicator: indicator, period: period)) }
        }
        reader.rejectUnknownKeys()
        guard found.count == 1 else {
            sink.report(code: "invalid-measurement", message: "a measurement is one of \"level\", \"category\", or \"dataset\" with \"indicator\"",
                        location: path)
            return nil
        }
        return found[0]
    }
}
