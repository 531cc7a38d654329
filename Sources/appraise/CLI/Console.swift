import Foundation

/// Where a command writes: standard output for results, standard error for problems.
/// Tests run the real executable, so this is deliberately plain.
final class Console: @unchecked Sendable {
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
