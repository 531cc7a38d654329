import AppraiseKit
import Foundation

/// An appraisal's journal (`FILE.journal`) opened and locked for the length of one command.
/// The lock is on the journal itself, which is only ever appended to and never renamed, so
/// every process editing the appraisal contends for the same lock.
final class JournalFile {
    let url: URL
    /// The name used in messages (`FILE.journal` as the user typed FILE).
    let name: String
    private let descriptor: Int32
    /// Whether this process created the journal (so its folder entry must be flushed).
    let created: Bool

    static func url(for appraisal: URL) -> URL {
        appraisal.deletingLastPathComponent().appendingPathComponent(appraisal.lastPathComponent + ".journal")
    }

    /// Opens and locks the journal of an appraisal. `create` makes an empty journal when there
    /// is none, with the appraisal's permissions when the appraisal exists (a private appraisal
    /// keeps a private journal); otherwise a missing journal is an error that says how to start one.
    init(appraisal: URL, path: String, create: Bool = false, writing: Bool = true) throws(InputError) {
        url = Self.url(for: appraisal)
        name = path + ".journal"
        var opened = Int32(-1)
        var made = false
        if create {
            var status = stat()
            let appraisalMode = stat(appraisal.path, &status) == 0 ? status.st_mode & 0o666 : nil
            opened = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_EXCL, appraisalMode ?? 0o644)
            if opened >= 0 {
                made = true
                if let appraisalMode { _ = fchmod(opened, appraisalMode) }
            }
        }
        if opened < 0 && (errno == EEXIST || !create) {
            opened = open(url.path, writing ? O_RDWR | O_APPEND : O_RDONLY)
        }
        descriptor = opened
        created = made
        guard descriptor >= 0 else {
            if errno == ENOENT && !create {
                throw InputError(message: "\(path) has no journal (\(name)), so its changes cannot be recorded or verified (a copied file leaves its journal behind); start one with 'appraise adopt \(path) --reason TEXT', e.g. --reason \"copied from the March version\"")
            }
            throw InputError(message: "cannot open \(name): \(String(cString: strerror(errno))); check that its folder exists and is writable")
        }
        do {
            try FileLock.lock(descriptor, exclusive: writing, file: path)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// The whole journal as it is now.
    func read() throws(InputError) -> JournalText {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(message: "cannot read \(name): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            offset += off_t(count)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(message: "\(name) is not UTF-8 text, so it is not a journal appraise wrote; run 'appraise verify' on the appraisal")
        }
        return JournalText(text)
    }

    /// Appends one entry and flushes it to disk: once this returns, the change is committed.
    /// A failed append is cut off again, so a change reported as failed is never journalled.
    func append(_ entry: JournalEntry) throws(InputError) {
        let length = lseek(descriptor, 0, SEEK_END)
        guard let failure = AtomicFile.writeDurably(Data((entry.line + "\n").utf8), to: descriptor) else {
            if created { AtomicFile.syncFolder(of: url) }
            return
        }
        guard length >= 0, withdraw(to: length) else {
            throw InputError(message: "cannot append to \(name): \(failure), and the partial entry could not be cut off; run 'appraise verify' on the appraisal before editing it again")
        }
        throw InputError(message: "cannot append to \(name): \(failure); nothing was changed")
    }

    /// The journal's length now, so a later step of the same edit can withdraw its entry.
    func length() -> off_t { lseek(descriptor, 0, SEEK_END) }

    /// Cuts the journal back to `length` and flushes it; false when that is not possible.
    func withdraw(to length: off_t) -> Bool {
        IOFault.check(.withdraw) == nil && ftruncate(descriptor, length) == 0 && fsync(descriptor) == 0
    }

    /// Cuts off an unfinished last line: an append that never completed, so never an entry.
    func removeUnfinished(_ text: JournalText) throws(InputError) {
        guard text.unfinished != nil else { return }
        let length = text.lines.reduce(0) { $0 + $1.utf8.count + 1 }
        guard ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0 else {
            throw InputError(message: "cannot repair \(name): \(String(cString: strerror(errno)))")
        }
    }
}
