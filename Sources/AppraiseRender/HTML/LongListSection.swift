import AppraiseKit

/// The page's long-list section, ahead of the scored short list: every option considered,
/// the screening, the options set aside and why, and the options framework's grid.
extension HTMLReport {
    /// Nothing for a file without a long list, so its page is unchanged.
    var longListSections: [(id: String, title: String, html: String)] {
        guard let longList = pack.longList else { return [] }
        let html = ScreeningRenderer.tables(longList).map { HTMLTableRenderer.render($0) }.joined()
        return [("long-list", "Options considered", html)]
    }
}
