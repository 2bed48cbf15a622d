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

    private struct State {
        var nextSequence: UInt64 = 1
        var sinks: [any AuditSink] = []
        /// A ring of the most recent events in sequence order, starting at `head`.
        var ring: [AuditEvent] = []
        var head = 0
        var dropped: UInt64 = 0
    }

    public let historyLimit: Int
    private let state: Mutex<State>

    public init(historyLimit: Int = AuditLog.defaultHistoryLimit, sinks: [any AuditSink] = []) {
        self.historyLimit = max(0, historyLimit)
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
        component: String, interface: String, function: String, arguments: String, decision: AuditDecision
    ) throws(AuditError) -> AuditEvent {
        let result: Result<AuditEvent, AuditError> = state.withLock { state in
            let event = AuditEvent(
                sequence: state.nextSequence, component: component, interface: interface, function: function,
                arguments: arguments, decision: decision, startedAt: WallClockTime.monotonicNanoseconds())
            state.nextSequence += 1
            Self.remember(event, in: &state, limit: historyLimit)
            do throws(AuditError) {
                for sink in state.sinks { try sink.record(event, phase: .decided) }
            } catch {
                return .failure(error)
            }
            return .success(event)
        }
        return try result.get()
    }

    /// Records the outcome of an event from `begin`, with its duration, and returns the finished event.
    @discardableResult
    public func finish(_ event: AuditEvent, outcome: AuditOutcome) throws(AuditError) -> AuditEvent {
        var finished = event
        finished.outcome = outcome
        let now = WallClockTime.monotonicNanoseconds()
        finished.durationNanoseconds = now >= event.startedAt ? now - event.startedAt : 0
        let failure: AuditError? = state.withLock { state in
            Self.update(finished, in: &state)
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
            Array(state.ring[state.head...] + state.ring[..<state.head])
        }
    }

    /// How many events fell out of `history` because of `historyLimit`.
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

    private static func remember(_ event: AuditEvent, in state: inout State, limit: Int) {
        guard limit > 0 else {
            state.dropped += 1
            return
        }
        if state.ring.count < limit {
            state.ring.append(event)
        } else {
            state.ring[state.head] = event
            state.head = (state.head + 1) % limit
            state.dropped += 1
        }
    }

    /// Replaces the kept copy of an event by its finished form, if it is still kept.
    private static func update(_ event: AuditEvent, in state: inout State) {
        guard let newest = state.ring.isEmpty ? nil : state.nextSequence - 1 else { return }
        let oldest = newest + 1 - UInt64(state.ring.count)
        guard event.sequence >= oldest, event.sequence <= newest else { return }
        let offset = Int(event.sequence - oldest)
        state.ring[(state.head + offset) % state.ring.count] = event
    }
}
