/// Chinese administrative place names (Resources/places.tsv: provinces, prefecture-level and
/// county-level divisions, GB/T 2260 as of 2021) and known organisations
/// (Resources/organisations.tsv), in tries for longest-match lookups over normalized text.
final class Gazetteer: Sendable {
    static let shared = Gazetteer()

    enum Level: UInt8, Sendable {
        case province, prefecture, county, township, region
    }

    struct Place: Sendable {
        var name: String
        var level: Level
        /// True for a short form (靖边 for 靖边县).
        var isShort: Bool
        /// GB/T 2260 code of the division and of its parent (0 for regions and provinces' parent).
        var code: Int = 0
        var parent: Int = 0
    }

    /// `ancestor` contains `place` (赣州市 contains 崇义县).
    func contains(_ ancestor: Place, _ place: Place) -> Bool {
        guard ancestor.code != 0 else { return false }
        var parent = place.parent
        var steps = 0
        while parent != 0, steps < 3 {
            if parent == ancestor.code { return true }
            parent = parentOf[parent] ?? 0
            steps += 1
        }
        return false
    }

    struct Organisation: Sendable {
        var name: String
        var type: InstitutionType
        /// The full name an abbreviation stands for, or nil for full names.
        var fullName: String?
    }

    private let places: [Place]
    private let parentOf: [Int: Int]
    private let placeTrie: ScalarTrie
    /// Full names only (靖边县, 三台县), for telling numerals inside place names.
    private let fullPlaceTrie: ScalarTrie
    private let organisations: [Organisation]
    private let organisationTrie: ScalarTrie

    /// Region words that stand where a place name would (东北师范大学, 华东师范大学).
    static let regions = ["东北", "华北", "华东", "华中", "华南", "西南", "西北", "中南", "东南", "江南", "岭南", "中原", "中国",
                          "首都", "全国", "国家", "中央", "西部", "东部", "中部", "北方", "南方", "江淮", "淮北", "淮南", "陕南", "陕北",
                          "川北", "川南", "滇西", "黔南", "闽南", "湘南", "鲁东", "苏北", "苏南", "浙南", "皖南", "皖北", "豫北", "赣南",
                          "桂林", "长江", "黄河", "三峡", "辽东", "胶东", "鄂西", "湘西", "渝东"]

    private init() {
        var places: [Place] = []
        var placeTrie = ScalarTrie()
        var fullTrie = ScalarTrie()
        var seenFull: Set<String> = []
        var seenShort: Set<String> = []
        var parentOf: [Int: Int] = [:]
        func add(_ name: String, _ level: Level, short: Bool, code: Int = 0, parent: Int = 0) {
            let entry = Int32(places.count)
            places.append(Place(name: name, level: level, isShort: short, code: code, parent: parent))
            placeTrie.insert(name.unicodeScalars.map(\.value), entry: entry)
            if !short { fullTrie.insert(name.unicodeScalars.map(\.value), entry: entry) }
        }
        let text = String(decoding: PackageResources.places_tsv, as: UTF8.self)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("code") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4 else { continue }
            let name = String(fields[1])
            let short = String(fields[2])
            let level: Level
            switch fields[3] {
            case "province": level = .province
            case "prefecture": level = .prefecture
            default: level = .county
            }
            let code = Int(fields[0]) ?? 0
            let parent = fields.count >= 5 ? Int(fields[4]) ?? 0 : 0
            parentOf[code] = parent
            if !seenFull.contains(name) {
                seenFull.insert(name)
                add(name, level, short: false, code: code, parent: parent)
            }
            if short.unicodeScalars.count >= 2, !seenShort.contains(short), !seenFull.contains(short) {
                seenShort.insert(short)
                add(short, level, short: true, code: code, parent: parent)
            }
        }
        for region in Self.regions where !seenShort.contains(region) && !seenFull.contains(region) {
            add(region, .region, short: true)
        }
        self.places = places
        self.parentOf = parentOf
        self.placeTrie = placeTrie
        self.fullPlaceTrie = fullTrie

