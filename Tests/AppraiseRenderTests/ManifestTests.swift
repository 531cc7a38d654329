import AppraiseKit
import AppraiseRender
import Foundation
import XCTest

/// manifest.json and SHA256SUMS: what the pack holds, and proof of whether it was altered.
final class ManifestTests: XCTestCase {
    private func folder(_ pack: ReportPack, formats: [PackFormat] = PackFormat.allCases) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: pack.files(formats).map { ($0.path, $0.contents) })
    }

    private func manifest(_ folder: [String: Data]) throws -> PackManifest {
        try PackManifest(parsing: XCTUnwrap(folder[PackManifest.fileName]))
    }

    func testManifestListsEveryFileWithItsDigestAndNothingMachineSpecific() throws {
        let pack = try PackFixtures.reference()
        let files = folder(pack)
        let manifest = try manifest(files)
        XCTAssertEqual(manifest.appraisalID, "rotherham-ama-2017")
        XCTAssertEqual(manifest.fingerprint, pack.fingerprint)
        XCTAssertEqual(manifest.toolVersion, "9.9.9-test")
        XCTAssertEqual(manifest.settings["weightSet"], .string("default"))
        XCTAssertEqual(manifest.settings["formats"], .array(["csv", "md", "json", "html", "docx", "xlsx", "svg"].map(JSONValue.string)))
        XCTAssertEqual(manifest.files.map(\.path), pack.files().map(\.path).filter { $0 != "manifest.json" && $0 != "SHA256SUMS" })
        for entry in manifest.files {
            let data = try XCTUnwrap(files[entry.path])
            XCTAssertEqual(entry.sha256, SHA256.hexDigest(data))
            XCTAssertEqual(entry.byteCount, data.count)
        }
        let text = PackFixtures.string(try XCTUnwrap(files[PackManifest.fileName]))
        XCTAssertNil(text.range(of: #"20\d\d-\d\d-\d\dT|\d\d:\d\d:\d\d"#, options: .regularExpression), "no timestamps")
        XCTAssertFalse(text.contains("/tmp") || text.contains("/work") || text.contains("/home"), "no paths")
        XCTAssertEqual(text, manifest.json.prettyText, "parsing and writing give the same bytes")
    }

    func testChecksumsAreWhatSha256sumPrintsAndCoverTheManifest() throws {
        let files = folder(try PackFixtures.pack(PackFixtures.small()), formats: [.md])
        let sums = PackFixtures.string(try XCTUnwrap(files[PackManifest.checksumsFileName]))
        let lines = sums.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], SHA256.hexDigest(try XCTUnwrap(files["report.md"])) + "  report.md")
        XCTAssertEqual(lines[1], SHA256.hexDigest(try XCTUnwrap(files["summary.md"])) + "  summary.md")
        XCTAssertEqual(lines[2], SHA256.hexDigest(try XCTUnwrap(files["manifest.json"])) + "  manifest.json")
        // The digest of "abc" from FIPS 180-4, in the same form.
        let abc = PackManifest(appraisalID: "x", fingerprint: "f", toolVersion: "v", settings: [:],
                               files: [.init(path: "abc.txt", contents: Data("abc".utf8))])
        XCTAssertTrue(PackFixtures.string(abc.checksums).hasPrefix("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  abc.txt\n"))
    }

    func testAnUntouchedPackHasNoDiscrepancies() throws {
        let files = folder(try PackFixtures.reference())
        XCTAssertEqual(try manifest(files).discrepancies(in: files), [])
        var withLitter = files
        withLitter[".DS_Store"] = Data([1, 2, 3])
        XCTAssertEqual(try manifest(files).discrepancies(in: withLitter), [], "hidden operating-system files are not part of a pack")
    }

    func testEveryKindOfAlterationIsNamed() throws {
        let files = folder(try PackFixtures.pack(PackFixtures.small()))
        let manifest = try manifest(files)

        var altered = files
        var csv = try XCTUnwrap(altered["ranking.csv"])
        csv[csv.count - 3] ^= 1
        altered["ranking.csv"] = csv
        let found = manifest.discrepancies(in: altered)
        XCTAssertEqual(found.count, 1)
        guard case .altered("ranking.csv", let expected, let actual) = found.first else { return XCTFail("\(found)") }
        XCTAssertEqual(expected, SHA256.hexDigest(try XCTUnwrap(files["ranking.csv"])))
        XCTAssertEqual(actual, SHA256.hexDigest(csv))
        XCTAssertTrue(found[0].message.hasPrefix("ranking.csv has been altered: its SHA-256 is \(actual), but the manifest records \(expected)"))

        var missing = files
        missing["report.html"] = nil
        XCTAssertEqual(manifest.discrepancies(in: missing), [.missing("report.html")])

        var added = files
        added["notes.txt"] = Data("added later".utf8)
        XCTAssertEqual(manifest.discrepancies(in: added), [.unlisted("notes.txt")])

        var sums = files
        sums[PackManifest.checksumsFileName] = Data("0000  report.md\n".utf8)
        XCTAssertEqual(manifest.discrepancies(in: sums), [.checksumsDisagree])

        var noSums = files
        noSums[PackManifest.checksumsFileName] = nil
        XCTAssertEqual(manifest.discrepancies(in: noSums), [.missing("SHA256SUMS")])
    }

    func testEditingTheManifestToHideAnAlterationIsCaught() throws {
        let files = folder(try PackFixtures.pack(PackFixtures.small()))
        var forged = files
        let newCSV = Data("forged\r\n".utf8)
        forged["ranking.csv"] = newCSV
        let original = try manifest(files)
        let rewritten = PackManifest(
            appraisalID: original.appraisalID, fingerprint: original.fingerprint, toolVersion: original.toolVersion, settings: original.settings,
            files: original.files.map { $0.path == "ranking.csv" ? PackManifest.Entry(path: $0.path, contents: newCSV) : $0 })
        forged[PackManifest.fileName] = rewritten.contents
        XCTAssertEqual(rewritten.discrepancies(in: forged), [.checksumsDisagree], "SHA256SUMS still holds the manifest's old digest")
    }

    func testUnreadableManifestsAreRefusedWithAReason() {
        func error(_ text: String) -> String? {
            do {
                _ = try PackManifest(parsing: Data(text.utf8))
                return nil
            } catch {
                return error.message
            }
        }
        XCTAssertTrue(error("{")?.hasPrefix("manifest.json is not valid JSON") == true)
        XCTAssertEqual(error("[]"), "manifest.json is not a JSON object")
        XCTAssertTrue(error(#"{"format": 2}"#)?.contains("not written by this version") == true)
        XCTAssertEqual(error(#"{"format": 1, "appraisal": {}}"#), "manifest.json needs appraisal, generator, settings and files")
        let badDigest = #"{"format": 1, "appraisal": {"id": "a", "fingerprint": "f"}, "generator": {"version": "1"}, "settings": {}, "#
            + #""files": [{"path": "a.csv", "sha256": "ABC", "bytes": 1}]}"#
        XCTAssertEqual(error(badDigest), "manifest.json files[0] sha256 is not 64 lower-case hex digits")
    }
}
