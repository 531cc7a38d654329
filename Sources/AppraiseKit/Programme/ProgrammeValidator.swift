/// Checks a programme's constraints name what exists and can hold: budgets on cost lines,
/// targets on quantities or savings, rules on known options, nothing both committed and
/// ruled out. Every problem is reported at its place in the file.
struct ProgrammeValidator {
    let appraisal: Appraisal
    let sink: DiagnosticSink
    let optionIDs: Set<String>

    func validate() {
        guard let programme = appraisal.programme else { return }
        if !appraisal.isProgramme {
            sink.report(code: "programme-without-choose-set",
                        message: "\"programme\" sets constraints on a set of proposals, but the options are rivals; add \"decision\": \"choose-set\" or remove \"programme\"",
                        location: "programme")
        }
        let measures = Set(appraisal.measures.map(\.id))
        let costing = appraisal.costing ?? Costing()
        for (index, budget) in programme.budgets.enumerated() {
            let path = "programme.budgets[\(index)]"
            if let measure = appraisal.measure(budget.measure) {
                if measure.kind != .cost {
                    sink.report(code: "wrong-kind", message: "a budget limits spending, but \"\(budget.measure)\" is a \(measure.kind.rawValue) line; name a cost line",
                                location: "\(path).measure")
                }
            } else {
                sink.report(code: "unknown-id", message: "the budget names measure \"\(budget.measure)\", which is not in \"measures\"\(known(measures))", location: "\(path).measure")
            }
            if budget.limit.isNegative {
                sink.report(code: "negative-amount", message: "a budget cannot be negative; write the limit as a positive amount", location: "\(path).limit")
            }
            if let year = budget.year {
                if let offset = costing.offset(of: year) {
                    if offset < 0 || offset > CostsValidator.lastYear {
                        sink.report(code: "year-out-of-range", message: "year \(year.text) is outside the horizon of years 0 to \(CostsValidator.lastYear); correct the year",
                                    location: "\(path).year")
                    }
                } else {
                    sink.report(code: "missing-field", message: "the year \"\(year.text)\" needs \"costing.firstYear\" to count from; add it, or give the year as an offset (0, 1, …)",
                                location: "\(path).year")
                }
            }
        }
        for (index, target) in programme.targets.enumerated() {
            let path = "programme.targets[\(index)]"
            if let measure = appraisal.measure(target.measure) {
                if measure.kind == .cost {
                    sink.report(code: "wrong-kind", message: "a target is something to reach, but \"\(target.measure)\" is a cost line; put a budget on it, or name a quantity",
                                location: "\(path).measure")
                }
            } else {
                sink.report(code: "unknown-id", message: "the target names measure \"\(target.measure)\", which is not in \"measures\"\(known(measures))", location: "\(path).measure")
            }
            if target.atLeast.isNegative {
                sink.report(code: "negative-amount", message: "a target cannot be negative; write the least to reach as a positive amount", location: "\(path).atLeast")
            }
        }
        for (index, dependency) in programme.dependencies.enumerated() {
            let path = "programme.dependencies[\(index)]"
            checkOption(dependency.option, at: "\(path).option")
            checkOption(dependency.needs, at: "\(path).needs")
            if dependency.option == dependency.needs {
                sink.report(code: "self-dependency", message: "\"\(dependency.option)\" cannot need itself; name the proposal it needs", location: "\(path).needs")
            }
        }
        for (index, group) in programme.exclusions.enumerated() {
            let path = "programme.exclusions[\(index)].atMostOne"
            for (position, id) in group.enumerated() { checkOption(id, at: "\(path)[\(position)]") }
            if Set(group).count < 2 {
                sink.report(code: "too-few-options", message: "\"at most one of\" needs at least two different options; add the alternatives", location: path)
            }
        }
        for (index, id) in programme.committed.enumerated() { checkOption(id, at: "programme.committed[\(index)]") }
        for (index, id) in programme.ruledOut.enumerated() {
            checkOption(id, at: "programme.ruledOut[\(index)]")
            if programme.committed.contains(id) {
                sink.report(code: "committed-and-ruled-out", message: "\"\(id)\" is both committed and ruled out; keep it in one list", location: "programme.ruledOut[\(index)]")
            }
        }
    }

    private func checkOption(_ id: String, at path: String) {
        guard !optionIDs.contains(id) else { return }
        sink.report(code: "unknown-id", message: "\"\(id)\" is not in \"options\"\(known(optionIDs))", location: path)
    }

    private func known(_ ids: Set<String>) -> String {
        ids.isEmpty ? "" : " (known: \(ids.sorted().joined(separator: ", ")))"
    }
}
