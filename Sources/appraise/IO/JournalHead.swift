import AppraiseKit
import Foundation

/// The journal head a pack records: only from a journal that verifies against the file, since
/// a pack should pin the history that produced exactly the appraisal it reports.
enum JournalHead {
    /// The head and length of FILE.journal when it verifies; nil (with a warning saying why)
    /// when it does not, and nil silently when the appraisal has no journal.
    static func forPack(_ path: String, fingerprint: String, console: Console) -> PackManifest.Journal? {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: JournalFile.url(for: url).path) else { return nil }
        let verification: JournalVerification
        do {
            let journal = try JournalFile(appraisal: url, path: path, writing: false)
            let data = FileManager.default.contents(atPath: url.path)
            verification = JournalVerification(journal: try journal.read(), file: data.flatMap(JournalVerification.document), fileExists: data != nil)
        } catch {
            console.error("\(path): \(error.message); the pack does not record a journal head")
            return nil
        }
        guard verification.status == .verified, verification.entries.last?.after == fingerprint, let head = verification.head else {
            console.error("\(path).journal does not verify against \(path) (see 'appraise verify \(path)'); the pack does not record a journal head")
            return nil
        }
        return PackManifest.Journal(head: head, entries: verification.entries.count)
    }
}
