import CoachDrillCore

/// Inline SVG charts for the HTML report. Hand-written SVG, no scripts and no fonts to fetch, so the
/// report stays one file that opens offline. Coordinates are in a fixed viewBox; CSS scales the chart.
enum ReportSVG {
    static let partnerColour = "#2f7d5b"
    static let adviseColour = "#c4532f"
    static let neutralColour = "#b9b4aa"

    struct BarRow {
        var label: String
        var counts: StanceCounts
    }

    /// One horizontal bar per row: partnered, advised and neutral answers stacked, scaled to the longest row.
    static func stackedBars(_ rows: [BarRow], title: String) -> String {
        let width = 900.0
        let labelWidth = 230.0
        let countWidth = 120.0
        let rowHeight = 30.0
        let barHeight = 18.0
        let top = 8.0
        let height = top + Double(rows.count) * rowHeight + 8
        let longest = Double(max(1, rows.map(\.counts.total).max() ?? 1))
        let scale = (width - labelWidth - countWidth - 10) / longest

        var svg = open(width: width, height: height, title: title)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let barY = y + (rowHeight - barHeight) / 2
            svg += text(row.label, x: labelWidth - 10, y: y + rowHeight / 2 + 5, anchor: "end", className: "label")
            var x = labelWidth
            // The track shows where the bar would be, so a marker nobody touched still reads as a row.
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(barY))\" width=\"\(n(width - labelWidth - countWidth - 10))\" "
                + "height=\"\(n(barHeight))\" rx=\"3\" fill=\"#f1eee8\"/>"
            for (value, colour, name) in [
                (row.counts.partnered, partnerColour, "partnered"), (row.counts.advised, adviseColour, "advised"),
                (row.counts.neutral, neutralColour, "neutral"),
            ] where value > 0 {
                let w = Double(value) * scale
                svg += "<rect x=\"\(n(x))\" y=\"\(n(barY))\" width=\"\(n(w))\" height=\"\(n(barHeight))\" fill=\"\(colour)\">"
                    + "<title>\(HTMLText.escape(row.label)): \(value) \(name)</title></rect>"
                x += w
            }
            let summary = row.counts.total == 0
                ? "–" : "\(row.counts.partnered) / \(row.counts.advised)" + (row.counts.neutral > 0 ? " / \(row.counts.neutral)" : "")
            svg += text(summary, x: width - countWidth + 4, y: y + rowHeight / 2 + 5, anchor: "start", className: "count")
        }
        return svg + "</svg>"
    }

    struct LinePoint {
        var label: String
        var rate: Double
        /// Shown on hover.
        var detail: String
    }

    /// The partnering rate, 0 to 100%, across sessions or days, with a dashed 50% guide.
    static func lineChart(_ points: [LinePoint], title: String) -> String {
        let width = 900.0
        let height = 280.0
        // Room on the left for the y labels and for the first rotated x label.
        let left = 96.0
        let right = 24.0
        let top = 16.0
        let bottom = 64.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ rate: Double) -> Double { top + plotHeight * (1 - min(max(rate, 0), 1)) }

        var svg = open(width: width, height: height, title: title)
        for step in 0...4 {
            let rate = Double(step) / 4
            let lineY = y(rate)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(lineY))\" x2=\"\(n(width - right))\" y2=\"\(n(lineY))\" "
                + "stroke=\"\(step == 2 ? "#bdb7ab" : "#e6e2da")\"\(step == 2 ? " stroke-dasharray=\"4 4\"" : "")/>"
            svg += text("\(step * 25)%", x: left - 8, y: lineY + 4, anchor: "end", className: "axis")
        }
        if points.count > 1 {
            let path = points.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + "\(n(x(index))) \(n(y(point.rate)))"
            }.joined(separator: " ")
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(partnerColour)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>"
        }
        // Label at most about a dozen points along the axis so the labels never overlap.
        let every = max(1, (points.count + 11) / 12)
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(point.rate)))\" r=\"4.5\" fill=\"#fff\" stroke=\"\(partnerColour)\" "
                + "stroke-width=\"2.5\"><title>\(HTMLText.escape(point.detail))</title></circle>"
            if index % every == 0 || index == points.count - 1 {
                let labelX = x(index)
                let labelY = height - bottom + 18
                svg += "<text x=\"\(n(labelX))\" y=\"\(n(labelY))\" class=\"axis\" text-anchor=\"end\" "
                    + "transform=\"rotate(-30 \(n(labelX)) \(n(labelY)))\">\(HTMLText.escape(point.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    // MARK: Pieces

    private static func open(width: Double, height: Double, title: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(title))</title>"
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, className: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\">\(HTMLText.escape(content))</text>"
    }

    /// Coordinates with one decimal at most, so the output is stable text.
    private static func n(_ value: Double) -> String {
        JSONDocument.decimal(value, places: 1)
    }
}
