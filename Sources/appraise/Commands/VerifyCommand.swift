import AppraiseKit
import AppraiseRender
import Foundation

enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check an appraisal against its journal.",
        discussion: """
        Replays FILE.journal from the first entry: each entry must carry the SHA-256 of the line
        before it, start from the file its predecessor left, and its recorded changes must give
        the fingerprint it records. Then FILE's fingerprint must be the last entry's. Exit 0 with
        "verified: N changes", or 1 naming the first entry or field that does not match; a file
        edited by hand is reported with what changed (record it with 'appraise adopt').

        An edit journals its entry before it replaces the file. If it was stopped in between, the
        last entry's "before" is still the file's fingerprint: the change is committed but not yet
        written. verify reports it and exits 0; --repair (or the next edit) writes it.

        --head checks the journal against a head recorded earlier (printed by verify, and kept in
        the manifest of every pack written from a journalled appraisal): it must be the hash of
        one of the journal's entries, the last or an earlier one that later entries extend.
        Otherwise the journal was rewritten or replaced since, and verify exits 1.
        """,
        arguments: [.init(name: "FILE", help: "The appraisal file (JSON); its journal is FILE.journal.")],
        options: [.init(name: "repair", value: nil, help: "Write the result of a journalled change whose write was interrupted."),
                  .init(name: "head", value: "HEAD", help: "A journal head recorded earlier (sha256:…) that the journal must still hold.")],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitStatus {
        let path = arguments.argument("FILE")!
        let url = URL(fileURLWithPath: path)
        let repair = arguments.flag("repair")
        let recorded = arguments.value("head", spec: spec)
        if let recorded, !(recorded.hasPrefix("sha256:") && recorded.count == 71 && recorded.dropFirst(7).allSatisfy({ $0.isHexDigit && !$0.isUppercase })) {
            throw UsageError(message: "--head takes a head as verify prints it (sha256: and 64 lower-case hex digits), not '\(recorded)'")
        }
        let journal = try JournalFile(appraisal: url, path: path, writing: repair)
        var verification = try verify(journal, url: url)
        if repair, verification.status == .pending, let last = verification.entries.last {
            _ = try EditSession.finish(last, state: verification.state, path: path, url: url, console: console)
            verification = try verify(journal, url: url)
        }
        let data = FileManager.default.contents(atPath: url.path)
        let fingerprint = data.flatMap(JournalVerification.document).map(JournalVerification.fingerprint)
        console.out(VerificationRenderer.text(verification, file: path, fingerprint: fingerprint))
        if let recorded {
            let hashes = try journal.read().lines.prefix(verification.entries.count).map(JournalEntry.hash(ofLine:))
            guard let index = hashes.firstIndex(of: recorded) else {
                console.out("recorded head not found: \(recorded) is the hash of no entry of \(journal.name); the journal was rewritten or replaced since the head was recorded\n")
                return .invalidInput
            }
            let later = hashes.count - 1 - index
            console.out(later == 0 ? "recorded head matches: \(recorded) is entry \(index + 1), the last\n"
                        : "recorded head found: \(recorded) is entry \(index + 1); \(later) later entr\(later == 1 ? "y extends" : "ies extend") it\n")
        }
        switch verification.status {
        case .verified, .pending: return .success
        default: return .invalidInput
        }
    }

    private static func verify(_ journal: JournalFile, url: URL) throws(InputError) -> JournalVerification {
        let data = FileManager.default.contents(atPath: url.path)
        return JournalVerification(journal: try journal.read(), file: data.flatMap(JournalVerification.document), fileExists: data != nil)
    }
}
