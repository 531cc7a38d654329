import Foundation

/// One line of an appraisal's journal (`FILE.journal`, JSON Lines): who changed the file,
/// when, with which command and why, what changed (old and new values), the fingerprints of
/// the file before and after, and the SHA-256 of the line before it, so that removing,
/// reordering or altering any entry breaks the chain.
///
/// A line is the entry's canonical JSON (sorted keys, no white space), so the same entry is
/// always the same bytes and its hash is well defined.
public struct JournalEntry: Sendable, Equatable {
    /// Position in the journal, from 1.
    public var number: Int
    /// UTC time of the change, ISO 8601 (`2025-03-04T09:15:00Z`).
    public var time: String
    /// Who made the change.
    public var author: String
    /// The command that made it (`score`, `criterion add`, `adopt`).
    public var action: String
    /// Why, in the author's words.
    public var reason: String?
    public var changes: [JournalChange]
    /// Fingerprint of the file before the change; nil for the entry that created it.
    public var before: String?
    /// Fingerprint of the file after the change.
    public var after: String
    /// `sha256:` + SHA-256 of the previous line's bytes; nil for the first entry.
    public var previous: String?

    public init(
        number: Int, time: String, author: String, action: String, reason: String?, changes: [JournalChange],
        before: String?, after: String, previous: String?
    ) {
        self.number = number
        self.time = time
        self.author = author
        self.action = action
        self.reason = reason
        self.changes = changes
        self.before = before
        self.after = after
        self.previous = previous
    }

    /// The entry as one journal line, without the line break.
    public var line: String { json.canonicalText }

    /// The entry as a JSON object, with the keys of its journal line.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "entry": .number(number), "at": .string(time), "by": .string(author), "action": .string(action),
            "changes": .array(changes.map(\.json)), "after": .string(after),
        ]
        members["reason"] = reason.map(JSONValue.string)
        members["before"] = before.map(JSONValue.string)
        members["previous"] = previous.map(JSONValue.string)
        return .object(members)
    }

    /// The changes that concern a criterion and an option (either nil for any), for a history
    /// of one criterion, one option or one cell.
    public func changes(criterion: String?, option: String?) -> [JournalChange] {
        changes.filter { change in
            (criterion.map(change.concerns(criterion:)) ?? true) && (option.map(change.concerns(option:)) ?? true)
        }
    }

    /// The hash the next entry records as its `previous`.
    public static func hash(ofLine line: Substring) -> String {
        "sha256:" + SHA256.hexDigest(Data(line.utf8))
    }

    /// Why a line is not a journal entry: the field at fault and what is wrong with it.
    public struct FormatError: Error, Sendable, Equatable {
        public let message: String
    }

    /// The line with a line break after each comma, colon and opening bracket outside strings:
    /// the same JSON, in a shape `JSONParser` reads in linear time. (It finds each value's
    /// column by scanning from the start of its line, which is quadratic on one long line, and
    /// an entry can hold a whole appraisal.)
    static func brokenIntoLines(_ line: Substring) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count * 2)
        var inString = false, escaped = false
        for byte in line.utf8 {
            bytes.append(byte)
            switch (inString, byte) {
            case (true, _) where escaped: escaped = false
            case (true, UInt8(ascii: "\\")): escaped = true
            case (_, UInt8(ascii: "\"")): inString.toggle()
            case (false, UInt8(ascii: ",")), (false, UInt8(ascii: ":")), (false, UInt8(ascii: "{")), (false, UInt8(ascii: "[")):
                bytes.append(UInt8(ascii: "\n"))
            default: break
            }
        }
        return Data(bytes)
    }

    /// Reads an entry back from its line, refusing anything but the exact form written: a
    /// journal line is never edited by hand, so any difference is a finding.
    public init(line: Substring) throws(FormatError) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(Self.brokenIntoLines(line))
        } catch {
            throw FormatError(message: "it is not JSON (\(error.message))")
        }
        guard case .object(let members) = JSONValue(root) else { throw FormatError(message: "it is not a JSON object") }
        let known: Set<String> = ["entry", "at", "by", "action", "reason", "changes", "before", "after", "previous"]
        if let unknown = members.keys.filter({ !known.contains($0) }).sorted().first {
            throw FormatError(message: "it has a field \"\(unknown)\" that journal entries do not have")
        }
        func text(_ key: String, required: Bool = true) throws(FormatError) -> String? {
            switch members[key] {
            case .string(let value)?: return value
            case nil where !required: return nil
            case nil: throw FormatError(message: "its \"\(key)\" is missing")
            default: throw FormatError(message: "its \"\(key)\" is not text")
            }
        }
        guard case .number(let literal)? = members["entry"], let number = Int(literal), number >= 1 else {
            throw FormatError(message: "its \"entry\" is not a whole number from 1")
        }
        guard case .array(let list)? = members["changes"] else { throw FormatError(message: "its \"changes\" is not a list") }
        var changes: [JournalChange] = []
        for (index, value) in list.enumerated() {
            guard let change = JournalChange(json: value) else {
                throw FormatError(message: "its change \(index + 1) is not a recorded change")
            }
            changes.append(change)
        }
        self.init(number: number, time: try text("at")!, author: try text("by")!, action: try text("action")!,
                  reason: try text("reason", required: false), changes: changes, before: try text("before", required: false),
                  after: try text("after")!, previous: try text("previous", required: false))
        guard self.line == line else {
            throw FormatError(message: "it is not written the way appraise writes entries (canonical JSON, one line)")
        }
    }
}

extension JournalEntry {
    /// What is wrong with where the entry stands in the chain (its number, or its link to the
    /// entry before), as both the full verification and the edit-time chain check say it.
    func placeProblem(number: Int, previous: String?) -> String? {
        guard self.number == number else {
            return "it holds entry \(self.number), not entry \(number): an entry was removed, added or moved"
        }
        guard self.previous == previous else {
            return number == 1
                ? "entry 1 records a previous entry, so the journal's first entries were removed"
                : "entry \(number)'s \"previous\" is not the hash of entry \(number - 1): entry \(number - 1) was altered, or entries were removed or reordered"
        }
        return nil
    }
}
