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
        let result: Result<AuditEvent, AuditError> = state.withLock { state in
            let event = AuditEvent(
                sequence: state.nextSequence, component: component, interface: interface, function: function,
                arguments: arguments, decision: decision, startedAt: WallClockTime.monotonicNanoseconds(),
                staysInProcess: staysInProcess)
            state.nextSequence += 1
            remember(event, in: &state)
            do throws(AuditError) {
                for sink in state.sinks { try sink.record(event, phase: .decided) }
            } catch {
                // The call will not run: the history must not show it as decided and pending.
                var notRun = event
                notRun.outcome = .failed(AuditText("not run: the decision could not be recorded (\(error))"))
                notRun.durationNanoseconds = 0
                update(notRun, in: &state)
                return .failure(error)
            }
            return .success(event)
        }
        return try result.get()
    }

    /// Records the outcome of an event from `begin`, with its duration, and returns the finished
    /// event; `arguments`, when given, replaces the preview the decision was recorded with (the
    /// same text, measured whole).
    @discardableResult
    public func finish(
        _ event: consuming AuditEvent, arguments: AuditText? = nil, outcome: AuditOutcome, traffic: StreamTraffic? = nil
    ) throws(AuditError) -> AuditEvent {
        // Taken, not copied: a copy retains every text of the event.
        var finished = event
        if let arguments { finished.arguments = arguments }
        finished.traffic = traffic
        finished.outcome = outcome
        let now = WallClockTime.monotonicNanoseconds()
        finished.durationNanoseconds = now >= finished.startedAt ? now - finished.startedAt : 0
        let failure: AuditError? = state.withLock { state in
            update(finished, in: &state)
            do throws(AuditError) {
                for sink in state.sinks { try sink.record(finished, phase: .finished) }
            } catch {
                return error
            }
            return nil
        }
        if let failure { throw failure }
        return finished
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

    /// Replaces the kept copy of an event by its finished form, if it is still kept.
    private func update(_ event: AuditEvent, in state: inout State) {
        guard state.count > 0 else { return }
        let newest = state.nextSequence - 1
        let oldest = newest + 1 - UInt64(state.count)
        guard event.sequence >= oldest, event.sequence <= newest else { return }
        let slot = (state.head + Int(event.sequence - oldest)) % state.ring.count
        let size = Self.bytes(of: event)
        state.bytes += size - state.slotBytes[slot]
        state.ring[slot] = event
        state.slotBytes[slot] = size
        while state.bytes > historyByteLimit, state.count > 1 { dropOldest(&state) }
    }
}
