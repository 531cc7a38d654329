import AppraiseRender
import Foundation

/// Where a command writes: standard output for results, standard error for problems.
/// Tests run the real executable, so this is deliberately plain. Everything passes through
/// here, so this is the one place control characters in names are made visible for every
/// command and format (JSON output has none left to show: it escapes them itself).
final class Console: @unchecked Sendable {
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(VisibleText.escapingControls(text).utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data(VisibleText.escapingControls(text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
