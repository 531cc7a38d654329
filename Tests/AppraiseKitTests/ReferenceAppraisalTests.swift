import Foundation
import XCTest

import AppraiseKit

/// Checks the reference appraisal, `appraisals/rotherham-ama-2017.json`, against the published
/// document it was transcribed from: Rotherham MBC, Improving Lives Select Commission,
/// Scrutiny Review – Alternative Management Arrangements for Children's Service, April 2017
/// (seed 001, /work/shared/seeds/001_ee96cfdbee5488ae.txt).
///
/// The score table below was written by reading Annex 1 (Detailed Options Appraisal), seed lines
/// 1183–1432, NOT by reading the JSON file: each score is the last filled cell of its criterion
/// row; rows split across PDF pages continue in the next table fragment (e.g. Option 2's
/// criteria 3 and 4 on lines 1225 and 1227, where the score sits in the third cell and the
/// cells after it are empty). Annex 1 line numbers per option:
///   1 Practice Partner 1193–1211, 2 Commission by Contract 1219–1244, 3 Trust 1256–1280,
///   4 CIC 1296–1308, 5 Mutual 1316–1340, 6 Managing Agent 1348–1368, 7 Joint Venture 1376–1400,
///   8 Shared Service 1408–1431.
/// Declared ranks are Table 6 (seed lines 1052–1065), which lists the options in order. The same
/// eight totals as Annex 1 (33, 22, 25, 26, 16, 18, 15, 24) are printed again in Table 5's Score
/// column (lines 1032–1039) and the executive summary table of para 1.11 (lines 488–495).
final class ReferenceAppraisalTests: XCTestCase {
    private static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("appraisals/rotherham-ama-2017.json")

    private static let optionIDs = ["practice-partner", "commission-by-contract", "trust", "cic", "mutual",
                                    "managing-agent", "joint-venture", "shared-service"]
    private static let criterionIDs = ["child-focused", "partnerships", "commissioning", "political-oversight",
                                       "financial-viability", "workforce", "integration", "risk"]

    /// Annex 1 scores, criteria 1–8 in order (Child Focused, Partnerships, Commissioning,
    /// Political oversight, Financial viability, Workforce, Integration, Risk), with the seed line
    /// of each score cell and the row sums worked by hand.
    private static let annex1: [String: [Int]] = [
        // lines 1193, 1197, 1198, 1199, 1203, 1204, 1205, 1210: 4+5+4+4+3+4+5+4 = 33 (printed 33 / 40)
        "practice-partner": [4, 5, 4, 4, 3, 4, 5, 4],
        // lines 1219, 1220, 1225, 1227, 1232, 1233, 1238, 1239: 4+2+3+3+3+2+2+3 = 22 (printed 22 / 40)
        "commission-by-contract": [4, 2, 3, 3, 3, 2, 2, 3],
        // lines 1256, 1261, 1262, 1263, 1268, 1269, 1274, 1275: 4+2+4+3+2+5+2+3 = 25 (printed 25)
        "trust": [4, 2, 4, 3, 2, 5, 2, 3],
        // lines 1296, 1297, 1298, 1299, 1300, 1301, 1306, 1307: 5+2+4+3+2+5+2+3 = 26 (printed 26)
        "cic": [5, 2, 4, 3, 2, 5, 2, 3],
        // lines 1316, 1317, 1322, 1323, 1328, 1329, 1334, 1335: 4+2+1+1+1+3+2+2 = 16 (printed 16)
        "mutual": [4, 2, 1, 1, 1, 3, 2, 2],
        // lines 1348, 1349, 1354, 1355, 1360, 1361, 1366, 1367: 3+2+2+2+3+2+2+2 = 18 (printed 18)
        "managing-agent": [3, 2, 2, 2, 3, 2, 2, 2],
        // lines 1376, 1381, 1382, 1383, 1388, 1389, 1394, 1395: 3+2+2+1+2+2+1+2 = 15 (printed 15)
        "joint-venture": [3, 2, 2, 1, 2, 2, 1, 2],
        // lines 1408, 1413, 1414, 1415, 1420, 1421, 1426, 1427: 4+3+3+3+3+3+3+4 = 26 (printed 24!)
        "shared-service": [4, 3, 3, 3, 3, 3, 3, 4],
    ]

