@testable import AppraiseKit
import Foundation
import XCTest

/// Issue 23: score tables read either way round, the layout said or asked, never guessed; the
/// Total column kept on the basis it was printed on; the published unit of the answer.
final class SheetLayoutTests: XCTestCase {
    private func base(_ maximum: Int = 10) -> Appraisal {
        Appraisal(id: "t", title: "T", body: "B", date: "2026", scale: ScoreScale(minimum: .zero, maximum: Rational(maximum), step: .one),
                  criteria: [], options: [], scores: [])
    }

    private func table(_ text: String) throws -> CSVTable { try CSVReader.read(Data(text.utf8), fileName: "t.csv") }

    private func imported(_ text: String, maximum: Int = 10, optionsIn: SheetLayout? = nil) throws -> ScoreMatrixImport.Result {
        try ScoreMatrixImport.apply(try table(text), file: "t.csv", to: base(maximum), optionsIn: optionsIn)
    }

    private func problems(_ text: String, maximum: Int = 10, optionsIn: SheetLayout? = nil) -> [String] {
        do {
            _ = try imported(text, maximum: maximum, optionsIn: optionsIn)
            return []
        } catch let error as SheetProblems {
            return error.messages
        } catch {
            return ["\(error)"]
        }
    }

    /// The issue's first failure: criteria as rows with whole-number weights used to give an
    /// appraisal whose criteria were the options plus "Weight".
    func testCriteriaAsRowsWithWholeNumberWeights() throws {
        let result = try imported("Criterion,Weight,Option A,Option B,Option C\nQuality,40,8,6,7\nCost,35,5,9,6\nRisk,25,7,7,8\n")
        XCTAssertEqual(result.appraisal.criteria.map(\.name), ["Quality", "Cost", "Risk"])
        XCTAssertEqual(result.appraisal.criteria.map(\.weight), [Rational(40), Rational(35), Rational(25)])
        XCTAssertEqual(result.appraisal.options.map(\.name), ["Option A", "Option B", "Option C"])
        XCTAssertEqual(result.appraisal.score(option: "option-b", criterion: "cost")?.value, Rational(9))
        XCTAssertEqual(result.layoutNote, "t.csv: read with the options in columns and the criteria in rows (a Weight column and the first cell \"Criterion\"); --options-in rows reads it the other way")
    }

    /// The second: decimal weights used to be refused as "21.5 is not a score".
    func testCriteriaAsRowsWithDecimalWeightsAndNoCornerWord() throws {
        let result = try imported(";Weighting;North;South\nAccess;21,5;3;4\nCost;78,5;5;2\n")
        XCTAssertEqual(result.appraisal.criteria.map(\.weight), [Rational(43, 2), Rational(157, 2)])
        XCTAssertEqual(result.appraisal.options.map(\.id), ["north", "south"])
        XCTAssertTrue(result.layoutNote!.contains("(a Weight column)"), result.layoutNote!)
    }

    /// Other sizes and scales: a 7 × 2 sheet sideways on 0–100 reads the same as its transpose.
    func testASheetAndItsTransposeGiveTheSameAppraisal() throws {
        let options = (1...7).map { "Site \($0)" }
        let scores = options.indices.map { [($0 * 13) % 101, ($0 * 29 + 7) % 101] }
        var rows = "Option,Reach,Cost\nWeight,3,1\n"
        for (index, name) in options.enumerated() { rows += "\(name),\(scores[index][0]),\(scores[index][1])\n" }
        var columns = "Criteria," + options.joined(separator: ",") + ",Weight\n"
        for criterion in 0..<2 {
            columns += (criterion == 0 ? "Reach" : "Cost") + "," + scores.map { String($0[criterion]) }.joined(separator: ",") + "," + (criterion == 0 ? "3" : "1") + "\n"
        }
        let byRow = try imported(rows, maximum: 100), byColumn = try imported(columns, maximum: 100)
        XCTAssertEqual(byRow.appraisal.criteria, byColumn.appraisal.criteria)
        XCTAssertEqual(byRow.appraisal.options, byColumn.appraisal.options)
        XCTAssertEqual(Set(byRow.appraisal.scores.map { "\($0.option)/\($0.criterion)/\($0.value)" }),
                       Set(byColumn.appraisal.scores.map { "\($0.option)/\($0.criterion)/\($0.value)" }))
    }

