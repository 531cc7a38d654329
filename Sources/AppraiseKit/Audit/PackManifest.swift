import Foundation

/// What an export pack holds and the SHA-256 of every file in it, so that an auditor can show,
/// long after the meeting, that the tables filed with a committee report are the ones the tool
/// wrote from that appraisal.
///
/// Nothing in it depends on when or where the pack was written (no dates, paths or host
/// names): the same appraisal and settings give a byte-identical manifest on any machine.
public struct PackManifest: Sendable, Equatable {
    /// The manifest's own name inside the pack.
    public static let fileName = "manifest.json"
    /// The same digests in the form `sha256sum -c` reads, so a pack can be checked without
    /// this tool; it also covers `manifest.json`.
    public static let checksumsFileName = "SHA256SUMS"
    /// Layout version of the manifest, so a reader can tell later layouts apart.
    public static let format = 1

    /// One file of the pack.
    public struct Entry: Sendable, Equatable {
        /// Name inside the pack's folder.
        public let path: String
        /// 64 lower-case hex digits, as `sha256sum` prints them.
        public let sha256: String
        public let byteCount: Int

        public init(path: String, sha256: String, byteCount: Int) {
            self.path = path
            self.sha256 = sha256
            self.byteCount = byteCount
        }

        public init(path: String, contents: Data) {
            self.init(path: path, sha256: SHA256.hexDigest(contents), byteCount: contents.count)
        }
    }

    public let appraisalID: String
    /// The appraisal's fingerprint (`sha256:` + digest of its canonical form).
    public let fingerprint: String
    public let toolVersion: String
    /// What the pack was generated with: weighting, formats, sampling seed and sample count.
    public let settings: [String: JSONValue]
    /// Every file written, in the order written; the manifest and SHA256SUMS are not listed.
    public let files: [Entry]
    /// The journal that produced the appraisal, when it has one that verifies: a pack filed in
    /// committee papers then pins the journal (`appraise verify FILE --head HEAD` checks it later).
    public let journal: Journal?

    /// The head of an appraisal's journal (the SHA-256 of its last line) and its length.
    public struct Journal: Sendable, Equatable {
        public let head: String
        public let entries: Int

        public init(head: String, entries: Int) {
            self.head = head
            self.entries = entries
        }
    }

    public init(appraisalID: String, fingerprint: String, toolVersion: String, settings: [String: JSONValue], files: [Entry],
                journal: Journal? = nil) {
        self.appraisalID = appraisalID
        self.fingerprint = fingerprint
        self.toolVersion = toolVersion
        self.settings = settings
        self.files = files
        self.journal = journal
    }

    public var json: JSONValue {
        var appraisal: [String: JSONValue] = ["id": .string(appraisalID), "fingerprint": .string(fingerprint)]
        if let journal {
            appraisal["journal"] = .object(["head": .string(journal.head), "entries": .number(journal.entries)])
        }
        return .object([
            "format": .number(PackManifest.format),
            "appraisal": .object(appraisal),
            "generator": .object(["tool": .string("appraise"), "version": .string(toolVersion)]),
            "settings": .object(settings),
            "files": .array(files.map { .object(["path": .string($0.path), "sha256": .string($0.sha256), "bytes": .number($0.byteCount)]) }),
        ])
    }

    /// The bytes of `manifest.json`.
    public var contents: Data { Data(json.prettyText.utf8) }

    /// The bytes of `SHA256SUMS`: every listed file, then the manifest itself.
    public var checksums: Data {
        var text = ""
        for entry in files + [Entry(path: PackManifest.fileName, contents: contents)] {
            text += "\(entry.sha256)  \(entry.path)\n"
        }
        return Data(text.utf8)
    }

