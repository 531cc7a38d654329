/// Text for a terminal with every control character shown rather than obeyed, so a name such
/// as `North\e]0;pwned\a` cannot retitle the window, move the cursor or hide what follows.
///
/// Line breaks (LF, and CR LF as CSV ends its lines) and tabs stay as they are: they are the
/// output's own layout. Every other C0 control (a lone CR included, which would overwrite the
/// line), DEL and every C1 control is written as `\u{1B}`. Text without controls is returned
/// as it is.
public enum VisibleText {
    public static func escapingControls(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let layout = value == 0x0A || value == 0x09 || (value == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n")
            if !layout && (value < 0x20 || (0x7F...0x9F).contains(value)) {
                out.append(contentsOf: "\\u{\(String(value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
