import Foundation
import XCTest
@testable import AppraiseKit

/// The programme keys read, written back and read again unchanged (so every editing command,
/// which rewrites the file, keeps them), and the problem an appraisal poses.
final class ProgrammeFileTests: XCTestCase {
    private var send: Appraisal {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("appraisals/rotherham-send-2017.json")
            let file = AppraisalFile(contentsOf: url)
            XCTAssertTrue(file.isValid, "\(file.diagnostics)")
            return try XCTUnwrap(file.appraisal)
        }
    }

    func testProgrammeKeysSurviveWritingAndReading() throws {
        var appraisal = try send
        appraisal.programme?.budgets.append(ProgrammeSettings.Budget(measure: "capital", limit: Rational(166_666), year: .label("2018/19")))
        appraisal.programme?.budgets.append(ProgrammeSettings.Budget(measure: "capital", limit: Rational(240_000), year: .offset(0)))
        appraisal.programme?.dependencies = [ProgrammeDependency(option: "pru-semh-april", needs: "pru-semh-january")]
        appraisal.programme?.exclusions = [["specialist-complex", "specialist-ld-asc"]]
        appraisal.programme?.ruledOut = ["post-16"]
        let text = AppraisalEncoding.text(appraisal)
        let again = AppraisalFile(data: Data(text.utf8), name: "again.json")
        XCTAssertTrue(again.isValid, "\(again.diagnostics)")
        XCTAssertEqual(again.appraisal, appraisal)
        XCTAssertEqual(AppraisalEncoding.text(try XCTUnwrap(again.appraisal)), text)
    }

    func testTheSENDProblemAsTheSeedStatesIt() throws {
        let appraisal = try send
        let problem = try XCTUnwrap(ProgrammeProblem(appraisal: appraisal, weights: try XCTUnwrap(appraisal.defaultWeights)))
        // Appendix 2 (seed 001, lines 3761–3776): 12 proposals, places adding to 125 (4.6),
        // costed capital adding to £1,237,000 (the "£1.2m" of 6.2), savings to £3,430,000 (line 3777).
        func sum(_ measure: String) -> Rational {
            problem.proposals.flatMap { $0.figures(measure: measure, year: nil) }.map { if case .exact(let v) = $0 { return v } else { return .zero } }.sum()
        }
        XCTAssertEqual(problem.proposals.count, 12)
        XCTAssertEqual(sum("places"), Rational(125))
        XCTAssertEqual(sum("capital"), Rational(1_237_000))
        XCTAssertEqual(sum("hnb-saving"), Rational(3_430_000))
        let unknown = problem.proposals.filter { $0.figures(measure: "capital", year: nil).contains { if case .unknown = $0 { return true } else { return false } } }
        XCTAssertEqual(unknown.map(\.id), ["waverley-asc", "early-years-transition", "post-16"])
        XCTAssertEqual(problem.budgets, [ProgrammeBudget(measure: "capital", limit: Rational(740_000))])
        XCTAssertEqual(problem.yearNames.first, "2017/18")
    }

    func testAProposalWithNoAmountOnAConstrainedMeasureIsNotKnownNeverZero() throws {
        var appraisal = try send
        appraisal.amounts.removeAll { $0.option == "nexus-sld" && $0.measure == "capital" }
        let problem = try XCTUnwrap(ProgrammeProblem(appraisal: appraisal, weights: try XCTUnwrap(appraisal.defaultWeights)))
        let nexus = try XCTUnwrap(problem.proposals.first { $0.id == "nexus-sld" })
        XCTAssertEqual(nexus.figures(measure: "capital", year: nil), [.unknown(ProgrammeProblem.noAmountText)])
        let solution = try ProgrammeOptimiser.solve(problem)
        XCTAssertTrue(solution.uncosted.contains("nexus-sld"))
    }
}
