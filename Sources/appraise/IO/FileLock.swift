import Foundation

/// An exclusive or shared `flock` on an open file, held until `close`, so two processes
/// editing the same appraisal take turns instead of one overwriting the other's edit. The
/// operating system drops the lock when the process ends, however it ends.
enum FileLock {
    /// How long an edit waits for another one to finish before giving up.
    static let patience: TimeInterval = 30

    /// Blocks until the lock is held, or fails after `patience` seconds with a message that
    /// says who holds it.
    static func lock(_ descriptor: Int32, exclusive: Bool, file: String) throws(InputError) {
        let deadline = Date().addingTimeInterval(patience)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw InputError(message: "cannot lock \(file): \(String(cString: strerror(errno)))")
            }
            guard Date() < deadline else {
                throw InputError(message: "\(file) is being changed by another appraise process, which has held it for more than \(Int(patience)) seconds; wait for it to finish and try again")
            }
            usleep(20_000)
        }
    }
}
