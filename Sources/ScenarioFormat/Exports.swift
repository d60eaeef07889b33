// Everything ScenarioFormat renders (diagnostics, graphs, scenario text) reaches a terminal through
// TerminalOutput, and so does everything its importers print: re-exported so that importing the scenario
// format brings sanitising, width, wrapping and styling with it, from the one module that has them.
@_exported import TerminalOutput
