import AppraiseKit
import Foundation
import XCTest

/// `appraise verify-pack`: exit 0 for an untouched pack, exit 1 naming every altered file.
final class VerifyPackTests: XCTestCase {
    private func freshPack() throws -> URL {
        let out = try ExecutableRunner.temporaryFolder(self).appendingPathComponent("pack")
        let result = try ExecutableRunner.run(["export", ExecutableRunner.referenceAppraisal.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return out
    }

    func testAnUntouchedPackPasses() throws {
        let pack = try freshPack()
        let result = try ExecutableRunner.run(["verify-pack", pack.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\(pack.path): the 45 files listed in manifest.json, the manifest and SHA256SUMS all match "
                                              + "(appraisal rotherham-ama-2017, fingerprint sha256:"), result.stdout)
        XCTAssertEqual(result.stderr, "")
    }

    func testAnAlteredFileIsNamed() throws {
        let pack = try freshPack()
        let file = pack.appendingPathComponent("ranking.csv")
        var data = try Data(contentsOf: file)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "33,40", with: "35,40")
        XCTAssertNotEqual(Data(text.utf8), data)
        data = Data(text.utf8)
        try data.write(to: file)
        let result = try ExecutableRunner.run(["verify-pack", pack.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("appraise verify-pack: \(pack.path): ranking.csv has been altered: its SHA-256 is \(SHA256.hexDigest(data))"),
                      result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("appraise verify-pack: \(pack.path) does not match its manifest (1 problem)\n"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testMissingAndAddedFilesAreNamed() throws {
        let pack = try freshPack()
        try FileManager.default.removeItem(at: pack.appendingPathComponent("report.md"))
        try Data("x".utf8).write(to: pack.appendingPathComponent("extra.csv"))
        let result = try ExecutableRunner.run(["verify-pack", pack.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("report.md is missing: the manifest lists it but the folder does not have it"), result.stderr)
        XCTAssertTrue(result.stderr.contains("extra.csv is not part of the pack"), result.stderr)
        XCTAssertTrue(result.stderr.contains("(2 problems)"), result.stderr)
    }

    func testAnEditedManifestIsCaughtBySHA256SUMS() throws {
        let pack = try freshPack()
        let manifest = pack.appendingPathComponent("manifest.json")
        let text = String(decoding: try Data(contentsOf: manifest), as: UTF8.self).replacingOccurrences(of: "\"default\"", with: "\"equal\"")
        try Data(text.utf8).write(to: manifest)
        let result = try ExecutableRunner.run(["verify-pack", pack.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("SHA256SUMS does not match manifest.json: one of them has been altered"), result.stderr)
    }

    func testTheAppraisalItCameFromCanBeChecked() throws {
        let pack = try freshPack()
        let same = try ExecutableRunner.run(["verify-pack", pack.path, "--appraisal", ExecutableRunner.referenceAppraisal.path])
        XCTAssertEqual(same.status, 0, same.stderr)

        let folder = try ExecutableRunner.temporaryFolder(self)
        let other = folder.appendingPathComponent("other.json")
        let source = String(decoding: try Data(contentsOf: ExecutableRunner.referenceAppraisal), as: UTF8.self)
        try Data(source.replacingOccurrences(of: "\"date\": \"2017-04\"", with: "\"date\": \"2017-05\"").utf8).write(to: other)
        let different = try ExecutableRunner.run(["verify-pack", pack.path, "--appraisal", other.path])
        XCTAssertEqual(different.status, 1)
        XCTAssertTrue(different.stderr.contains("the pack was written from an appraisal with fingerprint sha256:"), different.stderr)
        XCTAssertTrue(different.stderr.contains("but \(other.path) has sha256:"), different.stderr)
    }

    func testAFolderThatIsNotAPack() throws {
        let folder = try ExecutableRunner.temporaryFolder(self)
        let empty = try ExecutableRunner.run(["verify-pack", folder.path])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("\(folder.path) has no manifest.json; give the folder written by 'appraise report' or 'appraise export'"),
                      empty.stderr)

        try Data("{not json".utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let broken = try ExecutableRunner.run(["verify-pack", folder.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("manifest.json is not valid JSON"), broken.stderr)

        let nowhere = try ExecutableRunner.run(["verify-pack", folder.appendingPathComponent("nowhere").path])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("cannot read the folder"), nowhere.stderr)

        let usage = try ExecutableRunner.run(["verify-pack"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("missing DIR"), usage.stderr)
    }
}
