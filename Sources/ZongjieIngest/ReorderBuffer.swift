import Foundation

/// Puts results that workers finish in any order back into input order, and bounds what is in
/// flight: the reader must `admit` each input before reading it, which waits while `window`
/// inputs (or `byteBudget` bytes) are admitted and not yet taken by the writer. Memory is therefore
/// bounded by the window whatever the size of the archive, and output order does not depend on
/// the number of threads. An input larger than the byte budget is admitted alone.
final class ReorderBuffer<Element: Sendable>: @unchecked Sendable {
    enum Next {
        case element(Element)
        /// Nothing ready before the deadline (the writer refreshes its progress display).
        case timedOut
        /// Every admitted element has been taken and admissions are over (or cancelled).
        case finished
    }

    private let condition = NSCondition()
    private let window: Int
    private let byteBudget: Int
    private var nextAdmission = 0
    private var nextDelivery = 0
    private var bytesInFlight = 0
    private var sizes: [Int: Int] = [:]
    private var ready: [Int: Element] = [:]
    private var admissionsClosed = false
    private(set) var cancelled = false

    init(window: Int, byteBudget: Int) {
        precondition(window > 0)
        self.window = window
        self.byteBudget = byteBudget
    }

    /// Reserves the next sequence number for an input of `bytes` bytes, waiting for room.
    /// Returns nil when the run was cancelled.
    func admit(bytes: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled {
            let inFlight = nextAdmission - nextDelivery
            let fits = inFlight == 0 || (inFlight < window && bytesInFlight + bytes <= byteBudget)
            if fits { break }
            condition.wait()
        }
        if cancelled { return nil }
        let sequence = nextAdmission
        nextAdmission += 1
        bytesInFlight += bytes
        sizes[sequence] = bytes
        return sequence
    }

    /// No more admissions: `next` returns `.finished` once everything admitted is delivered.
    func closeAdmissions() {
        condition.lock()
        admissionsClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Hands in the result for an admitted sequence number.
    func complete(_ sequence: Int, _ element: Element) {
        condition.lock()
        if !cancelled { ready[sequence] = element }
        condition.broadcast()
        condition.unlock()
    }

    /// The element with the next sequence number, waiting at most until `deadline`.
    func next(before deadline: Date) -> Next {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let element = ready.removeValue(forKey: nextDelivery) {
                bytesInFlight -= sizes.removeValue(forKey: nextDelivery) ?? 0
                nextDelivery += 1
                condition.broadcast()
                return .element(element)
            }
            if cancelled || (admissionsClosed && nextDelivery == nextAdmission) { return .finished }
            if !condition.wait(until: deadline) { return .timedOut }
        }
    }

    /// Stops the run: admissions fail, pending results are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Admitted and not yet delivered (for tests).
    var inFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return nextAdmission - nextDelivery
    }
}
