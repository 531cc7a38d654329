/// The page's only style sheet: readable on a tablet, large touch targets for the sliders,
/// visible keyboard focus, and a print layout for saving the report as a PDF.
enum PageStyle {
    static let source = """
:root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --paper: #ffffff; --tint: #f6f8fa; --accent: #0b5cad; --bad: #a40e26; --good: #116329; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem 1.25rem 3rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.meta, .note, figcaption { color: var(--muted); }
.note { font-size: 0.9rem; margin: 0.4rem 0; }
.fingerprint { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
.headline { font-size: 1.15rem; font-weight: 600; }
.findings { border: 2px solid var(--bad); border-left-width: 8px; background: #fff5f5; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
.findings h3 { color: var(--bad); margin: 0.5rem 0; }
.findings.agrees { border-color: var(--good); background: #f3faf4; } .findings.agrees h3 { color: var(--good); }
.findings ul { padding-left: 1.25rem; }
td.corrected { color: var(--bad); font-weight: 600; white-space: normal; }
nav ul { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a { display: inline-block; padding: 0.3rem 0; }
.scroll { overflow-x: auto; margin: 0.5rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; }
th, td { padding: 0.4rem 0.45rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: var(--tint); }
table.matrix { font-size: 0.85rem; }
table.matrix td.num { text-align: center; }
tbody th { min-width: 8rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } .num.wrap, thead th.num { white-space: normal; }
td.break, th.break { white-space: normal; overflow-wrap: anywhere; }
table.wide { font-size: 0.8rem; } table.wide th, table.wide td { padding: 0.3rem 0.3rem; } table.wide tbody th { min-width: 6rem; }
.heat-0 { background: #f4f8fc; } .heat-1 { background: #dbe8f5; } .heat-2 { background: #b7d1ea; }
.heat-3 { background: #86b3dc; } .heat-4 { background: #2f6ea8; color: #fff; } .heat-5 { background: #1d4f7e; color: #fff; }
td.bad { color: var(--bad); font-weight: 700; }
td.up { color: var(--good); font-weight: 600; } td.down { color: var(--bad); font-weight: 600; }
figure { margin: 1rem 0; }
svg.chart { width: 100%; height: auto; font-size: 13px; }
svg.chart .grid { stroke: var(--rule); stroke-width: 1; }
svg.chart .tick, svg.chart .total, svg.chart .axis-title { fill: var(--muted); }
.scroll > svg.chart { min-width: 40rem; } .scroll > svg.sweep { min-width: 0; }
@media (max-width: 40rem) { .scroll > svg.sweep { min-width: 28rem; } }
svg.chart .label { fill: var(--ink); }
svg.chart rect { stroke: #fff; stroke-width: 1; }
svg.chart .line { stroke-width: 2.5; fill: none; }
svg.chart .leader { stroke-width: 4; }
svg.chart .axis { stroke: var(--ink); stroke-width: 1.5; }
svg.chart .connector { stroke-width: 1.5; } svg.chart .end-label { fill: var(--ink); font-size: 11px; }
svg.chart .current { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .crossover { fill: #fff; stroke: var(--bad); stroke-width: 2; }
svg.chart .endpoint-tie { fill: #fff; stroke: var(--muted); stroke-width: 2; }
.sweeps { display: grid; grid-template-columns: 1fr; gap: 0 1.5rem; } .sweeps > * { min-width: 0; }
@media (min-width: 40rem) { .sweeps { grid-template-columns: 1fr 1fr; } }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; }
.legend svg { vertical-align: -2px; margin-right: 0.35rem; }
.whatif { display: grid; grid-template-columns: 1fr; gap: 1rem 1.5rem; align-items: start; }
@media (min-width: 48rem) { .whatif { grid-template-columns: minmax(14rem, 2fr) 3fr; } .whatif-result { position: sticky; top: 0; background: var(--paper); } }
.whatif > * { min-width: 0; }
.share { display: inline-flex; align-items: center; gap: 0.2rem; grid-area: share; justify-self: end; }
.share input { width: 4.5rem; font: inherit; text-align: right; padding: 0.3rem; border: 1px solid var(--muted); border-radius: 4px; }
.share input[aria-invalid=true] { border-color: var(--bad); outline: 2px solid var(--bad); }
textarea { width: 100%; font: 0.85rem ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; margin: 0.25rem 0 0.5rem; }
label[for^=whatif-] { display: block; font-weight: 600; margin-top: 0.5rem; }
.pair { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0; }
.pair label { display: block; font-weight: 600; }
select { font: inherit; padding: 0.4rem; min-height: 2.75rem; max-width: 100%; }
fieldset { min-width: 0; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
.slider { display: grid; grid-template-columns: 1fr auto; grid-template-areas: "label share" "input input"; align-items: center; margin: 0.5rem 0; }
.slider label { grid-area: label; }
.slider input { grid-area: input; width: 100%; min-height: 2rem; margin: 0; accent-color: var(--accent); }
button { font: inherit; padding: 0.5rem 1rem; min-height: 2.75rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--paper); color: var(--accent); cursor: pointer; }
.option { border-top: 1px solid var(--rule); }
.columns { display: grid; grid-template-columns: 1fr; gap: 0 2rem; }
@media (min-width: 40rem) { .columns { grid-template-columns: 1fr 1fr; } }
details { border: 1px solid var(--rule); border-radius: 6px; margin: 0.4rem 0; padding: 0 0.75rem; }
details[open] { padding-bottom: 0.5rem; }
summary { cursor: pointer; padding: 0.6rem 0; font-weight: 600; }
summary .score { float: right; font-variant-numeric: tabular-nums; }
.bullets { list-style: none; padding-left: 0; }
.bullets li { position: relative; padding-left: 1.5rem; margin: 0.35rem 0; }
.bullets .mark { position: absolute; left: 0.2rem; font-weight: 700; }
.bullets .for .mark { color: var(--good); } .bullets .against .mark { color: var(--bad); } .bullets .contingent .mark { color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 3rem; border-top: 2px solid var(--rule); color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
@media (max-width: 30rem) { body { padding: 0.75rem 0.6rem 2rem; } th, td { padding: 0.35rem 0.3rem; } tbody th { min-width: 6rem; } }
@media screen and (max-width: 40rem) {
  .scroll > table, .scroll > table tbody, .scroll > table tr { display: block; width: auto; }
  .scroll > table caption { display: block; }
  .scroll > table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .scroll > table tr { display: flex; flex-direction: column; border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 0.6rem; padding: 0.2rem 0.7rem; }
  .scroll > table tbody tr:nth-child(even) { background: none; }
  .scroll > table td, .scroll > table tbody th { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; min-width: 0;
    padding: 0.3rem 0; border-bottom: 1px solid var(--tint); text-align: right; font-size: 0.95rem; }
  .scroll > table tr > :first-child { font-weight: 700; font-size: 1.05rem; border-bottom: 1px solid var(--rule); }
  .scroll > table [data-label]::before { content: attr(data-label); font-weight: 600; color: var(--muted); text-align: left; flex: 0 1 45%; white-space: normal; }
  .scroll > table tbody th[data-label]::before { font-size: 0.95rem; }
  .scroll > table td:empty { display: none; }
}
.particulars { margin: 0.5rem 0; font-size: 0.95rem; } .particulars div { display: flex; gap: 0.75rem; } .particulars dt { font-weight: 600; min-width: 5.5rem; } .particulars dd { margin: 0; }
.question { margin: 0.75rem 0 0.25rem; }
p.numbered { padding-left: 3rem; text-indent: -3rem; } p.numbered .number { display: inline-block; width: 3rem; text-indent: 0; color: var(--muted); }
nav ol { list-style: none; padding: 0; margin: 0.5rem 0; columns: 2 18rem; } nav li { break-inside: avoid; }
.contents-heading { border-top: none; margin-top: 1.5rem; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  details::details-content { content-visibility: visible; display: contents; }
  details { break-inside: auto; } summary { list-style: none; } summary::-webkit-details-marker { display: none; }
  h1, h2, h3, h4, caption, summary, figcaption { break-after: avoid; page-break-after: avoid; }
  .scroll > svg.chart { min-width: 0; }
  .findings { break-inside: avoid; }
  .first-appendix { break-before: page; }
  nav, #what-if, noscript { display: none; }
  a { color: inherit; text-decoration: none; }
  tr, figure, .option { break-inside: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; } table.wide { font-size: 6.5pt; } th, td { padding: 2pt 3pt; overflow-wrap: break-word; } table.wide th, table.wide td { padding: 1.5pt 2pt; }
  tbody th, table.wide tbody th { min-width: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
}
