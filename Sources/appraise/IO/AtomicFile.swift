import Foundation

/// Writes files so that a crash, a full disk or a kill never leaves a half-written file: the
/// bytes go to a temporary file in the same folder, are flushed to disk, and only then renamed
/// over the target, which the operating system does in one step.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws(InputError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(message: "cannot create folder \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(message: "cannot write \(url.path): \(String(cString: strerror(errno))); check the folder exists and is writable")
        }
        var failure = writeDurably(data, to: descriptor)
        close(descriptor)
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw InputError(message: "cannot write \(url.path): \(failure); the original file is unchanged")
        }
    }

    static func write(_ text: String, to url: URL) throws(InputError) {
        try write(Data(text.utf8), to: url)
    }

    /// Writes all of `data` at the descriptor's position (retrying short and interrupted
    /// writes) and flushes it to disk. Returns the system's reason on failure, nil on success.
    static func writeDurably(_ data: Data, to descriptor: Int32) -> String? {
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
}