    func testASheetThatDoesNotSayIsAskedWithBothReadings() throws {
        let text = "Name,Quality,Cost\nA,1,2\nB,3,4\n"
        XCTAssertEqual(problems(text), ["t.csv: the sheet can be read two ways and nothing in it says which way it runs (no Weight row or column, and the first cell names neither options nor criteria): "
            + "options in rows gives the options \"A\", \"B\" and the criteria \"Quality\", \"Cost\"; options in columns gives the options \"Quality\", \"Cost\" and the criteria \"A\", \"B\"; "
            + "say which with --options-in rows or --options-in columns"])
        XCTAssertEqual(try imported(text, optionsIn: .columns).appraisal.options.map(\.name), ["Quality", "Cost"])
        XCTAssertEqual(try imported(text, optionsIn: .rows).appraisal.options.map(\.name), ["A", "B"])
        // A Weight row and a Weight column point both ways.
        let both = problems("Option,Quality,Weight\nWeight,1,\nA,3,2\n")
        XCTAssertEqual(both.count, 1)
        XCTAssertTrue(both[0].contains("it points both ways (a Weight row and the first cell \"Option\" for options in rows; a Weight column for options in columns)"), both[0])
    }

    func testProblemsInASheetReadSidewaysNameTheCellTheOfficerSees() {
        XCTAssertEqual(problems("Criteria,Weight,North,South\nAccess,2,3,11\nCost,x,5,2\n"), [
            "t.csv:3: column 2 (\"Cost\"): the weight \"x\" is not a number of 0 or more; write a number such as 3, 2.5, 25% or 1,000",
            "t.csv:2: column 4 (\"Access\"): \"11\" is not a score on the scale 0–10 in steps of 1; correct the cell",
        ])
    }

    /// A whole-number Total column of plain sums beside unequal weights is read as points under
    /// equal weights; decimals printed as weighted averages on the scale are read as such.
    func testTheTotalColumnIsKeptOnTheBasisItWasPrintedOn() throws {
        let sums = try imported("Option,Reach,Cost,Total\nWeight,3,1,\nA,4,2,6\nB,1,5,6\n")
        XCTAssertEqual(sums.appraisal.declared, [Declaration(source: "t.csv, Total column", totals: [("a", Rational(6)), ("b", Rational(6))],
                                                             weighting: "equal", decimals: 0)])
        let averages = try imported("Criterion,Weight,Site A,Site B\nAccess,30,90,70\nCost,25,85,95\nRisk,45,80,60\nTotal,100,84.25,71.75\n", maximum: 100)
        XCTAssertEqual(averages.appraisal.declared.first?.basis, .weightedAverage)
        XCTAssertEqual(averages.appraisal.declared.first?.decimals, 2)
        XCTAssertEqual(averages.appraisal.declared.first?.totals.map(\.option), ["site-a", "site-b"])
        XCTAssertTrue(averages.notes.last!.contains("kept as the published totals: read as weighted average scores printed to 2 dp (2 of 2 agree with the scores)"),
                      averages.notes.last!)
    }

    /// A Rank column beside a "Weighted total" goes into the same declaration; "2=" is a shared place.
    func testARankColumnIsKeptWithTheTotals() throws {
        let result = try imported("Option,Reach,Cost,Weighted total,Rank\nWeight,3,1,,\nA,4,2,3.5,1\nB,1,5,2,2=\nC,1,5,2,2=\n")
        XCTAssertEqual(result.appraisal.criteria.map(\.id), ["reach", "cost"])
        let declared = try XCTUnwrap(result.appraisal.declared.first)
        XCTAssertEqual(declared.basis, .weightedAverage)
        XCTAssertEqual(declared.ranks.map(\.rank), [1, 2, 2])
        XCTAssertTrue(result.notes.last!.hasSuffix("(\"Rank\") kept as the published ranks, checked against the ranks the scores give"), result.notes.last!)
        XCTAssertEqual(problems("Option,Reach,Rank\nA,4,first\n"), ["t.csv:2: column 3 (\"Rank\"): the rank \"first\" is not a place such as 1 or 2=; correct it or empty the cell"])
        let alone = try imported("Criteria,North,South\nReach,4,2\nRanking,1,2\n")
        XCTAssertEqual(alone.appraisal.declared, [Declaration(source: "t.csv, Ranking row", ranks: [("north", 1), ("south", 2)])])
    }

