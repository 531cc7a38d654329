import Foundation

/// Writes files so that a crash, a full disk or a kill never leaves a half-written file: the
/// bytes go to a temporary file in the same folder, are flushed to disk, and only then renamed
/// over the target, which the operating system does in one step; the folder is flushed after
/// the rename so the rename itself survives a power cut.
///
/// A symbolic link is written through (its target gets the new content and the link stays a
/// link), and a file that exists keeps its permissions and, where the process may, its owner.
enum AtomicFile {
    /// New content flushed to disk under a temporary name beside its target, not yet in place:
    /// `commit` renames it over the target, `discard` removes it.
    struct Staged {
        /// The file that `commit` replaces (the end of any chain of symbolic links).
        let target: URL
        let temporary: URL
        /// The name used in messages (the path as given).
        let name: String

        func commit() throws(InputError) {
            if let failure = IOFault.check(.rename) ?? (rename(temporary.path, target.path) == 0 ? nil : String(cString: strerror(errno))) {
                discard()
                throw InputError(message: "cannot write \(name): \(failure)")
            }
            AtomicFile.syncFolder(of: target)
        }

        func discard() { unlink(temporary.path) }
    }

    static func write(_ data: Data, to url: URL) throws(InputError) {
        let staged = try stage(data, for: url)
        do {
            try staged.commit()
        } catch {
            throw InputError(message: "\(error.message); the original file is unchanged")
        }
    }

    static func write(_ text: String, to url: URL) throws(InputError) {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to a temporary file beside `url`'s target and flushes it. On failure nothing
    /// is left behind and the error says so.
    static func stage(_ data: Data, for url: URL) throws(InputError) -> Staged {
        let target = resolvingLinks(url)
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(message: "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        var existing = stat()
        let exists = stat(target.path, &existing) == 0
        let descriptor = IOFault.check(.create) == nil ? open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, exists ? 0o600 : 0o644) : -1
        guard descriptor >= 0 else {
            throw InputError(message: "cannot write \(url.path): \(String(cString: strerror(errno))); check the folder exists and is writable; the original file is unchanged")
        }
        if exists {
            // Same owner where allowed (fchown fails harmlessly for other users), then the same mode.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        let failure = writeDurably(data, to: descriptor)
        close(descriptor)
        if let failure {
            unlink(temporary.path)
            throw InputError(message: "cannot write \(url.path): \(failure); the original file is unchanged")
        }
        return Staged(target: target, temporary: temporary, name: url.path)
    }

    /// Writes all of `data` at the descriptor's position (retrying short and interrupted
    /// writes) and flushes it to disk. Returns the system's reason on failure, nil on success.
    static func writeDurably(_ data: Data, to descriptor: Int32) -> String? {
        if let failure = IOFault.check(.write) { return failure }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        return failure
    }

    /// Flushes a folder's entries (a rename or a new file in it) to disk. File systems that
    /// cannot sync a folder report an error that leaves nothing to do, so it is not raised.
    static func syncFolder(of url: URL) {
        guard IOFault.check(.sync) == nil else { return }
        let descriptor = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The file a path finally names: symbolic links followed (relative ones from their own
    /// folder), up to the system's limit of 40; the path itself when it is not a link.
    static func resolvingLinks(_ url: URL) -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current.path, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : current.deletingLastPathComponent().appendingPathComponent(destination)
            current = current.standardizedFileURL
        }
        return current
    }
}
