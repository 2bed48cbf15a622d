import Testing

@testable import LineEditor

@Suite("Completion requests and prefixes")
struct CompletionTests {
    @Test("the word before the cursor stops at the previous space")
    func wordBeforeCursor() {
        let line = "grant malic rest"
        let cursor = line.index(line.startIndex, offsetBy: 11)
        let request = CompletionRequest(line: line, cursor: cursor)
        #expect(line[request.wordBeforeCursor] == "malic")
        #expect(request.textBeforeCursor == "grant malic")
    }

    @Test("after a space the word before the cursor is empty")
    func emptyWord() {
        let line = "load "
        let request = CompletionRequest(line: line, cursor: line.endIndex)
        #expect(request.wordBeforeCursor.isEmpty)
        #expect(request.wordBeforeCursor.lowerBound == line.endIndex)
    }

    @Test("the common prefix is computed by characters")
    func commonPrefix() {
        #expect(LineEditor.commonPrefix(of: ["apple", "apricot"]) == "ap")
        #expect(LineEditor.commonPrefix(of: ["crème", "crèpe"]) == "crè")
        #expect(LineEditor.commonPrefix(of: ["x", "y"]) == "")
        #expect(LineEditor.commonPrefix(of: []) == "")
        // "e" and "e" + combining acute are different characters: no partial character.
        #expect(LineEditor.commonPrefix(of: ["cafe", "cafe\u{301}"]) == "caf")
    }

    @Test("plain words become candidates ending with a space")
    func words() {
        let line = "x"
        let result = CompletionResult(replacing: line.startIndex..<line.endIndex, words: ["xa", "xb"])
        #expect(result.candidates == [CompletionCandidate("xa"), CompletionCandidate("xb")])
        #expect(result.candidates[0].terminator == " ")
        #expect(result.candidates[0].display == "xa")
    }
}