        var organisations: [Organisation] = []
        var organisationTrie = ScalarTrie()
        var seenOrganisations: Set<String> = []
        let orgText = String(decoding: PackageResources.organisations_tsv, as: UTF8.self)
        for line in orgText.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("name\t") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, !fields[0].isEmpty else { continue }
            let name = String(fields[0])
            let type = InstitutionType(rawValue: String(fields[1])) ?? .other
            if !seenOrganisations.contains(name) {
                seenOrganisations.insert(name)
                organisationTrie.insert(name.unicodeScalars.map(\.value), entry: Int32(organisations.count))
                organisations.append(Organisation(name: name, type: type, fullName: nil))
            }
            if fields.count >= 3 {
                for abbreviation in fields[2].split(separator: ",") {
                    let short = abbreviation.trimmingCharacters(in: " ")
                    guard short.unicodeScalars.count >= 2, !seenOrganisations.contains(short) else { continue }
                    seenOrganisations.insert(short)
                    organisationTrie.insert(short.unicodeScalars.map(\.value), entry: Int32(organisations.count))
                    organisations.append(Organisation(name: short, type: type, fullName: name))
                }
            }
        }
        self.organisations = organisations
        self.organisationTrie = organisationTrie
    }

    var placeCount: Int { places.count }
    var organisationCount: Int { organisations.count }

    /// A full place name (三台县, 九台区) starts at `position`.
    func placeStarts(in s: [UInt32], at position: Int) -> Bool {
        var found = false
        s.withUnsafeBufferPointer { buffer in
            fullPlaceTrie.forEachMatch(in: buffer, from: position, limit: buffer.count) { length, _ in
                if length >= 2 { found = true }
            }
        }
        return found
    }

    /// The longest full place name (with its 省/市/县/区 suffix) starting at `position`.
    func longestFullPlace(in s: UnsafeBufferPointer<UInt32>, at position: Int, limit: Int) -> (place: Place, end: Int)? {
        var best: (Place, Int)?
        fullPlaceTrie.forEachMatch(in: s, from: position, limit: limit) { length, entry in
            best = (places[Int(entry)], position + length)
        }
        return best
    }

    /// The end of the longest full place name starting at `position` (no copy of the place).
    func longestFullPlaceEnd(in s: UnsafeBufferPointer<UInt32>, at position: Int, limit: Int) -> Int? {
        var end: Int?
        fullPlaceTrie.forEachMatch(in: s, from: position, limit: limit) { length, _ in end = position + length }
        return end
    }

    /// The end of the longest full place name starting at `position` of an array.
    func longestFullPlaceEnd(in s: [UInt32], from position: Int, limit: Int) -> Int? {
        s.withUnsafeBufferPointer { longestFullPlaceEnd(in: $0, at: position, limit: limit) }
    }

    /// The longest place name (full or short) starting at `position`.
    func longestPlace(in s: [UInt32], at position: Int, limit: Int? = nil) -> (place: Place, end: Int)? {
        var best: (Place, Int)?
        s.withUnsafeBufferPointer { buffer in
            placeTrie.forEachMatch(in: buffer, from: position, limit: limit ?? buffer.count) { length, entry in
                best = (places[Int(entry)], position + length)
            }
        }
        return best
    }

    /// The longest known organisation name starting at `position`.
    func longestOrganisation(in s: [UInt32], at position: Int, limit: Int? = nil) -> (organisation: Organisation, end: Int)? {
        s.withUnsafeBufferPointer { buffer in
            longestOrganisationEntry(in: buffer, at: position, limit: limit ?? buffer.count)
                .map { (organisations[Int($0.entry)], $0.end) }
        }
    }

    /// The longest known organisation name starting at `position`, as an entry for
    /// `organisation(_:)`: the scan over every position of a text copies no name.
    @inline(__always)
    func longestOrganisationEntry(in s: UnsafeBufferPointer<UInt32>, at position: Int, limit: Int) -> (entry: Int32, end: Int)? {
        var best: (Int32, Int)?
        organisationTrie.forEachMatch(in: s, from: position, limit: limit) { length, entry in best = (entry, position + length) }
        return best
    }

    func organisation(_ entry: Int32) -> Organisation { organisations[Int(entry)] }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
