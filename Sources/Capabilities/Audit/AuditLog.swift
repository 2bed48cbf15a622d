import Synchronization

/// The host-call history: numbers events, keeps the most recent ones in memory, and hands every
/// record to its sinks (JSONL file, terminal lines) in order.
///
/// Two steps per host call, so that the decision is on record before anything happens:
/// `begin` records the `decided` phase with every sink (the JSONL sink writes it to the file
/// before returning) and only then may the host do the work; `finish` records the outcome.
/// A denied call is begun and finished too (its outcome is the error value the guest got).
public final class AuditLog: Sendable {
    /// How many events `history` keeps by default; older ones are dropped (still in the JSONL file).
    public static let defaultHistoryLimit = 10_000
    /// How much memory `history` may take by default, counting each event's texts.
    public static let defaultHistoryByteLimit = 8 << 20

    private struct State {
        var nextSequence: UInt64 = 1
        var sinks: [any AuditSink] = []
        /// A ring of the most recent events in sequence order: `count` of them from `head`.
        var ring: [AuditEvent] = []
        /// What each slot of `ring` takes, by `AuditLog.bytes(of:)`: measured once per event.
        var slotBytes: [Int] = []
        var head = 0
        var count = 0
        /// What the kept events take, by `AuditLog.bytes(of:)`.
        var bytes = 0
        var dropped: UInt64 = 0
    }

    public let historyLimit: Int
    public let historyByteLimit: Int
    private let state: Mutex<State>

    public init(
        historyLimit: Int = AuditLog.defaultHistoryLimit, historyByteLimit: Int = AuditLog.defaultHistoryByteLimit,
        sinks: [any AuditSink] = []
    ) {
        self.historyLimit = max(0, historyLimit)
        self.historyByteLimit = max(0, historyByteLimit)
        var initial = State()
        initial.sinks = sinks
        state = Mutex(initial)
    }

    public func add(_ sink: any AuditSink) {
        state.withLock { $0.sinks.append(sink) }
    }

    public func remove(_ sink: any AuditSink) {
        state.withLock { $0.sinks.removeAll { $0 === sink } }
    }

    /// Records a decision and returns the event to pass to `finish`. When a sink cannot record
    /// it, the event is still numbered and kept in memory, but the error is thrown: the caller
    /// must then not run the host work (treat the call as denied).
    public func begin(
        component: String, interface: String, function: String, arguments: AuditText, decision: AuditDecision,
        staysInProcess: Bool = false
    ) throws(AuditError) -> AuditEvent {
        try state.withLock { (state) throws(AuditError) -> AuditEvent in
            let event = AuditEvent(
                sequence: state.nextSequence, component: component, interface: interface, function: function,
                arguments: arguments, decision: decision, startedAt: WallClockTime.monotonicNanoseconds(),
                staysInProcess: staysInProcess)
            state.nextSequence += 1
            remember(event, in: &state)
            if let error = Self.record(event, .decided, in: state.sinks) {
                // The call will not run: the history must not show it as decided and pending.
                var notRun = event
                notRun.finish(
                    arguments: nil,
                    outcome: .failed(AuditText("not run: the decision could not be recorded (\(error))")),
                    traffic: nil, duration: 0)
                update(notRun, in: &state)
                throw error
            }
            return event
        }
    }

    /// Records the outcome of an event from `begin`, with its duration, and returns the finished
    /// event; `arguments`, when given, replaces the preview the decision was recorded with (the
    /// same text, measured whole).
    @discardableResult
    public func finish(
        _ event: borrowing AuditEvent, arguments: AuditText? = nil, outcome: AuditOutcome, traffic: StreamTraffic? = nil
    ) throws(AuditError) -> AuditEvent {
        let (failure, finished) = complete(
            event, arguments: arguments, outcome: outcome, traffic: traffic, returning: true)
        if let failure { throw failure }
        return finished ?? copy event
    }

    /// `finish` without handing the finished event back: the host-call path, which has no use
    /// for it, saves a copy of every text of the event.
    func close(
        _ event: borrowing AuditEvent, arguments: AuditText?, outcome: AuditOutcome, traffic: StreamTraffic?
    ) throws(AuditError) {
        let (failure, _) = complete(event, arguments: arguments, outcome: outcome, traffic: traffic, returning: false)
        if let failure { throw failure }
    }

