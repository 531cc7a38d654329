import Foundation

/// Failures injected on purpose, so tests can show what a full disk or a read-only folder does
/// to an edit without needing either (or the privileges to make them).
///
/// `APPRAISE_FAIL_IO` lists operations and which occurrence of each fails, for example
/// `write:2` (the second flushed write of the process fails as on a full disk) or
/// `create:1,rename:1`. Unset, as in normal use, nothing is ever injected.
enum IOFault {
    enum Operation: String, CaseIterable {
        /// Creating a file (as in a read-only folder).
        case create
        /// Writing and flushing bytes to a file or the journal (as on a full disk).
        case write
        /// Renaming a written file over its target.
        case rename

        var error: Int32 {
            switch self {
            case .create, .rename: return EROFS
            case .write: return ENOSPC
            }
        }
    }

    /// Which occurrence of each operation fails, read once from the environment.
    private static let plan: [Operation: Int] = {
        guard let text = ProcessInfo.processInfo.environment["APPRAISE_FAIL_IO"] else { return [:] }
        var plan: [Operation: Int] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":")
            if parts.count == 2, let operation = Operation(rawValue: String(parts[0])), let count = Int(parts[1]) { plan[operation] = count }
        }
        return plan
    }()

    /// Occurrences so far; the executable does its file work on one thread.
    nonisolated(unsafe) private static var counts: [Operation: Int] = [:]

    /// The system's message for the injected failure when this occurrence of `operation` is the
    /// one planned to fail (errno is set as the real failure would set it), else nil.
    static func check(_ operation: Operation) -> String? {
        guard let failing = plan[operation] else { return nil }
        counts[operation, default: 0] += 1
        guard counts[operation] == failing else { return nil }
        errno = operation.error
        return String(cString: strerror(operation.error))
    }
}
