import AppraiseKit

/// The long list as members read it ahead of the scored short list: every option considered
/// with its stage, the screening against the critical success factors, the options set aside
/// and why, and the options framework's grid. The same tables in every format.
public enum ScreeningRenderer {
    /// The tables, in reading order; only those the appraisal has anything for.
    public static func tables(_ appraisal: Appraisal) -> [Table] {
        var tables = [longList(appraisal)]
        if let screening = appraisal.screening, !screening.criteria.isEmpty {
            tables.append(screeningTable(appraisal, screening))
            if !screening.results.isEmpty { tables.append(results(appraisal, screening)) }
        }
        tables.append(discounted(appraisal))
        if !appraisal.frameworkDimensions.isEmpty { tables.append(framework(appraisal)) }
        return tables
    }

    /// Every option considered, with its stage, screening and the reason for its stage.
    public static func longList(_ appraisal: Appraisal) -> Table {
        let screened = !(appraisal.screening?.criteria.isEmpty ?? true)
        var columns: [Table.Column] = [.init("Option"), .init("Stage")]
        if screened { columns.append(.init("Screening")) }
        columns.append(.init("Why at this stage"))
        let rows = appraisal.options.map { option -> [String] in
            var row = [option.label, option.currentStage.label]
            if screened { row.append(appraisal.screening?.overall(option.id)?.label ?? "not screened") }
            row.append(option.stageReason ?? "")
            return row
        }
        let counts = OptionStage.allCases.compactMap { stage -> String? in
            let count = appraisal.options.filter { $0.currentStage == stage }.count
            return count == 0 ? nil : "\(count) \(stage.label)"
        }
        var notes = ["\(appraisal.options.count) option\(appraisal.options.count == 1 ? "" : "s") considered: \(counts.joined(separator: ", ")). Only short-listed options (business as usual, do-minimum, preferred way forward and other short-listed ones) are scored and ranked."]
        if let source = appraisal.screening?.source { notes.append("Source: \(source)") }
        return Table(id: "long-list", title: "The long list: every option considered", columns: columns, rows: rows, notes: notes)
    }

    /// Options × critical success factors, each cell the option's result.
    public static func screeningTable(_ appraisal: Appraisal, _ screening: Screening) -> Table {
        let columns = [Table.Column("Option"), .init("Stage")] + screening.criteria.map { Table.Column($0.name) } + [.init("Overall")]
        let rows = appraisal.options.map { option -> [String] in
            [option.label, option.currentStage.label]
                + screening.criteria.map { screening.result(option: option.id, criterion: $0.id)?.outcome.label ?? "—" }
                + [screening.overall(option.id)?.label ?? "not screened"]
        }
        let notes = screening.criteria.filter { !$0.description.isEmpty }.map { "\($0.name): \($0.description)." }
        return Table(id: "screening", title: "Screening against the critical success factors", columns: columns, rows: rows, notes: notes)
    }

    /// Each result with its reason and evidence, in the order of options and criteria.
    public static func results(_ appraisal: Appraisal, _ screening: Screening) -> Table {
        var rows: [[String]] = []
        for option in appraisal.options {
            for result in screening.results(of: option.id) {
                rows.append([option.label, screening.criterion(result.criterion)?.name ?? result.criterion, result.outcome.label,
                             result.reason ?? "", result.evidence ?? ""])
            }
        }
        return Table(id: "screening-results", title: "Screening results, with reasons and evidence",
                     columns: [.init("Option"), .init("Critical success factor"), .init("Result"), .init("Reason"), .init("Evidence")], rows: rows)
    }

    /// The options considered and set aside, and why.
    public static func discounted(_ appraisal: Appraisal) -> Table {
        let rows = appraisal.options.filter { $0.currentStage == .discounted }.map { option -> [String] in
            let failed = appraisal.screening.map { screening in
                screening.results(of: option.id).filter { $0.outcome == .fail }.map { screening.criterion($0.criterion)?.name ?? $0.criterion }
            } ?? []
            return [option.label, option.stageReason ?? "no reason recorded", failed.isEmpty ? "—" : "failed " + failed.joined(separator: "; ")]
        }
        let notes = rows.isEmpty ? ["No option considered is recorded as set aside."] : ["Discounted options are not scored and take no part in the ranking or any analysis."]
        return Table(id: "discounted-options", title: "Options considered and set aside, and why",
                     columns: [.init("Option"), .init("Why it was set aside"), .init("Screening")], rows: rows, notes: notes)
    }

    /// The options framework's grid, read as the Green Book's filter: each dimension's choices,
    /// the options taking each that are carried to the short list and those set aside.
    public static func framework(_ appraisal: Appraisal) -> Table {
        var rows: [[String]] = []
        for (dimension, choices) in appraisal.frameworkGrid {
            for (choice, ids) in choices {
                let options = ids.compactMap { appraisal.option($0) }
                let names = { (scored: Bool) in
                    options.filter { $0.currentStage.isScored == scored }.map { "\($0.label) (\($0.currentStage.label))" }.joined(separator: "; ")
                }
                rows.append([dimension.label, choice, names(true), names(false)])
            }
        }
        return Table(id: "options-framework", title: "The options framework",
                     columns: [.init("Dimension"), .init("Choice"), .init("On the short list"), .init("Not on the short list")], rows: rows,
                     notes: ["Each option's choices on the Green Book's options framework (scope, solution, delivery, implementation, funding), as tagged in the file."])
    }

    /// The long list as JSON: options with stage, reason, tags and results; the criteria.
    public static func json(_ appraisal: Appraisal) -> JSONValue {
        let screening = appraisal.screening ?? Screening()
        return .object([
            "source": .optional(screening.source),
            "criteria": .array(screening.criteria.map { criterion in
                .object(["id": .string(criterion.id), "name": .string(criterion.name), "description": .string(criterion.description)])
            }),
            "options": .array(appraisal.options.map { option in
                .object([
                    "id": .string(option.id),
                    "name": .string(option.name),
                    "stage": .string(option.currentStage.rawValue),
                    "scored": .bool(option.currentStage.isScored),
                    "stageReason": .optional(option.stageReason),
                    "framework": .object(Dictionary(uniqueKeysWithValues: FrameworkDimension.allCases.compactMap { dimension in
                        option.framework[dimension].map { (dimension.rawValue, JSONValue.string($0)) }
                    })),
                    "screening": .optional(screening.overall(option.id)?.rawValue),
                    "results": .array(screening.results(of: option.id).map { result in
                        .object(["criterion": .string(result.criterion), "result": .string(result.outcome.rawValue),
                                 "reason": .optional(result.reason), "evidence": .optional(result.evidence)])
                    }),
                ])
            }),
        ])
    }

    /// Sentences for the printed summary: what was considered, and each option set aside.
    public static func summary(_ appraisal: Appraisal) -> [String] {
        let scored = appraisal.scoredOptions.count
        var sentences = ["\(appraisal.options.count) option\(appraisal.options.count == 1 ? " was" : "s were") considered; \(scored) \(scored == 1 ? "is" : "are") on the scored short list."]
        for option in appraisal.options where !option.currentStage.isScored {
            let why = option.stageReason.map { ": \($0)" } ?? " (no reason recorded)"
            sentences.append("\(option.label) is \(option.currentStage.label)\(why)")
        }
        return sentences
    }
}