    /// `score --from-csv`: the appraisal's own names settle the layout of a sheet that says nothing.
    func testAScoreSheetIsReadTheWayTheAppraisalsNamesRun() throws {
        var appraisal = base()
        appraisal.criteria = [Criterion(id: "reach", name: "Reach"), Criterion(id: "cost", name: "Cost")]
        appraisal.options = [Option(id: "north", name: "North"), Option(id: "south", name: "South"), Option(id: "east", name: "East")]
        let result = try ScoreSheetImport.changes(try table(",North,South,East\nReach,3,4,5\nCost,2,,1\n"), file: "s.csv", appraisal: appraisal, scorer: nil)
        XCTAssertEqual(result.changes.map { "\($0.option)/\($0.criterion)/\($0.value.decimalText())" },
                       ["north/reach/3", "north/cost/2", "south/reach/4", "east/reach/5", "east/cost/1"])
        XCTAssertTrue(result.layoutNote!.contains("(the names of the appraisal's options and criteria)"), result.layoutNote!)
    }

    /// The published unit: the value, its maximum and the points-per-unit factor agree with the
    /// reconciliation's own conversion on every basis, for random weights and totals.
    func testTheTotalsUnitAgreesWithTheBasisOnEveryBasis() {
        var generator = SplitMix64(seed: 23)
        for _ in 0..<200 {
            let count = Int.random(in: 1...6, using: &generator)
            let weights = Weights((0..<count).map { _ in Rational(Int.random(in: 1...50, using: &generator)) })!
            let maximum = Rational(count * 10)
            let total = Rational(Int128(Int.random(in: 0...(count * 1000), using: &generator)), 100)
            for basis in Declaration.Basis.allCases {
                let (value, top) = basis.value(points: total, maximum: maximum, weights: weights)
                let (one, _) = basis.value(points: .one, maximum: maximum, weights: weights)
                XCTAssertEqual(value, total * one, "a linear unit")
                XCTAssertEqual(top, maximum * one)
                if basis == .weightedAverage { XCTAssertEqual(top, Rational(10)) }
                if basis == .percent { XCTAssertEqual(top, Rational(100)) }
            }
        }
    }
}

/// The new keys of the file: a relative scale and the reciprocal rule read back as written, and
/// a bad reciprocal rule is refused at its place.
final class PublishedUnitFileTests: XCTestCase {
    func testARelativeScaleAndAReciprocalRuleRoundTrip() throws {
        let text = "Option,Quality,Price\nDirection,benefit,cost\nA,70,20\nB,50,10\nC,80,40\n"
        let table = try CSVReader.read(Data(text.utf8), fileName: "r.csv")
        var appraisal = try RawMatrixImport.apply(table, file: "r.csv", to: Appraisal(
            id: "r", title: "R", body: "B", date: "2026", scale: ScoreScale(minimum: .zero, maximum: .one, step: Rational(1, 1_000_000)),
            criteria: [], options: [], scores: []), normalisation: .sum, costs: .reciprocal)
        appraisal.scale.relative = true
        let written = AppraisalEncoding.text(appraisal)
        XCTAssertTrue(written.contains("\"relative\": true"), written)
        XCTAssertTrue(written.contains("\"reciprocal\": {\n          \"normalise\": \"sum\""), written)
        let file = AppraisalFile(data: Data(written.utf8), name: "r.json")
        XCTAssertEqual(file.diagnostics.errors, [])
        XCTAssertEqual(file.appraisal, appraisal)
        XCTAssertEqual(AppraisalEncoding.text(file.appraisal!), written)
        // (1/20)/(1/20 + 1/10 + 1/40) = 2/7 of the scale.
        XCTAssertEqual(file.appraisal!.score(option: "a", criterion: "price")?.value, Rational(285714, 1_000_000))

        let bad = written.replacingOccurrences(of: "\"normalise\": \"sum\"", with: "\"normalise\": \"median\"")
        let refused = AppraisalFile(data: Data(bad.utf8), name: "bad.json").diagnostics.errors
        XCTAssertTrue(refused.contains { $0.code == "invalid-value-function" && $0.location == "criteria[1].measured.reciprocal.normalise" }, "\(refused)")
        let old = written.replacingOccurrences(of: ",\n    \"relative\": true", with: "")
        XCTAssertEqual(AppraisalFile(data: Data(old.utf8), name: "old.json").appraisal?.scale.relative, false, "a file without the key is absolute")
    }
}
