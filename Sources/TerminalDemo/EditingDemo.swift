import LineEditor
import Synchronization
import TerminalUI

/// The line-editing loop the LineEditor tests drive.
enum EditingDemo {
    static let words = ["apple", "apricot", "banana", "blackberry", "blueberry", "cherry", "crème"]

    static func run(noColor: Bool) -> Int32 {
        let capabilities = TerminalCapabilities.detect(noColorFlag: noColor)
        do {
            try InterruptMonitor.shared.start()
        } catch {
            printError("\(error)")
            return 1
        }
        let history = getenv("DEMO_HISTORY").map { String(cString: $0) }
        let editor: LineEditor
        do {
            editor = try LineEditor(
                configuration: LineEditorConfiguration(
                    programName: "terminal-demo", historyFile: history, historySize: 50))
        } catch {
            printError("\(error)")
            return 1
        }
        editor.setPrompt(capabilities.style(.bold, "demo>") + " ")
        editor.completionHandler = { request in
            let range = request.wordBeforeCursor
            let word = request.line[range]
            return CompletionResult(replacing: range, words: words.filter { $0.hasPrefix(word) })
        }
        if let problem = editor.historyError { print("history: \(problem)") }
        print("ready")
        while true {
            let line: String?
            do {
                line = try editor.readLine()
            } catch {
                printError("\(error)")
                return 1
            }
            guard let line else {
                print("bye")
                return 0
            }
            switch line {
            case "spin":
                spinUntilInterrupted()
            case "panel":
                _ = FullScreenDemo.run()
            case "history":
                for (number, entry) in editor.historyEntries.enumerated() { print("\(number + 1) \(entry)") }
            default:
                print("got: [\(line)]")
            }
            if let problem = editor.historyError { print("history: \(problem)") }
        }
    }

    /// Stands in for a long-running command: busy until Ctrl-C (or ten seconds).
    private static func spinUntilInterrupted() {
        let interrupted = InterruptFlag()
        let finished = InterruptMonitor.shared.whileRunning(onInterrupt: { interrupted.raise() }) {
            print("spinning")
            let deadline = ContinuousClock.now + .seconds(10)
            while !interrupted.isRaised, ContinuousClock.now < deadline {
                usleep(1_000)
            }
            return interrupted.isRaised
        }
        print(finished ? "interrupted" : "not interrupted")
    }
}

/// Set from the monitor thread, polled by the command.
final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
