import Foundation

/// Failures and stops injected on purpose, so tests can show what a full disk, a read-only
/// folder or a kill at an exact step does to an edit without needing any of them (or the
/// privileges to make them).
///
/// `APPRAISE_FAIL_IO` lists steps and which occurrence of each to act on: `write:2` makes the
/// second flushed write of the process fail as on a full disk; `stop-rename:1` stops the
/// process (SIGSTOP) just before its first rename, so a test can kill it exactly there. Unset,
/// as in normal use, nothing is ever injected.
enum IOFault {
    enum Operation: String, CaseIterable {
        /// Creating a file (fails as in a read-only folder).
        case create
        /// Writing and flushing bytes to a file or the journal (fails as on a full disk).
        case write
        /// Renaming a written file over its target (fails as in a read-only folder).
        case rename
        /// Flushing the folder after a rename.
        case sync
        /// Cutting a journal entry off again after a later step failed.
        case withdraw

        var error: Int32 {
            switch self {
            case .write: return ENOSPC
            case .create, .rename, .sync, .withdraw: return EROFS
            }
        }
    }

    private struct Plan {
        var failing: [Operation: Int] = [:]
        var stopping: [Operation: Int] = [:]
    }

    /// What to inject, read once from the environment.
    private static let plan: Plan = {
        var plan = Plan()
        guard let text = ProcessInfo.processInfo.environment["APPRAISE_FAIL_IO"] else { return plan }
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let count = Int(parts[1]) else { continue }
            if parts[0].hasPrefix("stop-"), let operation = Operation(rawValue: String(parts[0].dropFirst(5))) {
                plan.stopping[operation] = count
            } else if let operation = Operation(rawValue: String(parts[0])) {
                plan.failing[operation] = count
            }
        }
        return plan
    }()

    /// Occurrences so far; the executable does its file work on one thread.
    nonisolated(unsafe) private static var counts: [Operation: Int] = [:]

    /// Called just before each step. Stops the process when this occurrence is planned to stop;
    /// returns the system's message when it is planned to fail (errno set as a real failure
    /// would set it), else nil.
    static func check(_ operation: Operation) -> String? {
        guard plan.failing[operation] != nil || plan.stopping[operation] != nil else { return nil }
        counts[operation, default: 0] += 1
        if counts[operation] == plan.stopping[operation] { raise(SIGSTOP) }
        guard counts[operation] == plan.failing[operation] else { return nil }
        errno = operation.error
        return String(cString: strerror(operation.error))
    }
}
