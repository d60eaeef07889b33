// The floor for a Foundation-based command-line tool: start, print one line, exit. `make bench` measures
// `coachdrill play` start-up as a ratio to this, side by side in the same run.
import Foundation

print("hello")
