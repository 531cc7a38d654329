/// A cell as read from either form, with where it was written.
struct DraftCell {
    let text: String
    let location: String
    let position: SourcePosition?
}

/// An indicator row as read from either form, before any checking.
struct DraftRow {
    let line: Int
    let location: String
    let position: SourcePosition?
    var cells: [KPIField: DraftCell] = [:]
    var values: [(period: Period, cell: DraftCell)] = []
}

/// A dataset as read from either form, before any checking.
struct DraftDataset {
    var metadata: [KPIMetadataKey: DraftCell] = [:]
    var periods: [Period] = []
    var rows: [DraftRow] = []
    /// The academic year bare term labels were read in (the setting, or implied by `as at`
    /// or the latest dated column).
    var impliedAcademicYear: Int?
    /// Where to point a problem with the whole dataset.
    var position: SourcePosition?
    /// How the reader took headings the settings do not document, for the reader of the output.
    var notes: [String] = []
    /// Conventions stated in headings' brackets (`DOT (Year on Year)`) that no setting gives.
    var headingConventions: [(key: KPIMetadataKey, qualifier: String, heading: String)] = []
}