    /// Finishes the kept copy of `event` in place (no copy of the event while the history keeps
    /// it), or a copy of it when the history no longer does, and hands it to the sinks.
    private func complete(
        _ event: borrowing AuditEvent, arguments: AuditText?, outcome: AuditOutcome, traffic: StreamTraffic?,
        returning: Bool
    ) -> (AuditError?, AuditEvent?) {
        let now = WallClockTime.monotonicNanoseconds()
        let duration = now >= event.startedAt ? now - event.startedAt : 0
        return state.withLock { state in
            if let slot = keptSlot(of: event.sequence, in: state) {
                let sinks = state.sinks
                // Worked on in place: reading an element of the ring would copy it.
                let (size, failure, finished) = Self.finishing(
                    &state.ring[slot], sinks: sinks, returning: returning
                ) { $0.finish(arguments: arguments, outcome: outcome, traffic: traffic, duration: duration) }
                state.bytes += size - state.slotBytes[slot]
                state.slotBytes[slot] = size
                while state.bytes > historyByteLimit, state.count > 1 { dropOldest(&state) }
                return (failure, finished)
            }
            var finished = copy event
            finished.finish(arguments: arguments, outcome: outcome, traffic: traffic, duration: duration)
            return (Self.record(finished, .finished, in: state.sinks), finished)
        }
    }

    private static func finishing(
        _ event: inout AuditEvent, sinks: [any AuditSink], returning: Bool, _ change: (inout AuditEvent) -> Void
    ) -> (size: Int, failure: AuditError?, finished: AuditEvent?) {
        change(&event)
        return (bytes(of: event), record(event, .finished, in: sinks), returning ? event : nil)
    }

    private static func record(_ event: borrowing AuditEvent, _ phase: AuditPhase, in sinks: [any AuditSink])
        -> AuditError?
    {
        do throws(AuditError) {
            for sink in sinks { try sink.record(event, phase: phase) }
        } catch {
            return error
        }
        return nil
    }

    /// The most recent events, oldest first; events still in progress have no outcome yet.
    public var history: [AuditEvent] {
        state.withLock { state in
            (0..<state.count).map { state.ring[(state.head + $0) % state.ring.count] }
        }
    }

    /// How many events fell out of `history` because of `historyLimit` or `historyByteLimit`.
    public var droppedFromHistory: UInt64 { state.withLock { $0.dropped } }

    public func flush() throws(AuditError) {
        let failure: AuditError? = state.withLock { state in
            do throws(AuditError) {
                for sink in state.sinks { try sink.flush() }
            } catch {
                return error
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// What an event takes in memory, roughly: its texts (or the values a text not written yet
    /// holds) and a fixed part for the rest.
    static func bytes(of event: AuditEvent) -> Int {
        var bytes = 256 + event.arguments.retainedBytes + event.decision.basis.utf8.count
        switch event.outcome {
        case .returned(let text)?, .failed(let text)?: bytes += text.retainedBytes
        case nil: break
        }
        return bytes
    }

    private func remember(_ event: AuditEvent, in state: inout State) {
        guard historyLimit > 0 else {
            state.dropped += 1
            return
        }
        let size = Self.bytes(of: event)
        if state.ring.count < historyLimit {
            state.ring.append(event)
            state.slotBytes.append(size)
            state.count += 1
        } else {
            if state.count == state.ring.count { dropOldest(&state) }
            let slot = (state.head + state.count) % state.ring.count
            state.ring[slot] = event
            state.slotBytes[slot] = size
            state.count += 1
        }
        state.bytes += size
        while state.bytes > historyByteLimit, state.count > 1 { dropOldest(&state) }
    }

    private func dropOldest(_ state: inout State) {
        state.bytes -= state.slotBytes[state.head]
        state.head = (state.head + 1) % state.ring.count
        state.count -= 1
        state.dropped += 1
    }

    /// Where the history keeps the event numbered `sequence`; nil when it no longer does.
    private func keptSlot(of sequence: UInt64, in state: borrowing State) -> Int? {
        guard state.count > 0 else { return nil }
        let newest = state.nextSequence - 1
        let oldest = newest + 1 - UInt64(state.count)
        guard sequence >= oldest, sequence <= newest else { return nil }
        return (state.head + Int(sequence - oldest)) % state.ring.count
    }

    /// Replaces the kept copy of an event by `event`, if it is still kept.
    private func update(_ event: AuditEvent, in state: inout State) {
        guard let slot = keptSlot(of: event.sequence, in: state) else { return }
        let size = Self.bytes(of: event)
        state.bytes += size - state.slotBytes[slot]
        state.ring[slot] = event
        state.slotBytes[slot] = size
        while state.bytes > historyByteLimit, state.count > 1 { dropOldest(&state) }
    }
}
