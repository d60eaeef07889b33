/// The HTML report's CSS: system fonts only (nothing to download), a readable measure, tabular figures,
/// and print rules so the report also works on paper.
enum ReportStylesheet {
    /// Tables that fit 182 mm (A4 between its margins): smaller type and padding, headers that wrap.
    private static let compact = """
          body { font-size: 12px; }
          h1 { font-size: 24px; } h2 { font-size: 17px; margin-top: 22px; } h3 { font-size: 14px; }
          table { font-size: 10.5px; } th, td, .matrix th, .matrix td { padding: 3px 4px; }
          thead th { font-size: 9px; letter-spacing: 0; white-space: normal; } code { font-size: 9.5px; }
          td.num, th.num { white-space: normal; } td.num { white-space: nowrap; }
          .matrix td.heat { min-width: 0; }
          td.barcell { width: 10%; min-width: 30px; }
          .figure { padding: 6px 10px; min-width: 90px; } .figure .value { font-size: 20px; }
        """

    static let css = """

        :root { --ink: #1f2328; --muted: #5d6168; --line: #e3dfd6; --paper: #fbfaf7; --good: #2f7d5b; --fair: #a86a12; --bad: #c4532f; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 40px 32px 64px; }
        header { border-bottom: 1px solid var(--line); padding-bottom: 24px; margin-bottom: 8px; }
        .eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .06em; text-transform: uppercase; }
        h1 { font-size: 34px; line-height: 1.2; margin: 6px 0 10px; letter-spacing: -.01em; }
        h2 { font-size: 22px; margin: 40px 0 6px; }
        h3 { font-size: 17px; margin: 28px 0 8px; }
        h3 small, h4 small { color: var(--muted); font-weight: 400; font-size: 14px; margin-left: 6px; }
        h4 { margin: 0 0 6px; font-size: 16px; }
        .lede { font-size: 17px; color: #3a3e45; margin: 0 0 18px; max-width: 70ch; }
        .note { color: var(--muted); margin: 0 0 12px; font-size: 14px; max-width: 75ch; }
        code { font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; }
        .figure { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 18px; min-width: 130px; }
        .figure .value { display: block; font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .figure .name { color: var(--muted); font-size: 13px; }
        .figure.good .value { color: var(--good); }
        .figure.fair .value { color: var(--fair); }
        .figure.bad .value { color: var(--bad); }
        section { margin-top: 8px; }
        .chart { width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--line); border-radius: 10px; }
        .chart .label { font-size: 14px; fill: var(--ink); }
        .chart .count { font-size: 13px; fill: var(--muted); font-variant-numeric: tabular-nums; }
        .chart .axis { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
        .legend { display: flex; gap: 18px; margin: 0 0 10px; font-size: 14px; color: var(--muted); }
        .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); border-radius: 10px;
          font-variant-numeric: tabular-nums; font-size: 14.5px; }
        th, td { padding: 7px 10px; border-bottom: 1px solid #eeebe4; text-align: left; vertical-align: middle; }
        thead th { font-size: 12.5px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em;
          background: #f6f4ef; }
        tbody th { font-weight: 550; }
        tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        /* Ids and names wrap (at hyphens, or anywhere in a long word) rather than push a table off the page. */
        td code, th code { overflow-wrap: break-word; }
        td.kind { white-space: nowrap; }
        .scroll { overflow-x: auto; }
        .matrix th, .matrix td { padding: 6px 7px; }
        .matrix td.heat { text-align: center; min-width: 40px; white-space: nowrap; }
        .heat.h0 { color: #b5b0a6; }
        .heat.h1 { background: #f6d5c9; }
        .heat.h2 { background: #f3e6c8; }
        .heat.h3 { background: #d6eadb; }
        .heat.h4 { background: #a9d4b9; }
        td.barcell { width: 15%; min-width: 60px; }
        .bar { display: block; height: 10px; border-radius: 5px; background: #f1eee8; overflow: hidden; }
        .bar > span { display: block; height: 100%; border-radius: 5px; }
        .bar.good > span { background: var(--good); }
        .bar.fair > span { background: var(--fair); }
        .bar.bad > span { background: var(--bad); }
        tr.hard th, tr.hard td { background: #fdf1ec; }
        .traps { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
        .traps article { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
        .traps article p { margin: 0 0 8px; color: var(--muted); font-size: 14px; }
        blockquote { margin: 6px 0 0; padding: 6px 12px; border-left: 3px solid var(--bad); background: #fbf6f3; font-size: 14.5px; }
        footer { margin-top: 48px; padding-top: 16px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
        /* Paper: A4 portrait, everything inside the 182 mm between the margins; colours kept, as they carry meaning. */
        @page { size: A4; margin: 14mm; }
        @media print {
          body { background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          main { padding: 0; max-width: none; }
          table, .chart, .figures, .traps article { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
        \(compact)
        }
        /* A narrow window (a laptop split in two, a phone) gets the same compact tables as paper. */
        @media screen and (max-width: 820px) {
          main { padding: 24px 14px 40px; }
        \(compact)
        }

        """
}
