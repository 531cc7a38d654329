import AppraiseKit

/// The programme as a model in the workbook: a funding flag per proposal (1 or 0, an input),
/// its benefit (the live total of the Options sheet), and what it counts against each budget
/// and target; below, the benefit, spend and achievement of the flagged set as SUMPRODUCT
/// formulas and the checks against each limit, so a member who funds another set sees the
/// spend and the places move. Figures are read as the tool's cautious reading does: a cost at
/// the top of its range, a quantity at the bottom, a figure not known left out (and named).
extension ReportPack {
    func programmeSheet(_ report: ProgrammeReport) -> Workbook.Sheet? {
        let problem = report.problem
        guard !problem.proposals.isEmpty else { return nil }
        let constraints: [(measure: ProgrammeMeasure, year: Int?, limit: Rational, isBudget: Bool)] =
            problem.budgets.map { (problem.measure($0.measure), $0.year, $0.limit, true) }
            + problem.targets.map { (problem.measure($0.measure), nil, $0.atLeast, false) }
        let chosen = Set(report.recommended?.proposalIDs ?? [])
        let optionRow = Dictionary(uniqueKeysWithValues: matrix.optionIDs.enumerated().map { ($1, $0 + Self.optionsFirstRow) })
        let totalColumn = Workbook.column(appraisal.criteria.count + 1)
        let first = 2, last = 1 + problem.proposals.count
        var header: [Workbook.Cell] = [.bold("Proposal"), .bold("Fund (1 = yes, 0 = no)"), .bold("Benefit")]
        header += constraints.map { .bold($0.measure.name + ProgrammeText.yearPhrase($0.year, problem.yearNames)) }
        header.append(.bold("Not counted (figure not known)"))
        var rows: [[Workbook.Cell]] = [header]
        // What the tool's chosen set counts against each constraint, cached beside the formulas.
        var totals = [Rational](repeating: .zero, count: constraints.count)
        for proposal in problem.proposals {
            var cells: [Workbook.Cell] = [.text(proposal.name), .formatted(.number(chosen.contains(proposal.id) ? "1" : "0"), .input)]
            let benefit = proposal.benefit.decimalText(maximumPlaces: 9)
            cells.append(optionRow[proposal.id].map { .formula("Options!\(totalColumn)\($0)", cached: benefit) } ?? .number(benefit))
            var unknown: [String] = []
            for (index, constraint) in constraints.enumerated() {
                var sum = Rational.zero, known = true
                for figure in proposal.figures(measure: constraint.measure.id, year: constraint.year) {
                    switch figure {
                    case .exact(let value): sum = sum + value
                    case .range(let low, let high): sum = sum + (constraint.isBudget ? high : low)
                    case .unknown(let text): known = false; unknown.append("\(constraint.measure.name): \(text)")
                    }
                }
                if known, chosen.contains(proposal.id) { totals[index] = totals[index] + sum }
                let value = Self.value(sum)
                cells.append(known ? (constraint.measure.isMoney ? .formatted(value, .money) : value) : .empty)
            }
            cells.append(unknown.isEmpty ? .empty : .text(unknown.joined(separator: "; ")))
            rows.append(cells)
        }
        rows.append([])
        let flags = "$B$\(first):$B$\(last)"
        rows.append([.bold("Benefit of the funded set"), .empty,
                     .formula("SUMPRODUCT(\(flags),C\(first):C\(last))", cached: (report.recommended?.benefit ?? .zero).decimalText(maximumPlaces: 9))])
        var validations: [Workbook.Validation] = [.init(kind: .flag, range: "B\(first):B\(last)", prompt: "1 to fund the proposal, 0 not to.")]
        for (index, constraint) in constraints.enumerated() {
            let column = Workbook.column(3 + index)
            let amountRow = rows.count + 1, limitRow = rows.count + 2
            let words = constraint.measure.name
            // "capital cost", but "SEND places" keeps its capitals.
            let name = (words.prefix(2) == words.prefix(2).capitalized ? words.prefix(1).lowercased() + words.dropFirst() : words) + ProgrammeText.yearPhrase(constraint.year, problem.yearNames)
            let format: Workbook.Format = constraint.measure.isMoney ? .money : .plain
            rows.append([.bold(constraint.isBudget ? "Spend on \(name)" : "Achieved: \(name)"), .empty,
                         .formatted(.formula("SUMPRODUCT(\(flags),\(column)\(first):\(column)\(last))", cached: totals[index].decimalText(maximumPlaces: 9)), format)])
            rows.append([.bold(constraint.isBudget ? "Budget" : "Target (at least)"), .empty,
                         .formatted(Self.value(constraint.limit), constraint.measure.isMoney ? .moneyInput : .input)])
            let met = constraint.isBudget ? totals[index] <= constraint.limit : totals[index] >= constraint.limit
            rows.append([.bold(constraint.isBudget ? "Within budget" : "Target met"), .empty,
                         .formula(constraint.isBudget ? "IF(C\(amountRow)<=C\(limitRow),\"yes\",\"no\")" : "IF(C\(amountRow)>=C\(limitRow),\"yes\",\"no\")",
                                  cached: met ? "yes" : "no")])
            validations.append(.init(kind: .nonNegative, range: "C\(limitRow)", prompt: "A limit of 0 or more."))
        }
        rows.append([])
        rows.append([.text("Shaded cells are inputs: fund a different set (1 or 0) or change a limit, and the benefit, spend and checks recalculate. "
                           + "The tool's choice is funded as written.")])
        rows.append([.text("Costs are taken at the top of a range and quantities at the bottom; a figure not known is left out of the sums, as the tool counts it.")])
        if !problem.dependencies.isEmpty || !problem.exclusions.isEmpty {
            rows.append([.text("The rules between proposals (one needing another, alternatives) are not checked on this sheet; the report lists them.")])
        }
        return Workbook.Sheet(name: "Programme", rows: rows, frozenRows: 1, frozenColumns: 1, validations: validations)
    }
}