    /// TOTAL SCORE rows of Annex 1 (lines 1211, 1244, 1280, 1308, 1340, 1368, 1400, 1431).
    private static let annex1Totals: [String: Int] = [
        "practice-partner": 33, "commission-by-contract": 22, "trust": 25, "cic": 26,
        "mutual": 16, "managing-agent": 18, "joint-venture": 15, "shared-service": 24,
    ]

    /// Table 6 order: Practice Partner, CIC, Wholly owned company, Shared Services, Commission by
    /// contract, Managing Agent, Mutual, Joint Venture.
    private static let table6Ranks: [String: Int] = [
        "practice-partner": 1, "cic": 2, "trust": 3, "shared-service": 4,
        "commission-by-contract": 5, "managing-agent": 6, "mutual": 7, "joint-venture": 8,
    ]

    private var file: AppraisalFile!
    private var appraisal: Appraisal!

    override func setUpWithError() throws {
        file = AppraisalFile(contentsOf: Self.url, name: "rotherham-ama-2017.json")
        appraisal = try XCTUnwrap(file.appraisal, "the reference appraisal should decode: \(file.diagnostics)")
    }

    // MARK: - Transcription

    func testTheHandTableAddsUpToTheAnnexTotalsExceptSharedService() {
        // Guards the table above against typing slips: every row but Shared Service sums to its
        // printed total; Shared Service's printed 24 is the publication's own error.
        for (option, scores) in Self.annex1 {
            let sum = scores.reduce(0, +)
            if option == "shared-service" {
                XCTAssertEqual(sum, 26)
                XCTAssertEqual(Self.annex1Totals[option], 24)
            } else {
                XCTAssertEqual(sum, Self.annex1Totals[option], option)
            }
        }
    }

    func testOptionAndCriterionIDsAreExactly() {
        XCTAssertEqual(appraisal.options.map(\.id), Self.optionIDs)
        XCTAssertEqual(appraisal.criteria.map(\.id), Self.criterionIDs)
        XCTAssertEqual(appraisal.id, "rotherham-ama-2017")
        XCTAssertEqual(appraisal.scale.minimum, .zero)
        XCTAssertEqual(appraisal.scale.maximum, Rational(5))
        XCTAssertEqual(appraisal.scale.step, .one)
        XCTAssertTrue(appraisal.criteria.allSatisfy { $0.weight == nil }, "Annex 1 weights every criterion equally")
    }

    func testAllSixtyFourScoresMatchAnnex1() {
        XCTAssertEqual(appraisal.scores.count, 64)
        var seen = Set<String>()
        for score in appraisal.scores {
            XCTAssertTrue(seen.insert("\(score.option)/\(score.criterion)").inserted, "scored twice: \(score.option)/\(score.criterion)")
        }
        for option in Self.optionIDs {
            for (index, criterion) in Self.criterionIDs.enumerated() {
                let expected = Rational(Self.annex1[option]![index])
                XCTAssertEqual(appraisal.score(option: option, criterion: criterion)?.value, expected, "\(option) on \(criterion)")
            }
        }
    }

