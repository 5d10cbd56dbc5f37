import Foundation
import Testing
import Zongjie
@testable import ZongjieIngest

@Suite("Ingest pipeline")
struct IngestPipelineTests {
    @Test("Every member of the archive is read, failed or skipped with its reason, in archive order")
    func archive() throws {
        let archive = IngestFixtures.path("archive.zip")
        let (documents, statistics) = try IngestFixtures.collect([archive])
        let rows = documents.map { "\($0.member ?? "") \($0.status.rawValue) \($0.failure?.reason.rawValue ?? "") \($0.encoding ?? "")" }
        #expect(rows == [
            "reports/2019/000.txt ok  UTF-8",
            "reports/2019/000.gb18030.txt ok  GB18030",
            "reports/2020/000.docx ok  UTF-8",
            "reports/2020/news.html ok  GB18030",
            "报告/总结.txt ok  GB18030",
            "inner.zip/deep/004.txt ok  UTF-8",
            "scan.pdf skipped unsupported-type ",
            "reports/binary.txt failed binary ",
            "reports/bad-xml.docx failed corrupt-docx ",
            "reports/damaged.txt failed corrupt-zip ",
        ])
        #expect(documents.allSatisfy { $0.source == archive })
        #expect(statistics.ok == 6 && statistics.failed == 3 && statistics.skipped == 1)
        let page = try CorpusFiles.bytes("pages/000_be7b476837a84dea.txt")
        #expect(documents[0].contentHash == SHA256.hex(page))
        #expect(documents[0].byteCount == page.count)
        #expect(documents[0].characterCount == documents[1].characterCount)
        #expect(documents[0].characterCount == documents[2].characterCount)
    }

    @Test("Truncated and fake archives, a missing path and unknown types are rows, and the run goes on")
    func brokenInputs() throws {
        let paths = ["truncated.zip", "not-a-zip.zip", "missing.txt", "notes.pdf", "page.gbk.html"].map(IngestFixtures.path)
        let (documents, statistics) = try IngestFixtures.collect(paths)
        #expect(documents.map(\.status) == [.failed, .failed, .failed, .skipped, .ok])
        #expect(documents.map { $0.failure?.reason } == [.corruptZip, .corruptZip, .unreadable, .unsupportedType, nil])
        #expect(documents.map(\.source) == paths)
        #expect(statistics.failed == 3)
        let summary = IngestSummary.render(statistics, kinds: [.count, .money], output: "out.sqlite")
        #expect(summary.hasPrefix("zongjie ingest: 5 files: 1 ok, 3 failed, 1 skipped\n"))
        // The one readable page (page.gbk.html) has records; the summary reports them per kind.
        let counted = statistics.records[.count] ?? 0
        let money = statistics.records[.money] ?? 0
        #expect(counted > 0)
        #expect(summary.contains("  records: count \(counted), money \(money) (\(statistics.recordCount) in all)\n"))
        #expect(summary.contains("  failed: corrupt-zip 2, unreadable 1\n"))
        #expect(summary.contains("  skipped: unsupported-type 1 (.pdf 1)\n    \(paths[3])\n"))
    }

    @Test("Folders are walked recursively in byte order of names; hidden files are ignored; overlaps are read once")
    func folders() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let page = try CorpusFiles.bytes("pages/000_be7b476837a84dea.txt")
        for name in ["b/2.txt", "a/z.txt", "a/B.txt", "a/sub/1.txt", ".hidden/x.txt", "a/.DS_Store", "a/~$lock.docx", "c.TXT"] {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(page).write(to: URL(fileURLWithPath: path))
        }
        let (documents, _) = try IngestFixtures.collect([folder, folder + "/a/", folder + "/b/2.txt"])
        let names = documents.map { String($0.source.dropFirst(folder.count + 1)) }
        #expect(names == ["a/B.txt", "a/sub/1.txt", "a/z.txt", "b/2.txt", "c.TXT"])
        #expect(documents.allSatisfy { $0.status == .ok })
    }

    @Test("Output is identical for 1, 2 and 4 threads and a small window")
    func determinism() throws {
        let paths = [CorpusFiles.url("pages").path, IngestFixtures.path("archive.zip"),
                     CorpusFiles.url("fixtures/encodings").path, IngestFixtures.path("page.gbk.html")]
        let one = IngestFixtures.fingerprint(try IngestFixtures.collect(paths, threads: 1).documents)
        let two = IngestFixtures.fingerprint(try IngestFixtures.collect(paths, threads: 2).documents)
        let four = IngestFixtures.fingerprint(try IngestFixtures.collect(paths, threads: 4, window: 2).documents)
        #expect(one.count > 20)
        #expect(one == two)
        #expect(one == four)
    }

    @Test("Inputs above the size limit fail as too-large without stopping the run")
    func sizeLimit() throws {
        let paths = [CorpusFiles.url("pages/000_be7b476837a84dea.txt").path, IngestFixtures.path("archive.zip"),
                     CorpusFiles.url("fixtures/encodings/short.gbk.txt").path]
        let (documents, _) = try IngestFixtures.collect(paths, maximumFileBytes: 10_000)
        #expect(documents.first?.failure?.reason == .tooLarge)
        #expect(documents.last?.status == .ok)
        let members = documents.filter { $0.source.hasSuffix("archive.zip") }
        #expect(members.first { $0.member == "reports/2019/000.txt" }?.failure?.reason == .tooLarge)
        #expect(members.first { $0.member == "reports/2020/news.html" }?.status == .ok)
        #expect(members.first { $0.member == "inner.zip" }?.failure?.reason == .tooLarge)
    }

    @Test("JSONL on standard input: ids (strings, numbers, absent) become members; bad lines fail alone")
    func standardInput() throws {
        let folder = try IngestFixtures.temporaryFolder()
        defer { IngestFixtures.remove(folder) }
        let page = try CorpusFiles.text("pages/000_be7b476837a84dea.txt")
        var lines: [String] = []
        var object = JSONObjectWriter()
        object.add("id", "doc-1")
        object.add("text", page)
        lines.append(object.finish())
        lines.append("{\"id\": 42, \"text\": \"我院共选派了19名医务人员。\"}")
        lines.append("not json")
        lines.append("")
        lines.append("{\"text\": \"没有编号\"}\r")
        lines.append("{\"id\": \"x\"}")
        let input = folder + "/input.jsonl"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: input))
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        defer { try? handle.close() }
        let (documents, statistics) = try IngestFixtures.collect(["-"], standardInput: handle)
        #expect(documents.map { $0.member ?? "" } == ["doc-1", "42", "line 3", "5", "x"])
        #expect(documents.map(\.status) == [.ok, .ok, .failed, .ok, .failed])
        #expect(documents.allSatisfy { $0.source == "-" })
        #expect(documents[0].characterCount == page.unicodeScalars.count)
        #expect(documents[0].contentHash == SHA256.hex(Array(page.utf8)))
        #expect(documents[2].failure?.reason == .invalidJSON)
        #expect(statistics.failed == 2)
    }

    @Test("Cancelling stops the run, abandons the sink and reports what was done")
    func cancel() throws {
        let sink = CollectingSink()
        let pipeline = IngestPipeline(options: IngestOptions(paths: [CorpusFiles.url("pages").path], threads: 2))
        pipeline.cancel()
        #expect(throws: IngestInterrupted.self) { try pipeline.run(into: sink) }
        #expect(sink.abandoned)
        #expect(!sink.finished)
    }

    #if canImport(Glibc)
    @Test("The malloc arena cap of programs that run ingest repeatedly takes effect on glibc")
    func arenaCap() {
        #expect(AllocatorSettings.limitArenas(workerThreads: 2))
    }

    @Test("The thresholds that keep freed memory for the next document take effect on glibc")
    func freedMemoryKept() {
        #expect(AllocatorSettings.retainFreedMemory())
    }
    #endif
}
