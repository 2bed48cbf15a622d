import Testing

@testable import LineEditor

@Suite("Prompt escape marking")
struct PromptTextTests {
    let marker = "\u{1}"

    @Test("a plain prompt is unchanged")
    func plain() {
        #expect(PromptText.markingEscapeSequences(in: "wasmsh> ") == "wasmsh> ")
    }

    @Test("each escape run is marked and glued to the next visible character")
    func colourRuns() {
        let prompt = "\u{1B}[1mwasmsh>\u{1B}(B\u{1B}[m "
        #expect(
            PromptText.markingEscapeSequences(in: prompt)
                == "\(marker)\u{1B}[1m\(marker)wasmsh>\(marker)\u{1B}(B\u{1B}[m\(marker) ")
    }

    @Test("an escape run at the end moves before the last visible character")
    func trailingRun() {
        let prompt = "\u{1B}[32mok>\u{1B}[0m"
        #expect(
            PromptText.markingEscapeSequences(in: prompt)
                == "\(marker)\u{1B}[32m\(marker)ok\(marker)\u{1B}[0m\(marker)>")
    }

    @Test("an escape run before a newline moves past it")
    func runBeforeNewline() {
        let prompt = "\u{1B}[2mdir\u{1B}[0m\n> "
        #expect(
            PromptText.markingEscapeSequences(in: prompt)
                == "\(marker)\u{1B}[2m\(marker)dir\n\(marker)\u{1B}[0m\(marker)> ")
    }

    @Test("markers already in the prompt and OSC titles are handled")
    func existingMarkersAndOSC() {
        let prompt = "\u{1}\u{1B}]0;title\u{7}\u{1}$ "
        #expect(PromptText.markingEscapeSequences(in: prompt) == "\(marker)\u{1B}]0;title\u{7}\(marker)$ ")
    }

    @Test("a prompt of escapes only has nothing to show and is emptied")
    func onlyEscapes() {
        #expect(PromptText.markingEscapeSequences(in: "\u{1B}[0m") == "")
    }
}
