import Foundation
import Testing
@testable import ZongjieIngest

@Suite("Reorder buffer and work queue")
struct ReorderBufferTests {
    @Test("Results finished in any order come out in admission order, never more than the window in flight")
    func order() {
        let buffer = ReorderBuffer<Int>(window: 4, byteBudget: 1 << 30)
        let queue = WorkQueue<Int>(capacity: 3)
        let maximum = MaximumTracker()
        let group = DispatchGroup()
        let count = 500
        group.enter()
        Thread {
            for _ in 0..<count {
                guard let sequence = buffer.admit(bytes: 1) else { break }
                maximum.observe(buffer.inFlight)
                queue.push(sequence)
            }
            queue.close()
            buffer.closeAdmissions()
            group.leave()
        }.start()
        for worker in 0..<3 {
            group.enter()
            Thread {
                var generator = SystemRandomNumberGenerator()
                while let sequence = queue.pop() {
                    if (sequence + worker) % 3 == 0 { usleep(UInt32.random(in: 0...300, using: &generator)) }
                    buffer.complete(sequence, sequence * 10)
                }
                group.leave()
            }.start()
        }
        var received: [Int] = []
        loop: while true {
            switch buffer.next(before: Date().addingTimeInterval(5)) {
            case .element(let value): received.append(value)
            case .timedOut: Issue.record("timed out"); break loop
            case .finished: break loop
            }
        }
        group.wait()
        #expect(received == (0..<count).map { $0 * 10 })
        #expect(maximum.value <= 4)
    }

    @Test("The byte budget holds back admissions, but a large input is admitted alone")
    func budget() {
        let buffer = ReorderBuffer<Int>(window: 100, byteBudget: 100)
        #expect(buffer.admit(bytes: 60) == 0)
        let admitted = Flag()
        Thread {
            _ = buffer.admit(bytes: 60)
            admitted.set()
        }.start()
        usleep(50_000)
        #expect(!admitted.value)
        buffer.complete(0, 0)
        guard case .element = buffer.next(before: Date().addingTimeInterval(1)) else {
            Issue.record("no element")
            return
        }
        for _ in 0..<100 where !admitted.value { usleep(10_000) }
        #expect(admitted.value)
        buffer.complete(1, 1)
        _ = buffer.next(before: Date().addingTimeInterval(1))
        #expect(buffer.admit(bytes: 1_000) == 2)
    }

    @Test("Cancelling releases a waiting reader")
    func cancel() {
        let buffer = ReorderBuffer<Int>(window: 1, byteBudget: 10)
        #expect(buffer.admit(bytes: 1) == 0)
        let result = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.value = buffer.admit(bytes: 1)
            done.signal()
        }.start()
        usleep(20_000)
        buffer.cancel()
        #expect(done.wait(timeout: .now() + 2) == .success)
        #expect(result.value == nil)
    }
}

private final class MaximumTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var maximum = 0
    func observe(_ value: Int) { lock.lock(); maximum = max(maximum, value); lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return maximum }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

private final class Box: @unchecked Sendable {
    var value: Int? = -1
}
