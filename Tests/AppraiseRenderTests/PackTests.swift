import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// The pack as a whole: which files, in which order, the same numbers in every format.
final class PackTests: XCTestCase {
    static let sensitivityFiles = ["sensitivity-weights.csv", "sensitivity-crossovers.csv", "sensitivity-endpoint-ties.csv", "sensitivity-pairs.csv", "sensitivity-scores.csv",
                                   "sensitivity-score-pairs.csv", "sensitivity-scenarios.csv", "sensitivity-leave-one-out.csv",
                                   "sensitivity-dominance.csv", "smaa-ranks.csv", "smaa-central-weights.csv", "smaa-exact.csv"]
    static let evidenceFiles = ["evidence.csv", "evidence-tensions.csv"]
    /// The long list leads the pack, ahead of the scored short list.
    static let longListFiles = ["long-list.csv", "screening.csv", "screening-results.csv", "discounted-options.csv", "options-framework.csv"]

    func testFilesOfTheWholePackInAFixedOrder() throws {
        let pack = try PackFixtures.reference()
        XCTAssertEqual(pack.files().map(\.path), ["appraisal.csv"] + Self.longListFiles + [
            "criteria.csv", "options.csv", "groups.csv", "scale.csv", "ranking.csv", "score-matrix.csv", "weighted-matrix.csv", "rationale.csv",
            "reconciliation.csv",
        ] + Self.sensitivityFiles + Self.evidenceFiles + [
            "report.md", "summary.md", "report.json", "report.html", "report.docx", "workbook.xlsx", "chart-totals.svg",
        ] + pack.appraisal.criteria.map { "chart-sweep-\($0.id).svg" } + ["chart-rank-acceptability.svg", "manifest.json", "SHA256SUMS"])
        XCTAssertEqual(pack.files([.html, .md]).map(\.path), ["report.md", "summary.md", "report.html", "manifest.json", "SHA256SUMS"])
        XCTAssertEqual(pack.files([.json]).map(\.path), ["report.json", "manifest.json", "SHA256SUMS"])
    }

    func testBuildingTwiceGivesTheSameBytes() throws {
        let first = try PackFixtures.reference().files(), second = try PackFixtures.reference().files()
        XCTAssertEqual(first.map(\.path), second.map(\.path))
        for (a, b) in zip(first, second) { XCTAssertEqual(a.contents, b.contents, a.path) }
    }

    func testAnAppraisalWithoutDeclarationsHasNoReconciliation() throws {
        let pack = try PackFixtures.pack(PackFixtures.small())
        XCTAssertFalse(pack.files().map(\.path).contains("reconciliation.csv"))
        XCTAssertFalse(pack.markdown.contains("Reconciliation"))
        XCTAssertFalse(pack.html.contains("id=\"reconciliation\""))
        guard case .object(let json) = pack.json else { return XCTFail() }
        XCTAssertNil(json["reconciliation"])
    }