    func testEveryScoreHasARationaleAndASource() {
        for score in appraisal.scores {
            let cell = "\(score.option) on \(score.criterion)"
            XCTAssertFalse(score.rationale.isEmpty, "\(cell) has no rationale")
            XCTAssertTrue(score.rationale.allSatisfy { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }, cell)
            XCTAssertFalse((score.source ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "\(cell) has no source")
        }
    }

    func testDeclaredTotalsAndRanks() {
        let withTotals = appraisal.declared.filter { !$0.totals.isEmpty }
        // Annex 1, Table 5 and the executive summary each print the totals.
        XCTAssertEqual(withTotals.count, 3)
        let annex = withTotals.first { $0.source.contains("Annex 1") }
        XCTAssertNotNil(annex, "a declaration for Annex 1's TOTAL SCORE rows")
        // Every declaration that prints totals prints the same eight: those of Annex 1.
        for declaration in withTotals {
            XCTAssertEqual(declaration.totals.map(\.option), Self.optionIDs, declaration.source)
            for entry in declaration.totals {
                XCTAssertEqual(entry.total, Rational(Self.annex1Totals[entry.option]!), "\(declaration.source): \(entry.option)")
            }
        }
        let withRanks = appraisal.declared.filter { !$0.ranks.isEmpty }
        XCTAssertEqual(withRanks.count, 1)
        XCTAssertTrue(withRanks.first?.source.contains("Table 6") == true)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: withRanks.first!.ranks.map { ($0.option, $0.rank) }), Self.table6Ranks)
    }

    // MARK: - Validation, ranking and reconciliation

    func testValidatesWithNoErrors() {
        XCTAssertTrue(file.isValid)
        XCTAssertEqual(file.diagnostics.errors, [])
        XCTAssertNotNil(file.fingerprint)
        // The warnings are the publication's own inconsistencies (checked in detail below) and the
        // Green Book's short-list roles it lacks: its preferred option is the continuation of the
        // current model (001:1922), recorded as the preferred way forward, and it appraised no
        // do-minimum.
        XCTAssertEqual(Set(file.diagnostics.warnings.map(\.code)), ["declared-total-mismatch", "declared-rank-mismatch",
                                                                    "short-list-without-business-as-usual", "short-list-without-do-minimum"])
        XCTAssertTrue(file.diagnostics.warnings.allSatisfy { $0.position != nil })
    }

    func testComputedRanking() throws {
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let weights = try XCTUnwrap(appraisal.defaultWeights)
        XCTAssertTrue(weights.areEqual)
        let ranking = Ranking(matrix: matrix, weights: weights)
        // Totals from the hand table: PP 33; CIC 26 and SS 26 share 2nd; Trust 25 is 4th; then
        // CbC 22, MA 18, Mutual 16, JV 15. Tied options keep the file's order (CIC before SS).
        XCTAssertEqual(ranking.entries.map(\.option),
                       ["practice-partner", "cic", "shared-service", "trust", "commission-by-contract",
                        "managing-agent", "mutual", "joint-venture"])
        XCTAssertEqual(ranking.entries.map(\.total), [33, 26, 26, 25, 22, 18, 16, 15].map(Rational.init))
        XCTAssertEqual(ranking.entries.map(\.rank), [1, 2, 2, 4, 5, 6, 7, 8])
        XCTAssertTrue(ranking.entries.allSatisfy { $0.maximum == Rational(40) })
        XCTAssertEqual(ranking.entry(for: "practice-partner")?.percent, Rational(165, 2))  // 33/40 = 82.5%
        XCTAssertEqual(ranking.entry(for: "cic")?.tiedWith, ["shared-service"])
        XCTAssertEqual(ranking.entry(for: "shared-service")?.tiedWith, ["cic"])
        XCTAssertEqual(ranking.leaders, ["practice-partner"])
        // Margins: 33−26 = 7, 0 (tie), 26−25 = 1, 25−22 = 3, 22−18 = 4, 18−16 = 2, 16−15 = 1.
        XCTAssertEqual(ranking.entries.map(\.marginToNext), [7, 0, 1, 3, 4, 2, 1].map { Optional(Rational($0)) } + [nil])
    }

    func testReconciliationFindsExactlyTheSharedServiceTotalAndTwoRanks() throws {
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let reconciliation = Reconciliation(appraisal: appraisal, matrix: matrix, weights: try XCTUnwrap(appraisal.defaultWeights))
        XCTAssertTrue(reconciliation.hasDeclarations)

        let totals = reconciliation.findings.filter { $0.field == .total }
        let declarationsWithTotals = appraisal.declared.indices.filter { !appraisal.declared[$0].totals.isEmpty }
        // One total finding per declaration that prints totals, each Shared Service 24 → 26.
        XCTAssertEqual(totals.map(\.location), declarationsWithTotals.map { "declared[\($0)].totals.shared-service" })
        for finding in totals {
            XCTAssertEqual(finding.option, "shared-service")
            XCTAssertEqual(finding.declared, Rational(24))
            XCTAssertEqual(finding.computed, Rational(26))
            XCTAssertEqual(finding.difference, Rational(2))
            XCTAssertEqual(finding.maximum, Rational(40))
        }

        // Table 6: Shared Service 4th → 2nd (=), Trust 3rd → 4th. CIC stays 2nd (now shared), so is not a finding.
        let ranks = reconciliation.findings.filter { $0.field == .rank }
        XCTAssertEqual(ranks.map(\.option), ["trust", "shared-service"])
        XCTAssertEqual(ranks.map(\.declared), [Rational(3), Rational(4)])
        XCTAssertEqual(ranks.map(\.computed), [Rational(4), Rational(2)])
        XCTAssertEqual(reconciliation.findings.count, totals.count + 2)

        XCTAssertEqual(reconciliation.moves.map(\.option), ["shared-service", "trust"])
        XCTAssertEqual(reconciliation.moves.map(\.declaredRank), [4, 3])
        XCTAssertEqual(reconciliation.moves.map(\.computedRank), [2, 4])
        XCTAssertEqual(reconciliation.moves.map(\.computedTied), [true, false])
    }

    func testConsequenceSentences() throws {
        let matrix = try XCTUnwrap(DecisionMatrix(appraisal))
        let reconciliation = Reconciliation(appraisal: appraisal, matrix: matrix, weights: try XCTUnwrap(appraisal.defaultWeights))
        let sentences = reconciliation.consequences(in: appraisal)
        XCTAssertEqual(sentences.first,
                       "The published total for Shared Service (24/40, Annex 1, TOTAL SCORE row of each option) is not the sum of its scores: 4 + 3 + 3 + 3 + 3 + 3 + 3 + 4 = 26/40.")
        XCTAssertTrue(sentences.contains(
            "With the totals the scores give, Shared Service moves from 4th to 2nd (tied with Community Interest Company on 26/40) and Wholly Owned Company – Trust moves from 3rd to 4th."),
            sentences.joined(separator: "\n"))
        XCTAssertEqual(sentences.last, "First place is unchanged: Peer Practice Partner (33/40).")
        // The total error is described once, not once per declaration repeating it.
        XCTAssertEqual(sentences.filter { $0.hasPrefix("The published total") }.count, 1)
    }

    func testWarningsPointAtTheDeclaredNumbers() {
        let warnings = file.diagnostics.warnings
        let totals = warnings.filter { $0.code == "declared-total-mismatch" }
        XCTAssertEqual(Set(totals.map(\.location)),
                       Set(appraisal.declared.indices.filter { !appraisal.declared[$0].totals.isEmpty }.map { "declared[\($0)].totals.shared-service" }))
        XCTAssertTrue(totals.allSatisfy { $0.message.contains("4 + 3 + 3 + 3 + 3 + 3 + 3 + 4 = 26/40") })
        let ranks = warnings.filter { $0.code == "declared-rank-mismatch" }
        XCTAssertEqual(ranks.map(\.message).sorted(), [
            "Table 6, order of listing ranks Shared Service 4th, but its scores rank it 2nd jointly with Community Interest Company.",
            "Table 6, order of listing ranks Wholly Owned Company – Trust 3rd, but its scores rank it 4th.",
        ])
    }
}
