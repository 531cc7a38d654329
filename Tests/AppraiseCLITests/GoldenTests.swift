import Foundation
import XCTest

/// The committed exports of the reference appraisal are exactly what the tool writes today,
/// byte for byte, and pass their own manifest. Regenerate them with
/// `swift run appraise report appraisals/rotherham-ama-2017.json` when the pack changes on purpose.
final class GoldenTests: XCTestCase {
    private var golden: URL { ExecutableRunner.packageRoot.appendingPathComponent("exports/rotherham-ama-2017") }

    func testTheCommittedExportsAreWhatTheToolWrites() throws {
        let out = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("pack")
        let result = try ExecutableRunner.run(["report", ExecutableRunner.referenceAppraisal.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = try ExportTests.names(golden), written = try ExportTests.names(out)
        XCTAssertEqual(written, expected, "the pack's files differ from exports/rotherham-ama-2017")
        for name in written where expected.contains(name) {
            let committed = try Data(contentsOf: golden.appendingPathComponent(name))
            XCTAssertTrue(try Data(contentsOf: out.appendingPathComponent(name)) == committed,
                          "\(name) differs from the committed golden file; regenerate with 'swift run appraise report appraisals/rotherham-ama-2017.json'")
        }
    }

    func testTheCommittedExportsPassTheirManifest() throws {
        let result = try ExecutableRunner.run(["verify-pack", golden.path, "--appraisal", ExecutableRunner.referenceAppraisal.path])
        XCTAssertEqual(result.status, 0, result.stderr)
    }
}
