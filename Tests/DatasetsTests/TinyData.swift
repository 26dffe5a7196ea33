import Foundation
import XCTest

@testable import Datasets

/// Small IDX/CSV files for the data set tests, and the message of a failed load.
enum TinyData {
    /// IDX bytes for `dims` with values `0, 1, 2, ...` (mod 256) unless given.
    static func idx(_ dims: [Int], values: [UInt8]? = nil) -> [UInt8] {
        let n = dims.reduce(1, *)
        return IDXFile(dimensions: dims, values: values ?? (0..<n).map { UInt8($0 % 256) }).encoded()
    }

    static func write(_ bytes: [UInt8], _ url: URL) throws {
        try Data(bytes).write(to: url)
    }

    static func write(_ text: String, _ url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// Writes a tiny IDX data set (train: 3 images of 2x2, test: 2) into `dir`, gzipped or raw.
    static func writeTinyIDX(in dir: URL, gzip: Bool) throws {
        let files: [(String, [UInt8])] = [
            ("train-images-idx3-ubyte", idx([3, 2, 2])),
            ("train-labels-idx1-ubyte", idx([3], values: [2, 0, 1])),
            ("t10k-images-idx3-ubyte", idx([2, 2, 2], values: [9, 8, 7, 6, 5, 4, 3, 2])),
            ("t10k-labels-idx1-ubyte", idx([2], values: [1, 1])),
        ]
        for (name, bytes) in files {
            if gzip {
                try write(Gzip.compress(bytes), dir.appendingPathComponent(name + ".gz"))
            } else {
                try write(bytes, dir.appendingPathComponent(name))
            }
        }
    }

    /// The error message `body` throws, or a test failure when it does not throw a DatasetError.
    static func message(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> String? {
        do {
            try body()
            XCTFail("expected a DatasetError", file: file, line: line)
        } catch let error as DatasetError {
            return error.message
        } catch {
            XCTFail("expected a DatasetError, got \(error)", file: file, line: line)
        }
        return nil
    }
}
