import AppraiseKit
import Foundation

enum VerifyPackCommand {
    static let spec = CommandSpec(
        name: "verify-pack",
        abstract: "Check that a pack's files are exactly the ones its manifest lists.",
        discussion: """
        Recomputes the SHA-256 of every file in DIR and compares it with manifest.json and
        SHA256SUMS. Exit 0 when every file matches; exit 1 naming each file that was altered,
        is missing, or was added. With --appraisal, also checks that the pack was written from
        that appraisal file (same fingerprint).
        """,
        arguments: [.init(name: "DIR", help: "The pack's folder, e.g. exports/<appraisal-id>.")],
        options: [.init(name: "appraisal", value: "FILE", help: "The appraisal file the pack should come from.")],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("DIR")!
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw InputError(message: "cannot read the folder \(path); check the path")
        }
        guard let manifestData = FileManager.default.contents(atPath: folder.appendingPathComponent(PackManifest.fileName).path) else {
            throw InputError(message: "\(path) has no \(PackManifest.fileName); give the folder written by 'appraise report' or 'appraise export'")
        }
        let manifest: PackManifest
        do {
            manifest = try PackManifest(parsing: manifestData)
        } catch {
            throw InputError(message: "\(path): \(error.message)")
        }
        var contents: [String: Data] = [:]
        for name in names {
            // A folder or unreadable entry counts as empty, so it is still named if out of place.
            contents[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
        }
        var problems = manifest.discrepancies(in: contents).map(\.message)
        if let appraisalPath = arguments.value("appraisal", spec: spec) {
            let file = AppraisalFile(contentsOf: URL(fileURLWithPath: appraisalPath), name: appraisalPath)
            guard let fingerprint = file.fingerprint else {
                throw InputError(message: "\(appraisalPath) cannot be read as JSON, so its fingerprint cannot be compared")
            }
            if fingerprint != manifest.fingerprint {
                problems.append("the pack was written from an appraisal with fingerprint \(manifest.fingerprint), "
                                + "but \(appraisalPath) has \(fingerprint)")
            }
        }
        guard problems.isEmpty else {
            for problem in problems { console.error("appraise verify-pack: \(path): \(problem)") }
            throw InputError(message: "\(path) does not match its manifest (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
        }
        console.out("\(path): the \(manifest.files.count) files listed in \(PackManifest.fileName), the manifest and \(PackManifest.checksumsFileName) "
                    + "all match (appraisal \(manifest.appraisalID), fingerprint \(manifest.fingerprint), written by appraise \(manifest.toolVersion)).\n")
        return .success
    }
}
