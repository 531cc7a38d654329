import Foundation
import XCTest

/// `appraise export` and `appraise report` writing the pack, through the real executable.
final class ExportTests: XCTestCase {
    static let sensitivityFiles = ["sensitivity-weights.csv", "sensitivity-crossovers.csv", "sensitivity-endpoint-ties.csv", "sensitivity-pairs.csv", "sensitivity-scores.csv",
                                   "sensitivity-score-pairs.csv", "sensitivity-scenarios.csv", "sensitivity-leave-one-out.csv",
                                   "sensitivity-dominance.csv", "smaa-ranks.csv", "smaa-central-weights.csv", "smaa-exact.csv"]
    static let allFiles = (["SHA256SUMS", "criteria.csv", "manifest.json", "options.csv", "ranking.csv", "rationale.csv", "reconciliation.csv",
                            "report.html", "report.json", "report.md", "summary.md", "appraisal.csv", "groups.csv", "scale.csv", "score-matrix.csv", "weighted-matrix.csv", "evidence.csv",
                            "evidence-tensions.csv"] + sensitivityFiles + longListFiles + officeFiles).sorted()
    /// The reference appraisal records its long list (its stages and the review's one screening test).
    static let longListFiles = ["long-list.csv", "screening.csv", "screening-results.csv", "discounted-options.csv", "options-framework.csv"]
    static let officeFiles = ["report.docx", "workbook.xlsx", "chart-totals.svg", "chart-rank-acceptability.svg"]
        + ["child-focused", "partnerships", "commissioning", "political-oversight", "financial-viability", "workforce", "integration", "risk"]
        .map { "chart-sweep-\($0).svg" }

    /// File names in a folder, sorted, hidden files included.
    static func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testExportWritesOnlyTheChosenFormatsWithTheirManifest() throws {
        let out = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("pack")
        let result = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "md,csv", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Wrote 33 files to \(out.path)/\n")
        XCTAssertEqual(try Self.names(out), Self.allFiles.filter { $0 != "report.html" && $0 != "report.json" && !Self.officeFiles.contains($0) })
        let manifest = String(decoding: try Data(contentsOf: out.appendingPathComponent("manifest.json")), as: UTF8.self)
        XCTAssertTrue(manifest.contains("\"formats\": [\n      \"csv\",\n      \"md\"\n    ]"), manifest)
    }

    func testExportWritesEveryFormatByDefaultAndAcceptsRepeatedFormats() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let all = folder.appendingPathComponent("all"), two = folder.appendingPathComponent("two")
        XCTAssertEqual(try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--out", all.path]).status, 0)
        XCTAssertEqual(try Self.names(all), Self.allFiles)
        let result = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "html", "--format", "json",
                                               "--out", two.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Self.names(two), ["SHA256SUMS", "manifest.json", "report.html", "report.json"])
        // The same file written alone or with the others is the same file.
        for name in ["report.html", "report.json"] {
            XCTAssertEqual(try Data(contentsOf: all.appendingPathComponent(name)), try Data(contentsOf: two.appendingPathComponent(name)), name)
        }
    }

    func testOfficeFormatsAloneWriteTheirFilesAndTheManifest() throws {
        let out = try ExecutableRunner.temporaryFolder(self)
        let result = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "xlsx,docx", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Self.names(out), ["SHA256SUMS", "manifest.json", "report.docx", "workbook.xlsx"])
        let svg = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "svg", "--out", out.path])
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertEqual(try Self.names(out), (["SHA256SUMS", "manifest.json"] + Self.officeFiles.filter { $0.hasSuffix(".svg") }).sorted())
        XCTAssertEqual(try ExecutableRunner.run(["verify-pack", out.path]).status, 0)
    }

    func testUnknownFormatIsAUsageError() throws {
        let result = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "csv,pdf"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--format takes csv, md, json, html, docx, xlsx or svg (comma-separated), not 'pdf'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("USAGE: appraise export"), result.stderr)
    }

    func testANarrowerExportRemovesWhatTheOldPackListedAndNothingElse() throws {
        let out = try ExecutableRunner.temporaryFolder(self)
        try Data("kept".utf8).write(to: out.appendingPathComponent("notes.txt"))
        XCTAssertEqual(try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--out", out.path]).status, 0)
        XCTAssertEqual(try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--format", "json", "--out", out.path]).status, 0)
        XCTAssertEqual(try Self.names(out), ["SHA256SUMS", "manifest.json", "notes.txt", "report.json"])
        XCTAssertFalse(try Self.names(out).contains { $0.hasSuffix(".tmp") })
    }

    func testDefaultFolderIsExportsSlashTheAppraisalID() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try FileManager.default.copyItem(at: ExecutableRunner.referenceAppraisal, to: folder.appendingPathComponent("appraisal.json"))
        try ExecutableRunner.copyReferenceDatasets(to: folder)
        let result = try ExecutableRunner.run(["export", "appraisal.json", "--format", "csv"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Wrote 31 files to exports/rotherham-ama-2017/\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("exports/rotherham-ama-2017/ranking.csv").path))
    }

    func testReportPrintsTheSummaryAndWritesTheWholePack() throws {
        let out = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("pack")
        let result = try ExecutableRunner.run(["report", ExecutableRunner.referenceAppraisal.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The answer: Peer Practice Partner is the preferred option, first with 33/40"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("\nWrote 47 files to \(out.path)/\n"), result.stdout)
        XCTAssertEqual(try Self.names(out), Self.allFiles)
        let check = try ExecutableRunner.run(["verify-pack", out.path])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testAnInvalidAppraisalWritesNothing() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        try Data("{\"format\": 1}".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let result = try ExecutableRunner.run(["export", "broken.json", "--out", "pack"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("broken.json is not a usable appraisal"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack").path))
    }
}
