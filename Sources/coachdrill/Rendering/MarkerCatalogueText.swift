import CoachDrillCore
import TerminalOutput

/// `:markers`: the nine markers of competency 8 with the ICF statements and what partnering looks like.
enum MarkerCatalogueText {
    static func render(style: Style) -> String {
        var out = style.bold("ICF PCC markers, competency 8: Facilitates Client Growth") + "\n"
        for marker in Marker.allCases {
            out += "\n" + style.bold("\(marker.id) \(marker.shortName)") + "\n"
            out += "  \(marker.icfStatement)\n"
            out += style.dim("  Partnering: \(marker.partneringLooksLike)") + "\n"
        }
        out += "\n" + style.dim("Marker statements © International Coaching Federation (ICF), PCC Markers.")
        return out
    }
}
