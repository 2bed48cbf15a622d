// A small interactive program for the PTY tests of LineEditor and TerminalUI.
//
//   TerminalDemo [--no-color]              read lines; `got: [LINE]` for each; Tab completes
//                                          over a fixed word list; `spin` runs until Ctrl-C;
//                                          `history` lists the history; `panel` opens the
//                                          full-screen view; Ctrl-D prints `bye`.
//   TerminalDemo capabilities [--no-color] print the colour decision and a styled sample
//   TerminalDemo fullscreen                a full-screen view: q quits, e throws, keys shown
//
// The history file comes from $DEMO_HISTORY.

let options = CommandLine.arguments.dropFirst()
let noColor = options.contains("--no-color")
let mode = options.first { !$0.hasPrefix("--") } ?? "edit"

switch mode {
case "edit":
    exit(EditingDemo.run(noColor: noColor))
case "capabilities":
    exit(CapabilitiesDemo.run(noColor: noColor))
case "fullscreen":
    exit(FullScreenDemo.run())
default:
    printError("usage: TerminalDemo [edit|capabilities|fullscreen] [--no-color]")
    exit(2)
}
