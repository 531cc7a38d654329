import Foundation

/// The charts' colours: one scheme for criteria (the segments of the totals bars) and another,
/// sharing no colour, for options (the lines of the sweep charts), so a colour never means a
/// criterion in one chart and an option in the next. Every colour has at least 3:1 contrast
/// with white (WCAG 2.2, 1.4.11 non-text contrast); options also differ by dash pattern, so a
/// line can be told without its colour.
public enum ChartPalette {
    /// Okabe–Ito's blue, vermillion and bluish green with darker companions of the same spirit.
    public static let criteria = ["#0072B2", "#D55E00", "#009E73", "#997700", "#6A3D9A", "#C51B7D", "#4D4D4D", "#8B4513"]
    /// Paul Tol's darker qualitative colours and black.
    public static let options = ["#332288", "#117733", "#882255", "#CC6677", "#999933", "#AA4499", "#000000", "#01665E"]
    /// Stroke dash patterns for option lines; the first is solid.
    public static let dashes = ["", "8 4", "2 3", "8 3 2 3", "12 4", "4 4", "1 4", "10 3 2 3 2 3"]

    public static func criterion(_ index: Int) -> String { criteria[index % criteria.count] }

    public static func option(_ index: Int) -> String { options[index % options.count] }

    /// Past the eighth option colours repeat, so the dash pattern shifts to keep each pair apart.
    public static func dash(_ index: Int) -> String { dashes[(index + index / options.count) % dashes.count] }

    /// The `stroke-dasharray` attribute for an option's line, empty for a solid line.
    static func dashAttribute(_ index: Int) -> String {
        let pattern = dash(index)
        return pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\""
    }

    /// WCAG contrast ratio between a colour written #RRGGBB and white.
    public static func contrastWithWhite(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
            let value = Double(Int(String(digits[index...index + 1]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return 1.05 / (luminance + 0.05)
    }
}
