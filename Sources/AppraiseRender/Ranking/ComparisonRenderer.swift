import AppraiseKit

/// "Why does A beat B": the weighted difference per criterion as a table, a sentence and JSON.
public enum ComparisonRenderer {
    public static func table(_ comparison: PairComparison, appraisal: Appraisal) -> Table {
        let names = DisplayNames(appraisal)
        let a = names.option(comparison.first), b = names.option(comparison.second)
        var running = Rational.zero
        let rows = comparison.rows.map { row -> [String] in
            running += row.difference
            return [names.criterion(row.criterion), Formatting.share(row.share), Formatting.number(row.firstScore), Formatting.number(row.secondScore),
                    Formatting.number(row.firstPoints), Formatting.number(row.secondPoints), signed(row.difference), signed(running)]
        }
        return Table(
            id: "comparison",
            title: "\(a) against \(b), criterion by criterion",
            columns: [.init("Criterion"), .init("Weight", .right), .init("\(a) score", .right), .init("\(b) score", .right),
                      .init("\(a) points", .right), .init("\(b) points", .right), .init("Difference", .right), .init("Running difference", .right)],
            rows: rows + [["Total", "100.0%", "", "", Formatting.number(comparison.firstTotal), Formatting.number(comparison.secondTotal),
                           signed(comparison.difference), ""]],
            notes: [sentence(comparison, appraisal: appraisal),
                    "Points are each score's contribution to the total out of \(Formatting.number(comparison.maximum)); the largest advantage of \(a) comes first."])
    }

    /// The comparison in one sentence: who leads by how much, and where it is won and lost.
    public static func sentence(_ comparison: PairComparison, appraisal: Appraisal) -> String {
        let names = DisplayNames(appraisal)
        let a = names.option(comparison.first), b = names.option(comparison.second)
        let list = { (rows: [PairComparison.Row]) in
            Ordinal.list(rows.map { "\(names.criterion($0.criterion)) (\(signed($0.difference)))" })
        }
        let gains = comparison.gains, losses = comparison.losses
        if comparison.difference.isZero {
            if gains.isEmpty { return "\(a) and \(b) score the same on every criterion, \(Formatting.outOf(comparison.firstTotal, comparison.maximum)) each." }
            return "\(a) and \(b) tie on \(Formatting.outOf(comparison.firstTotal, comparison.maximum)): \(a)'s gains on \(list(gains)) "
                + "exactly offset its losses on \(list(losses))."
        }
        // Told from the leader's side: its gains largest first, then its losses.
        let swapped = comparison.difference.isNegative
        let (leader, other) = swapped ? (b, a) : (a, b)
        let (high, low) = swapped ? (comparison.secondTotal, comparison.firstTotal) : (comparison.firstTotal, comparison.secondTotal)
        let won = swapped ? Array(losses.reversed()) : gains, lost = swapped ? Array(gains.reversed()) : losses
        let describe = { (rows: [PairComparison.Row]) in
            Ordinal.list(rows.map { "\(names.criterion($0.criterion)) (\(signed(swapped ? -$0.difference : $0.difference)))" })
        }
        let margin = high - low
        return "\(leader) beats \(other) by \(Formatting.number(margin)) point\(margin == .one ? "" : "s") "
            + "(\(Formatting.outOf(high, comparison.maximum)) to \(Formatting.outOf(low, comparison.maximum))), gaining on \(describe(won))"
            + (lost.isEmpty ? " and losing on none." : " and losing on \(describe(lost)).")
    }

    public static func json(_ comparison: PairComparison, appraisal: Appraisal, fingerprint: String, selection: WeightSelection) -> JSONValue {
        .object([
            "appraisal": .string(appraisal.id),
            "fingerprint": .string(fingerprint),
            "weightSet": .string(selection.id),
            "first": .string(comparison.first),
            "second": .string(comparison.second),
            "firstTotal": .number(comparison.firstTotal),
            "secondTotal": .number(comparison.secondTotal),
            "maximum": .number(comparison.maximum),
            "difference": .number(comparison.difference),
            "summary": .string(sentence(comparison, appraisal: appraisal)),
            "criteria": .array(comparison.rows.map { row in
                .object([
                    "criterion": .string(row.criterion), "weight": .number(row.share),
                    "firstScore": .number(row.firstScore), "secondScore": .number(row.secondScore),
                    "firstPoints": .number(row.firstPoints), "secondPoints": .number(row.secondPoints),
                    "difference": .number(row.difference),
                ])
            }),
        ])
    }

    /// A difference with its sign: "+2", "-0.5", "0".
    static func signed(_ value: Rational) -> String {
        value.isZero || value.isNegative ? Formatting.number(value) : "+" + Formatting.number(value)
    }
}
