import AppraiseKit

/// `appraise panel`: every cell's scores by scorer with their spread, then whether any one
/// scorer's scores put another option first, and how far the scorers' rankings agree.
public enum PanelRenderer {
    public static func cellTable(_ analysis: PanelAnalysis, appraisal: Appraisal) -> Table {
        let rows = analysis.cells.map { cell -> [String] in
            [appraisal.option(cell.option)?.label ?? cell.option, appraisal.criterion(cell.criterion)?.label ?? cell.criterion]
                + cell.scores.map { $0.map(Formatting.number) ?? "–" }
                + [cell.agreed.map(Formatting.number) ?? "", Formatting.number(cell.consensus), Formatting.number(cell.spread),
                   cell.disagrees ? "apart > 1 step" : ""]
        }
        let disagreements = analysis.disagreements.count
        return Table(
            id: "panel-scores",
            title: "Scores by scorer",
            columns: [.init("Option"), .init("Criterion")] + analysis.scorers.map { .init($0.name, .right) }
                + [.init("Agreed", .right), .init("Consensus", .right), .init("Spread", .right), .init("Flag")],
            rows: rows,
            notes: [
                "Consensus: the agreed score where the panel recorded one, else the \(analysis.setting.sentence).",
                disagreements == 0
                    ? "No cell has scores more than one step apart."
                    : "\(disagreements) cell\(disagreements == 1 ? " has" : "s have") scores more than one step apart.",
            ])
    }

    public static func scorerTable(_ analysis: PanelAnalysis, appraisal: Appraisal) -> Table {
        let cellCount = analysis.cells.count
        let label = { (ids: [String]) in ids.map { appraisal.option($0)?.label ?? $0 }.joined(separator: " and ") }
        let rows = analysis.scorers.map { scorer -> [String] in
            [scorer.name, "\(scorer.cellsScored)/\(cellCount)", label(scorer.ranking.leaders), scorer.changesFirstPlace ? "yes" : "no"]
        }
        var notes = [
            "Consensus first place: \(label(analysis.ranking.leaders)). A scorer's ranking uses their own scores and the consensus for cells they did not score.",
        ]
        if let w = analysis.concordance {
            notes.append("Agreement of the scorers' rankings (Kendall's W, 0 = none, 1 = identical): \(w.formatted(places: 3)) across \(analysis.scorers.count) scorers and \(appraisal.options.count) options.")
        } else {
            notes.append("Kendall's W needs at least two scorers and two options that are not all tied.")
        }
        return Table(id: "panel-scorers", title: "First place under each scorer's scores",
                     columns: [.init("Scorer"), .init("Cells scored", .right), .init("First place"), .init("Changes first place")],
                     rows: rows, notes: notes)
    }

    public static func json(_ analysis: PanelAnalysis, appraisal: Appraisal, fingerprint: String) -> JSONValue {
        let names = analysis.scorers.map(\.name)
        return .object([
            "appraisal": .string(appraisal.id),
            "fingerprint": .string(fingerprint),
            "consensus": .string(analysis.setting.consensus.rawValue),
            "rounding": .string(analysis.setting.rounding.rawValue),
            "scorers": .array(analysis.scorers.map { scorer in
                .object([
                    "name": .string(scorer.name),
                    "cellsScored": .number(scorer.cellsScored),
                    "firstPlace": .array(scorer.ranking.leaders.map(JSONValue.string)),
                    "changesFirstPlace": .bool(scorer.changesFirstPlace),
                ])
            }),
            "cells": .array(analysis.cells.map { cell in
                .object([
                    "option": .string(cell.option),
                    "criterion": .string(cell.criterion),
                    "scores": .object(Dictionary(uniqueKeysWithValues: zip(names, cell.scores).compactMap { name, value in
                        value.map { (name, JSONValue.number($0)) }
                    })),
                    "agreed": cell.agreed.map { JSONValue.number($0) } ?? .null,
                    "consensus": .number(cell.consensus),
                    "spread": .number(cell.spread),
                    "disagrees": .bool(cell.disagrees),
                ])
            }),
            "firstPlace": .array(analysis.ranking.leaders.map(JSONValue.string)),
            "kendallsW": analysis.concordance.map { JSONValue.number($0) } ?? .null,
        ])
    }
}