    /// Compares a pack's folder, given as file name to bytes, with this manifest. Every file
    /// that differs is named, so a reader knows exactly what was altered; names starting with
    /// "." (operating-system litter such as .DS_Store) are not part of a pack and are ignored.
    public func discrepancies(in folder: [String: Data]) -> [Discrepancy] {
        var found: [Discrepancy] = []
        for entry in files {
            guard let data = folder[entry.path] else {
                found.append(.missing(entry.path))
                continue
            }
            let actual = SHA256.hexDigest(data)
            if actual != entry.sha256 { found.append(.altered(entry.path, expected: entry.sha256, actual: actual)) }
        }
        if let sums = folder[PackManifest.checksumsFileName] {
            if sums != checksums { found.append(.checksumsDisagree) }
        } else {
            found.append(.missing(PackManifest.checksumsFileName))
        }
        let known = Set(files.map(\.path) + [PackManifest.fileName, PackManifest.checksumsFileName])
        for name in folder.keys.sorted() where !known.contains(name) && !name.hasPrefix(".") {
            found.append(.unlisted(name))
        }
        return found
    }

    /// Reads `manifest.json`, strictly: a manifest that cannot be read proves nothing.
    public init(parsing data: Data) throws(PackManifestError) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw PackManifestError(message: "manifest.json is not valid JSON (\(error.message) at \(error.position))")
        }
        guard case .object(let object) = JSONValue(root) else { throw PackManifestError(message: "manifest.json is not a JSON object") }
        func string(_ value: JSONValue?, _ name: String) throws(PackManifestError) -> String {
            guard case .string(let text)? = value else { throw PackManifestError(message: "manifest.json has no \(name)") }
            return text
        }
        guard case .number(let format)? = object["format"], format == String(PackManifest.format) else {
            throw PackManifestError(message: "manifest.json has no format \(PackManifest.format); it was not written by this version of appraise")
        }
        guard case .object(let appraisal)? = object["appraisal"], case .object(let generator)? = object["generator"],
              case .object(let settings)? = object["settings"], case .array(let fileValues)? = object["files"] else {
            throw PackManifestError(message: "manifest.json needs appraisal, generator, settings and files")
        }
        var entries: [Entry] = []
        for (index, value) in fileValues.enumerated() {
            guard case .object(let file) = value, case .number(let bytes)? = file["bytes"], let byteCount = Int(bytes) else {
                throw PackManifestError(message: "manifest.json files[\(index)] needs path, sha256 and bytes")
            }
            let path = try string(file["path"], "path for files[\(index)]")
            let digest = try string(file["sha256"], "sha256 for files[\(index)]")
            guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw PackManifestError(message: "manifest.json files[\(index)] sha256 is not 64 lower-case hex digits")
            }
            entries.append(Entry(path: path, sha256: digest, byteCount: byteCount))
        }
        var journal: Journal?
        if let value = appraisal["journal"] {
            guard case .object(let fields) = value, case .string(let head)? = fields["head"], case .number(let count)? = fields["entries"],
                  let entries = Int(count) else {
                throw PackManifestError(message: "manifest.json appraisal.journal needs head and entries")
            }
            journal = Journal(head: head, entries: entries)
        }
        self.init(appraisalID: try string(appraisal["id"], "appraisal id"), fingerprint: try string(appraisal["fingerprint"], "appraisal fingerprint"),
                  toolVersion: try string(generator["version"], "generator version"), settings: settings, files: entries, journal: journal)
    }
}

/// Why a pack's folder does not match its manifest.
public enum Discrepancy: Sendable, Equatable {
    case altered(String, expected: String, actual: String)
    case missing(String)
    case unlisted(String)
    /// SHA256SUMS is not the one the manifest gives: one of the two was edited.
    case checksumsDisagree

    /// One sentence naming the file and what is wrong with it.
    public var message: String {
        switch self {
        case .altered(let path, let expected, let actual):
            "\(path) has been altered: its SHA-256 is \(actual), but the manifest records \(expected)"
        case .missing(let path):
            "\(path) is missing: the manifest lists it but the folder does not have it"
        case .unlisted(let path):
            "\(path) is not part of the pack: the manifest does not list it, so it was added or renamed afterwards"
        case .checksumsDisagree:
            "\(PackManifest.checksumsFileName) does not match \(PackManifest.fileName): one of them has been altered"
        }
    }
}

public struct PackManifestError: Error, Sendable, Equatable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