    func testTheJSONDocumentHoldsEveryTable() throws {
        let pack = try PackFixtures.reference()
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(pack.json.prettyText.utf8)) as? [String: Any])
        for key in ["appraisal", "generator", "headline", "weightSet", "criteria", "options", "ranking", "scoreMatrix", "weightedMatrix",
                    "rationale", "reconciliation"] {
            XCTAssertNotNil(document[key], key)
        }
        let criteria = try XCTUnwrap(document["criteria"] as? [[String: Any]])
        XCTAssertEqual(criteria.count, 8)
        XCTAssertEqual(criteria[0]["importance"] as? String, "1=")
        XCTAssertEqual((criteria[0]["weightShare"] as? NSNumber)?.doubleValue, 0.125)
        let options = try XCTUnwrap(document["options"] as? [[String: Any]])
        XCTAssertEqual(options[0]["groupName"] as? String, "Collaborative In House")
        XCTAssertEqual((options[0]["strengths"] as? [String])?.count, 4)
        let rationale = try XCTUnwrap(document["rationale"] as? [[String: Any]])
        XCTAssertEqual(rationale.count, 64)
        XCTAssertEqual(rationale.reduce(0) { $0 + (($1["bullets"] as? [Any])?.count ?? 0) }, 332)
        let weighted = try XCTUnwrap(document["weightedMatrix"] as? [String: Any])
        let contributions = try XCTUnwrap(weighted["contributions"] as? [String: [String: NSNumber]])
        XCTAssertEqual(contributions["shared-service"]?.values.reduce(0) { $0 + $1.doubleValue }, 26)
    }

    func testTheSameNumbersInEveryFormat() throws {
        let pack = try PackFixtures.reference()
        let csv = try RFC4180.parse(String(try PackFixtures.file(pack, "ranking.csv").dropFirst()))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(pack.json.prettyText.utf8)) as? [String: Any])
        let json = try XCTUnwrap(document["ranking"] as? [[String: Any]])
        let markdown = pack.markdown, html = pack.html
        XCTAssertEqual(csv.count - 1, json.count)
        for (row, entry) in zip(csv.dropFirst(), json) {
            let total = try XCTUnwrap(entry["total"] as? NSNumber).stringValue
            XCTAssertEqual(row[1], entry["option"] as? String)
            XCTAssertEqual(row[3], total)
            XCTAssertEqual(row[4], "40")
            // The ranking gives a published total that differs beside the computed one.
            let line = "| \(row[0]) | \(row[2]) | \(total)/40"
            XCTAssertTrue(markdown.contains(line), line)
            XCTAssertTrue(html.contains("<th scope=\"row\" data-label=\"Option\">\(HTML.escape(row[2]))</th><td class=\"num\" data-label=\"Total\">\(total)/40</td>")
                          || html.contains("<th scope=\"row\" data-label=\"Option\">\(HTML.escape(row[2]))</th><td class=\"num wrap corrected\" data-label=\"Total\">\(total)/40 ("),
                          row[2])
        }
    }

    func testScoresOnHalfPointsKeepTheirDecimals() throws {
        let half = [[Rational(9, 2), Rational(3), Rational(1, 2)], [Rational(3), Rational(3), Rational(3)], [Rational(2), Rational(2), Rational(2)]]
        let pack = try PackFixtures.pack(PackFixtures.small(scores: half, scale: ScoreScale(minimum: .zero, maximum: Rational(5), step: Rational(1, 2))))
        let matrix = try RFC4180.parse(String(try PackFixtures.file(pack, "score-matrix.csv").dropFirst()))
        XCTAssertEqual(matrix[1], ["alpha", "Alpha", "4.5", "3", "0.5", "8", "15", "53.3%", "2"])
        XCTAssertTrue(pack.markdown.contains("| Alpha | 4.5 | 3 | 0.5 | 8/15 | 53.3% | 2 |"))
    }

    func testRankingUnderAWeightSetIsRecorded() throws {
        var appraisal = PackFixtures.small()
        appraisal.weightSets = [WeightSet(id: "quality-first", name: "Quality first", weights: [("cost", Rational(1)), ("quality", Rational(3)), ("risk", Rational(1))])]
        let pack = try PackFixtures.pack(appraisal, weights: "quality-first")
        let manifest = try PackManifest(parsing: try XCTUnwrap(pack.files().first { $0.path == "manifest.json" }?.contents))
        XCTAssertEqual(manifest.settings["weightSet"], .string("quality-first"))
        XCTAssertTrue(pack.markdown.contains("under Quality first."))
        XCTAssertTrue(try PackFixtures.file(pack, "criteria.csv").contains("cost,Cost,\"Offers 1a\nOffers 1b\",1,20.0%,2=\r\n"))
    }

    func testSensitivityIsInEveryFormatWithTheAcceptabilityMethodInTheManifest() throws {
        let pack = try PackFixtures.reference()
        let files = pack.files()
        let manifest = try PackManifest(parsing: try XCTUnwrap(files.first { $0.path == "manifest.json" }?.contents))
        // 8 × 8 is of everyday size: SMAA is exact, and the manifest says so.
        XCTAssertEqual(manifest.settings["smaa"], .object(["method": .string("exact"), "weights": .string("uniform")]))
        guard case .object(let json) = pack.json, case .object(let sensitivity)? = json["sensitivity"],
              case .object(let smaa)? = sensitivity["smaa"] else { return XCTFail("no sensitivity in report.json") }
        XCTAssertEqual(smaa["method"], .string("exact"))
        guard case .object(let exact)? = smaa["rankAcceptabilityExact"] else { return XCTFail("no exact shares") }
        XCTAssertEqual(exact["practice-partner"], .array([.string("31/32"), .string("3/128"), .string("1/128")]
            + Array(repeating: .string("0"), count: 5)))
        XCTAssertNotNil(sensitivity["analyses"])
        let ranks = try RFC4180.parse(String(try PackFixtures.file(pack, "smaa-ranks.csv").dropFirst()))
        XCTAssertEqual(ranks[0].first, "Option")
        XCTAssertEqual(ranks.count, 9, "one row per option")
        let fractions = try RFC4180.parse(String(try PackFixtures.file(pack, "smaa-exact.csv").dropFirst()))
        XCTAssertEqual(fractions[1], ["Peer Practice Partner", "Rank 1", "31/32", "96.88%"])
        XCTAssertTrue(pack.markdown.contains("\n## Appendix D: How robust the ranking is\n\n- Peer Practice Partner is first with 33 of 40 points"))
        XCTAssertTrue(pack.markdown.contains("Peer Practice Partner is first under exactly 31/32 (96.88%)"))
        XCTAssertTrue(pack.markdown.contains(": How often each option takes each rank\n"))
    }

    /// Beyond the exact analysis's budget (judged before it starts from the size and the length
    /// of the numbers) the pack samples, and says how and why; within it, many options on few
    /// criteria are exact.
    func testLargeAppraisalsSampleWithTheSettingsAndTheReasonInTheManifest() throws {
        func appraisal(options: Int, criteria: Int) -> Appraisal {
            var appraisal = PackFixtures.small()
            let option = appraisal.options[0], criterion = appraisal.criteria[0]
            let optionIDs = (0..<options).map { "o\($0)" }, criterionIDs = (0..<criteria).map { "c\($0)" }
            appraisal.options = optionIDs.map { id in
                var copy = option
                copy.id = id
                copy.name = "Option \(id)"
                copy.shortName = nil
                return copy
            }
            appraisal.criteria = criterionIDs.map { id in
                var copy = criterion
                copy.id = id
                copy.name = "Criterion \(id)"
                copy.shortName = nil
                return copy
            }
            var random = Xoshiro256StarStar(seed: 12)
            appraisal.scores = optionIDs.flatMap { option in
                criterionIDs.map { Score(option: option, criterion: $0, value: Rational(Int(random.nextInteger(below: 6))), rationale: []) }
            }
            return appraisal
        }
        let pack = try PackFixtures.pack(appraisal(options: 12, criteria: 10))
        let manifest = try PackManifest(parsing: try XCTUnwrap(pack.files().first { $0.path == "manifest.json" }?.contents))
        let defaults = SMAA.Configuration()
        let reason = "computing them exactly for 12 options and 10 criteria with numbers of this length could take longer than a report allows"
        XCTAssertEqual(manifest.settings["smaa"], .object([
            "method": .string("sampled"), "samples": .number(defaults.samples), "seed": .number(String(defaults.seed)),
            "weights": .string("uniform"), "scoreSpread": .number(0), "whyNotExact": .string(reason),
        ]))
        XCTAssertFalse(pack.files().contains { $0.path == "smaa-exact.csv" })
        let markdown = try PackFixtures.file(pack, "report.md")
        XCTAssertTrue(markdown.contains("These shares are sampled rather than exact: \(reason)."))
        XCTAssertTrue(markdown.contains("Sampled rather than exact: \(reason)."))

        let many = try PackFixtures.pack(appraisal(options: 13, criteria: 3))
        let exact = try PackManifest(parsing: try XCTUnwrap(many.files().first { $0.path == "manifest.json" }?.contents))
        XCTAssertEqual(exact.settings["smaa"], .object(["method": .string("exact"), "weights": .string("uniform")]))
        XCTAssertTrue(many.files().contains { $0.path == "smaa-exact.csv" })
    }

    /// A panel member's score is a row of its own, named, beside the cell's agreed score.
    func testPanelScoresAppearInTheRationaleWithTheirScorer() throws {
        var appraisal = PackFixtures.small()
        appraisal.scores.append(Score(option: "alpha", criterion: "cost", scorer: "Ann Example", value: Rational(5),
                                      rationale: [RationaleBullet(kind: .for, text: "Ann's reason.")]))
        let pack = try PackFixtures.pack(appraisal)
        let rationale = try RFC4180.parse(String(try PackFixtures.file(pack, "rationale.csv").dropFirst()))
        XCTAssertEqual(rationale[0][5], "Scorer")
        XCTAssertEqual(rationale[1][0...5], ["alpha", "Alpha", "cost", "Cost", "4", ""])
        XCTAssertEqual(rationale[2][0...6], ["alpha", "Alpha", "cost", "Cost", "5", "Ann Example", "Ann's reason."])
        XCTAssertTrue(try PackFixtures.file(pack, "report.md").contains("#### Cost: 5/5 (scored by Ann Example)"))
        XCTAssertTrue(try PackFixtures.file(pack, "report.html").contains("(scored by Ann Example)</summary>"))
    }
}
